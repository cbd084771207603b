package org.jicha.records.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jicha.records.ContractTable;
import org.jicha.records.RepeatedKeyException;
import org.jicha.records.StoredColumn;
import org.jicha.records.TableUpsert;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The PostgreSQL upsert: the accepted rows stream through {@code COPY ... FROM STDIN} (text format) into a
 * temporary staging table that lives until the file's transaction ends, then one set-based
 * {@code INSERT ... SELECT ... ON CONFLICT (key) DO UPDATE ... WHERE ... IS DISTINCT FROM ...} moves them into
 * the table. Semantics are those of {@link UpsertStatement}'s MERGE: only the given columns are written,
 * equal rows are not touched, changed-at moves only for new or different rows. A repeated key keeps
 * its last row ({@code DISTINCT ON} by key, latest staging line first); in between rows of that key
 * leave no trace (the MERGE would have moved changed-at even if the last row equals the stored one).
 *
 * <p>Into an <em>empty</em> table (a first load, or a table the extract fills anew), when the caller allows it, the
 * rows go straight into the table by {@code COPY}, changed-at included: the staging way's
 * {@code INSERT ... ON CONFLICT} costs more than the copy itself (2.75 M readings: 16-22 s moved from the staging table
 * against 11.5 s copied into the table). Every row is new there, so the result is the staging way's, unless a key
 * repeats in the file: the table's primary key then stops the copy and {@link RepeatedKeyException} tells the caller
 * to roll back and write the file again the staging way, which keeps the key's last row.
 */
public final class CopyUpsert implements TableUpsert {

    private static final int FLUSH_CHARS = 1 << 16;
    private static final String UNIQUE_VIOLATION = "23505";

    private final ContractTable table;
    private final List<StoredColumn> columns;
    private final LocalDateTime changedAt;
    private final JdbcTemplate jdbc;
    private final String stage;
    private final StringBuilder text = new StringBuilder(FLUSH_CHARS + 4096);
    private final boolean straightIntoEmpty;
    /** The changed-at of rows copied straight in, as COPY text (null: the table has no such column). */
    private final String changedAtText;

    private Connection connection;
    private CopyIn copy;
    private long stageLine;
    /** Rows go straight into the table (allowed, and the table was empty when opened). */
    private boolean direct;

    public CopyUpsert(
            ContractTable table,
            List<StoredColumn> columns,
            LocalDateTime changedAt,
            JdbcTemplate jdbc,
            boolean straightIntoEmpty) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.changedAt = changedAt;
        this.jdbc = jdbc;
        this.stage = "jicha_stage_" + table.table();
        this.straightIntoEmpty = straightIntoEmpty;
        this.changedAtText =
                table.changedAtColumn() == null ? null : changedAt.toLocalDate() + " " + changedAt.toLocalTime();
    }

    @Override
    public void add(Object[] values) {
        if (connection == null) {
            open();
        }
        // one line of COPY's text format: the values, then changed-at (straight in) or the staging line number
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendValue(values[i]);
        }
        if (direct) {
            if (changedAtText != null) {
                text.append('\t').append(changedAtText);
            }
        } else {
            text.append('\t').append(++stageLine);
        }
        text.append('\n');
        if (text.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    @Override
    public void finish() {
        if (copy == null) {
            return;
        }
        flush();
        try {
            copy.endCopy();
            copy = null;
            if (direct) {
                return;
            }
            upsertFromStage();
        } catch (SQLException e) {
            throw translate(direct ? "COPY" : "upsert from staging", e);
        }
    }

    private void upsertFromStage() throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql())) {
            if (table.changedAtColumn() != null) {
                upsert.setTimestamp(1, Timestamp.valueOf(changedAt));
            }
            upsert.executeUpdate();
        }
    }

    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction rolls back anyway; a copy that cannot be cancelled has already ended
        } finally {
            copy = null;
            if (connection != null) {
                DataSourceUtils.releaseConnection(connection, dataSource());
                connection = null;
            }
        }
    }

    private void open() {
        connection = DataSourceUtils.getConnection(dataSource());
        try (Statement statement = connection.createStatement();
                ResultSet any = statement.executeQuery("SELECT 1 FROM " + table.table() + " LIMIT 1")) {
            direct = straightIntoEmpty && !any.next();
        } catch (SQLException e) {
            throw translate("looking into", e);
        }
        if (!direct) {
            openStaging();
            return;
        }
        String names = columnNames();
        if (table.changedAtColumn() != null) {
            names += ", " + table.changedAtColumn();
        }
        try {
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table.table() + " (" + names + ") FROM STDIN");
        } catch (SQLException e) {
            throw translate("COPY", e);
        }
    }

    /** The temporary staging table for this file's rows and the COPY into it. */
    private void openStaging() {
        String names = columnNames();
        try (Statement statement = connection.createStatement()) {
            // same column types as the table (so COPY rounds and overflows as an insert would), no constraints
            statement.execute("CREATE TEMP TABLE " + stage + " ON COMMIT DROP AS SELECT " + names
                    + ", CAST(0 AS BIGINT) AS stage_line FROM " + table.table() + " WITH NO DATA");
            copy = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + stage + " (" + names + ", stage_line) FROM STDIN");
        } catch (SQLException e) {
            throw translate("staging", e);
        }
    }

    private void flush() {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw translate("COPY", e);
        }
    }

    /** One value in COPY's text format: {@code \N} for null, backslash escapes for the characters it treats specially. */
    private void appendValue(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append(c);
                }
            }
        } else if (value instanceof BigDecimal number) {
            CopyText.appendDecimal(text, number);
        } else if (value instanceof LocalDate date) {
            CopyText.appendDate(text, date);
        } else if (value instanceof Boolean flag) {
            text.append(flag ? 't' : 'f');
        } else if (value instanceof LocalDateTime timestamp) {
            CopyText.appendDate(text, timestamp.toLocalDate());
            text.append(' ').append(timestamp.toLocalTime());
        } else {
            text.append(value); // Integer
        }
    }

    String upsertSql() {
        List<String> keys = columns.stream()
                .filter(StoredColumn::key)
                .map(StoredColumn::name)
                .toList();
        List<String> nonKey =
                columns.stream().filter(c -> !c.key()).map(StoredColumn::name).toList();
        List<String> targetNames =
                new ArrayList<>(columns.stream().map(StoredColumn::name).toList());
        List<String> values =
                new ArrayList<>(targetNames.stream().map(n -> "s." + n).toList());
        String changedAtColumn = table.changedAtColumn();
        if (changedAtColumn != null) {
            targetNames.add(changedAtColumn);
            values.add("CAST(? AS TIMESTAMP)");
        }
        String keyList = String.join(", ", keys);
        String sql = "INSERT INTO " + table.table() + " AS t (" + String.join(", ", targetNames) + ")"
                + " SELECT DISTINCT ON (" + keys.stream().map(k -> "s." + k).collect(Collectors.joining(", "))
                + ") " + String.join(", ", values) + " FROM " + stage + " s"
                + " ORDER BY " + keys.stream().map(k -> "s." + k).collect(Collectors.joining(", "))
                + ", s.stage_line DESC"
                + " ON CONFLICT (" + keyList + ") DO ";
        if (nonKey.isEmpty()) {
            return sql + "NOTHING";
        }
        List<String> sets =
                new ArrayList<>(nonKey.stream().map(n -> n + " = EXCLUDED." + n).toList());
        if (changedAtColumn != null) {
            sets.add(changedAtColumn + " = EXCLUDED." + changedAtColumn);
        }
        return sql + "UPDATE SET " + String.join(", ", sets) + " WHERE "
                + nonKey.stream()
                        .map(n -> "t." + n + " IS DISTINCT FROM EXCLUDED." + n)
                        .collect(Collectors.joining(" OR "));
    }

    private String columnNames() {
        return columns.stream().map(StoredColumn::name).collect(Collectors.joining(", "));
    }

    private DataSource dataSource() {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            throw new IllegalStateException("the JdbcTemplate has no DataSource");
        }
        return dataSource;
    }

    private RuntimeException translate(String task, SQLException e) {
        if (direct && UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return new RepeatedKeyException(table.table(), e);
        }
        RuntimeException translated = jdbc.getExceptionTranslator().translate(task + " of " + table.table(), null, e);
        return translated != null ? translated : new IllegalStateException(e);
    }
}
