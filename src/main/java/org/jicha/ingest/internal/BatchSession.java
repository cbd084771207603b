package org.jicha.ingest.internal;

import java.time.LocalDateTime;
import org.jicha.ingest.IngestProperties;
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

    public BatchSession(StoredKeys storedKeys, IngestProperties properties, LocalDateTime changedAt) {
        this.references = new ReferenceIndex(storedKeys);
        this.properties = properties;
        this.changedAt = changedAt;
        this.rowContext = new RowContext(references, properties.readOnGraceDays());
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
