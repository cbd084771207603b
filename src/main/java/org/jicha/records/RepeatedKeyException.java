package org.jicha.records;

/**
 * A row's key repeats an earlier row of the same file that was written straight into an empty table (no upsert, so
 * nothing to keep the last row of a key). The writing is abandoned; the caller rolls back and writes the file again
 * through the upsert, which keeps a repeated key's last row ({@link RecordWriter#upsert}, {@code straightIntoEmpty}
 * false).
 */
public class RepeatedKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RepeatedKeyException(String table, Throwable cause) {
        super("a key repeats in the rows written straight into the empty table " + table, cause);
    }
}
