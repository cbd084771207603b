/**
 * How contract rows reach their tables, private to {@code org.jicha.records}: the portable MERGE per row (H2),
 * COPY into a staging table with one set-based upsert (PostgreSQL), and the refresh of planner statistics.
 */
package org.jicha.records.internal;
