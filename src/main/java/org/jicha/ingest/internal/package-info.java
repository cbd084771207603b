/**
 * How the loader works, private to {@code org.jicha.ingest}: the contract's files and columns
 * ({@code ContractFile}), encoding detection, row parsing and policies, the reference index, the MERGE
 * upsert, zip extraction, the load-record store and report writer.
 */
package org.jicha.ingest.internal;
