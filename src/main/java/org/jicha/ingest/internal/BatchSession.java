package org.jicha.ingest.internal;

import java.time.LocalDateTime;
import org.jicha.ingest.IngestProperties;
import org.jicha.ingest.LoadProgress;
import org.jicha.records.StoredKeys;

/**
 * The state one batch load carries from file to file: which keys resolve, which files were rejected, and the
 * time stamped on changed customers.
 */
public final class BatchSession {

    private final ReferenceIndex references;
    private final LocalDateTime changedAt;
    private final IngestProperties properties;
    private final RowContext rowContext;
    private final LoadProgress progress;
    private final long batchBytes;
    private long bytesBefore;
    private long fileBytes;

    /** {@code batchBytes}: the size of the contract files the batch will read, for {@code progress}. */
    public BatchSession(
            StoredKeys storedKeys,
            IngestProperties properties,
            LocalDateTime changedAt,
            LoadProgress progress,
            long batchBytes) {
        this.references = new ReferenceIndex(storedKeys);
        this.properties = properties;
        this.changedAt = changedAt;
        this.rowContext = new RowContext(references, properties.readOnGraceDays());
        this.progress = progress;
        this.batchBytes = batchBytes;
    }

    /** The next file, of this size, is about to be read. */
    public void nextFile(long size) {
        bytesBefore += fileBytes;
        fileBytes = size;
    }

    /** Rows of the current file read so far, and its bytes read (the reader's buffer ahead of the rows). */
    void read(String file, long rows, boolean done, long bytesRead) {
        long read = bytesBefore + (done ? fileBytes : Math.min(bytesRead, fileBytes));
        progress.read(file, rows, done, Math.min(read, batchBytes), batchBytes);
    }

    ReferenceIndex references() {
        return references;
    }

    LocalDateTime changedAt() {
        return changedAt;
    }

    RowContext rowContext() {
        return rowContext;
    }

    int jdbcBatchSize() {
        return Math.max(1, properties.jdbcBatchSize());
    }

    int maxRejectionsPerFile() {
        return properties.maxRejectionsPerFile();
    }
}
