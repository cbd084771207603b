package org.jicha.records.internal;

import java.util.ArrayList;
import java.util.List;
import org.jicha.records.TableUpsert;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portable upsert (H2): one {@code MERGE} per row ({@link UpsertStatement}), sent in JDBC batches. Rows run
 * in the order given, so a repeated key ends with its last row.
 */
public final class MergeUpsert implements TableUpsert {

    private final UpsertStatement statement;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final List<Object[]> buffer;

    public MergeUpsert(UpsertStatement statement, JdbcTemplate jdbc, int batchSize) {
        this.statement = statement;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.buffer = new ArrayList<>(batchSize);
    }

    @Override
    public void add(Object[] values) {
        buffer.add(statement.parameters(values));
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
