package org.jicha.records;

/**
 * Where the accepted rows of one file go, inside the caller's transaction: rows are handed over one by one
 * (values in the order of the columns the upsert was opened with) and are all in the table once
 * {@link #finish()} returns. Only those columns are written, a row whose values equal the stored ones is left
 * untouched, and the table's changed-at column (if any) is set only for rows that are new or differ. When a
 * key is repeated, its last row is the one stored. {@link #close()} abandons whatever was not finished, so the
 * transaction can roll back cleanly.
 */
public interface TableUpsert extends AutoCloseable {

    void add(Object[] values);

    void finish();

    @Override
    void close();
}
