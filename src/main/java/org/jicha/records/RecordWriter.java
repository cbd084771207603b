package org.jicha.records;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jicha.records.internal.CopyUpsert;
import org.jicha.records.internal.MergeUpsert;
import org.jicha.records.internal.TableStatistics;
import org.jicha.records.internal.UpsertStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one way rows get into the contract tables: an upsert by natural key per table, and the refresh of the
 * planner's statistics once a load has written.
 */
@Component
public class RecordWriter {

    private final JdbcTemplate jdbc;
    private final TableStatistics statistics;
    private volatile Boolean postgres;

    public RecordWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.statistics = new TableStatistics(jdbc);
    }

    /**
     * Opens the upsert of rows of {@code table} holding {@code columns}, inside the caller's transaction.
     * PostgreSQL gets COPY into a staging table and one set-based upsert; other databases (H2) the portable
     * MERGE per row in JDBC batches of {@code jdbcBatchSize}. Decided by the connected database's product name,
     * not by a profile.
     *
     * <p>With {@code straightIntoEmpty}, a table that is empty when the first row comes gets its rows without the
     * upsert (PostgreSQL: COPY straight into the table; H2: plain INSERTs), three times faster for the big files of a
     * first load; every row is new there, so the result is the upsert's, unless a key repeats in the file: then the
     * upsert throws {@link RepeatedKeyException} and the caller rolls back and writes the file again without
     * {@code straightIntoEmpty}.
     *
     * @param changedAt the time stamped on rows that are new or differ
     */
    public TableUpsert upsert(
            ContractTable table,
            List<StoredColumn> columns,
            LocalDateTime changedAt,
            int jdbcBatchSize,
            boolean straightIntoEmpty) {
        if (postgres()) {
            return new CopyUpsert(table, columns, changedAt, jdbc, straightIntoEmpty);
        }
        if (straightIntoEmpty) {
            return MergeUpsert.intoEmptyOrMerge(table, columns, changedAt, jdbc, jdbcBatchSize);
        }
        return new MergeUpsert(new UpsertStatement(table, columns, changedAt), jdbc, jdbcBatchSize);
    }

    /**
     * Refreshes the planner's statistics of the tables a load wrote, so the audit right after a nightly load is
     * planned on the new row counts.
     */
    public void refreshStatistics(Collection<ContractTable> written) {
        statistics.refresh(written);
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            String product = jdbc.execute(
                    (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = "PostgreSQL".equalsIgnoreCase(product);
            postgres = known;
        }
        return known;
    }
}
