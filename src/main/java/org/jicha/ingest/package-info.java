/**
 * Loading the nightly extract (data-contract.md): CSV batches from the inbox, a folder or an uploaded zip are
 * checked file by file and row by row, upserted by natural key into the records module's tables, and recorded
 * as loads with their rejections.
 * Only the contract's files are read and kept, within the per-batch limit and the disk budget; the archive is
 * emptied of expired batches by {@link org.jicha.ingest.ArchiveRetention}.
 *
 * <p>Others call {@link org.jicha.ingest.BatchLoader#load(java.nio.file.Path)},
 * {@link org.jicha.ingest.InboxService}, {@link org.jicha.ingest.ArchiveRetention} and
 * {@link org.jicha.ingest.LoadHistory}, and read
 * {@link org.jicha.ingest.LoadResult}. The contract's file specs, CSV reading, row policies and the
 * load-record store live in {@code internal} and are not for other packages.
 */
package org.jicha.ingest;
