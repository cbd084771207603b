package org.jicha.records.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jicha.records.ContractTable;
import org.jicha.records.RepeatedKeyException;
import org.jicha.records.StoredColumn;
import org.jicha.records.TableUpsert;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portable upsert (H2): one {@code MERGE} per row ({@link UpsertStatement}), sent in JDBC batches. Rows run
 * in the order given, so a repeated key ends with its last row. Into an empty table, when the caller allows it, a plain
 * {@code INSERT} per row instead ({@link UpsertStatement#insertInto}); a repeated key then ends the writing with
 * {@link RepeatedKeyException} and the caller writes the file again with the MERGE.
 */
public final class MergeUpsert implements TableUpsert {

    private final UpsertStatement statement;
    private final boolean inserting;
    private final String table;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final List<Object[]> buffer;

    public MergeUpsert(UpsertStatement statement, JdbcTemplate jdbc, int batchSize) {
        this(statement, false, null, jdbc, batchSize);
    }

    private MergeUpsert(UpsertStatement statement, boolean inserting, String table, JdbcTemplate jdbc, int batchSize) {
        this.statement = statement;
        this.inserting = inserting;
        this.table = table;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
        this.buffer = new ArrayList<>(batchSize);
    }

    /** Plain inserts if {@code table} is empty now, the MERGE otherwise. */
    public static MergeUpsert intoEmptyOrMerge(
            ContractTable table,
            List<StoredColumn> columns,
            LocalDateTime changedAt,
            JdbcTemplate jdbc,
            int batchSize) {
        List<Integer> any =
                jdbc.queryForList("SELECT 1 FROM " + table.table() + " FETCH FIRST 1 ROWS ONLY", Integer.class);
        if (!any.isEmpty()) {
            return new MergeUpsert(new UpsertStatement(table, columns, changedAt), jdbc, batchSize);
        }
        return new MergeUpsert(
                UpsertStatement.insertInto(table, columns, changedAt), true, table.table(), jdbc, batchSize);
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
            try {
                statement.execute(jdbc, buffer);
            } catch (DuplicateKeyException e) {
                if (inserting) {
                    throw new RepeatedKeyException(table, e);
                }
                throw e;
            }
            buffer.clear();
        }
    }

    @Override
    public void close() {
        buffer.clear();
    }
}
