package org.jicha.ingest.internal;

/**
 * What row policies may consult beyond the row itself.
 *
 * @param references the keys stored or accepted so far in this batch
 * @param readOnGraceDays how many days after the last day of its period a reading may still be taken
 */
record RowContext(ReferenceIndex references, int readOnGraceDays) {}
