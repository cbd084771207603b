/**
 * How the loader works, private to {@code org.jicha.ingest}: the contract's files and columns
 * ({@code ContractFile}), encoding detection, row parsing and policies, the reference index, zip extraction,
 * the load-record store and report writer. Accepted rows are written through the records module's
 * {@code RecordWriter}, which owns the contract tables.
 */
package org.jicha.ingest.internal;
