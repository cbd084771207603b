/**
 * Scheduling with Quartz on the JDBC job store (tables made by Flyway): the nightly job loads new inbox
 * batches, then audits as of today. Jobs are thin: one call into {@link org.jicha.schedule.NightlyAudit}.
 */
package org.jicha.schedule;
