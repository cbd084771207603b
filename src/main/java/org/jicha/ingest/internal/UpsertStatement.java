package org.jicha.ingest.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The upsert of one contract file by its natural key, as a standard SQL {@code MERGE} that runs unchanged on
 * H2 2.x and PostgreSQL 15. Only the columns present in the file's header are written: an optional column
 * the file leaves out is null in a new row and left unchanged in an existing one. A row whose values equal
 * the stored ones is not touched, so loading a batch twice changes nothing; where the table has a
 * changed-at column it is set only when the row is new or its values differ.
 */
final class UpsertStatement {

    private final List<Column> columns;
    private final int[] valueIndexes;
    private final String sql;
    private final LocalDateTime changedAt;
    private final boolean hasChangedAt;

    UpsertStatement(ContractFile file, List<Column> presentColumns, LocalDateTime changedAt) {
        this.columns = List.copyOf(presentColumns);
        this.valueIndexes = columns.stream().mapToInt(c -> file.indexOf(c.name())).toArray();
        this.changedAt = changedAt;
        this.hasChangedAt = file.changedAtColumn() != null;
        this.sql = buildSql(file, columns);
    }

    String sql() {
        return sql;
    }

    private static String buildSql(ContractFile file, List<Column> columns) {
        List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
        List<String> casts = new ArrayList<>(columns.stream()
                .map(c -> "CAST(? AS " + c.type().sqlType() + ")").toList());
        String changedAt = file.changedAtColumn();
        if (changedAt != null) {
            names.add(changedAt);
            casts.add("CAST(? AS TIMESTAMP)");
        }
        String matchOn = columns.stream().filter(Column::key)
                .map(c -> "t." + c.name() + " = s." + c.name()).collect(Collectors.joining(" AND "));
        List<Column> nonKey = columns.stream().filter(c -> !c.key()).toList();
        String merge = "MERGE INTO " + file.table() + " t USING (VALUES (" + String.join(", ", casts) + ")) AS s ("
                + String.join(", ", names) + ") ON " + matchOn;
        if (!nonKey.isEmpty()) {
            String differs = nonKey.stream().map(c -> "t." + c.name() + " IS DISTINCT FROM s." + c.name())
                    .collect(Collectors.joining(" OR "));
            List<String> sets = new ArrayList<>(nonKey.stream().map(c -> c.name() + " = s." + c.name()).toList());
            if (changedAt != null) {
                sets.add(changedAt + " = s." + changedAt);
            }
            merge += " WHEN MATCHED AND (" + differs + ") THEN UPDATE SET " + String.join(", ", sets);
        }
        return merge + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "s." + n).collect(Collectors.joining(", ")) + ")";
    }

    /** The parameters of one row, in the order of the statement. */
    Object[] parameters(ParsedRow row) {
        Object[] parameters = new Object[columns.size() + (hasChangedAt ? 1 : 0)];
        for (int i = 0; i < columns.size(); i++) {
            parameters[i] = row.value(valueIndexes[i]);
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
                    ColumnType type = i < columns.size() ? columns.get(i).type() : ColumnType.TIMESTAMP;
                    bind(statement, i + 1, type, parameters[i]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private static void bind(PreparedStatement statement, int index, ColumnType type, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, switch (type) {
                case TEXT, CODE, ID_LIST, MONTH -> Types.VARCHAR;
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
