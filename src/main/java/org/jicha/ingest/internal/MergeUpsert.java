package org.jicha.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portable upsert (H2): one {@code MERGE} per row ({@link UpsertStatement}), sent in JDBC batches. Rows run
 * in file order, so a key repeated in the file ends with its last row.
 */
final class MergeUpsert implements FileUpsert {

    private final UpsertStatement statement;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final List<Object[]> buffer;

    MergeUpsert(UpsertStatement statement, JdbcTemplate jdbc, int batchSize) {
        this.statement = statement;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void add(ParsedRow row) {
        buffer.add(statement.parameters(row));
        if (buffer.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void finish() {
        flush();
    }

    private void flush() {
        if (!buffer.isEmpty()) {
            statement.execute(jdbc, buffer);
            buffer.clear();
        }
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
