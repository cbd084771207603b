package org.jicha.records.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jicha.records.ContractTable;
import org.jicha.records.StoredColumn;
import org.jicha.records.StoredType;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upsert of one contract table's rows by their natural key, as a standard SQL {@code MERGE} that runs unchanged on
 * H2 2.x and PostgreSQL 15. Only the columns it is opened with are written: an optional column
 * left out is null in a new row and left unchanged in an existing one. A row whose values equal
 * the stored ones is not touched, so loading a batch twice changes nothing; where the table has a
 * changed-at column it is set only when the row is new or its values differ.
 */
public final class UpsertStatement {

    private final List<StoredColumn> columns;
    private final String sql;
    private final LocalDateTime changedAt;
    private final boolean hasChangedAt;

    public UpsertStatement(ContractTable table, List<StoredColumn> columns, LocalDateTime changedAt) {
        this(table, columns, changedAt, false);
    }

    private UpsertStatement(ContractTable table, List<StoredColumn> columns, LocalDateTime changedAt, boolean insert) {
        this.columns = List.copyOf(columns);
        this.changedAt = changedAt;
        this.hasChangedAt = table.changedAtColumn() != null;
        this.sql = insert ? insertSql(table, this.columns) : buildSql(table, this.columns);
    }

    /**
     * A plain {@code INSERT} of the same parameters, for rows going into an empty table: every row is new there, so
     * the result is the MERGE's as long as no key repeats (the primary key refuses a repeat).
     */
    public static UpsertStatement insertInto(ContractTable table, List<StoredColumn> columns, LocalDateTime changedAt) {
        return new UpsertStatement(table, columns, changedAt, true);
    }

    private static String insertSql(ContractTable table, List<StoredColumn> columns) {
        List<String> names = names(table, columns);
        return "INSERT INTO " + table.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", casts(columns, names.size())) + ")";
    }

    /** The columns the statement writes: the given ones, then the table's changed-at column if it has one. */
    private static List<String> names(ContractTable table, List<StoredColumn> columns) {
        List<String> names =
                new ArrayList<>(columns.stream().map(StoredColumn::name).toList());
        if (table.changedAtColumn() != null) {
            names.add(table.changedAtColumn());
        }
        return names;
    }

    /** One typed placeholder per written column; past the given columns, the changed-at's timestamp. */
    private static List<String> casts(List<StoredColumn> columns, int count) {
        List<String> casts = new ArrayList<>(columns.stream()
                .map(c -> "CAST(? AS " + c.type().sqlType() + ")")
                .toList());
        while (casts.size() < count) {
            casts.add("CAST(? AS TIMESTAMP)");
        }
        return casts;
    }

    public String sql() {
        return sql;
    }

    private static String buildSql(ContractTable table, List<StoredColumn> columns) {
        List<String> names = names(table, columns);
        List<String> casts = casts(columns, names.size());
        String changedAt = table.changedAtColumn();
        String matchOn = columns.stream()
                .filter(StoredColumn::key)
                .map(c -> "t." + c.name() + " = s." + c.name())
                .collect(Collectors.joining(" AND "));
        List<StoredColumn> nonKey = columns.stream().filter(c -> !c.key()).toList();
        String merge = "MERGE INTO " + table.table() + " t USING (VALUES (" + String.join(", ", casts) + ")) AS s ("
                + String.join(", ", names) + ") ON " + matchOn;
        if (!nonKey.isEmpty()) {
            String differs = nonKey.stream()
                    .map(c -> "t." + c.name() + " IS DISTINCT FROM s." + c.name())
                    .collect(Collectors.joining(" OR "));
            List<String> sets = new ArrayList<>(
                    nonKey.stream().map(c -> c.name() + " = s." + c.name()).toList());
            if (changedAt != null) {
                sets.add(changedAt + " = s." + changedAt);
            }
            merge += " WHEN MATCHED AND (" + differs + ") THEN UPDATE SET " + String.join(", ", sets);
        }
        return merge + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "s." + n).collect(Collectors.joining(", ")) + ")";
    }

    /** The parameters of one row (values in the order of the columns), in the order of the statement. */
    Object[] parameters(Object[] values) {
        Object[] parameters = new Object[columns.size() + (hasChangedAt ? 1 : 0)];
        for (int i = 0; i < columns.size(); i++) {
            parameters[i] = values[i];
        }
        if (hasChangedAt) {
            parameters[columns.size()] = changedAt;
        }
        return parameters;
    }

    void execute(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int rowIndex) throws SQLException {
                Object[] parameters = rows.get(rowIndex);
                for (int i = 0; i < parameters.length; i++) {
                    StoredType type = i < columns.size() ? columns.get(i).type() : StoredType.TIMESTAMP;
                    bind(statement, i + 1, type, parameters[i]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, StoredType type, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(
                    index,
                    switch (type) {
                        case TEXT -> Types.VARCHAR;
                        case DATE -> Types.DATE;
                        case TIMESTAMP -> Types.TIMESTAMP;
                        case DECIMAL -> Types.NUMERIC;
                        case INTEGER -> Types.INTEGER;
                        case BOOLEAN -> Types.BOOLEAN;
                    });
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof BigDecimal number) {
            statement.setBigDecimal(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            statement.setObject(index, value);
        }
    }
}
