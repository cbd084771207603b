package org.jicha.ingest.internal;

/**
 * Where the accepted rows of one file go, inside the file's transaction: rows are handed over one by one and
 * are all in the table once {@link #finish()} returns. Only the columns of the file's header are written, a
 * row whose values equal the stored ones is left untouched, and the table's changed-at column (if any) is set
 * only for rows that are new or differ. When one file repeats a key, its last accepted row is the one stored.
 * {@link #close()} abandons whatever was not finished, so the transaction can roll back cleanly.
 */
interface FileUpsert extends AutoCloseable {

    void add(ParsedRow row);

    void finish();

    @Override
    void close();
}
