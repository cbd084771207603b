package org.jicha.ingest.internal;

/**
 * The value types of the data contract, each with the SQL type its parameter is cast to in an upsert.
 */
public enum ColumnType {
    TEXT("VARCHAR"),
    CODE("VARCHAR"),
    /** A {@code ;}-separated list of ids, stored as written once each id has been checked. */
    ID_LIST("VARCHAR"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP"),
    /** A billing month {@code yyyy-MM}, stored as text. */
    MONTH("VARCHAR"),
    DECIMAL("NUMERIC(38, 10)"), // H2 reads a bare NUMERIC as scale 0 and would round every decimal
    INTEGER("INTEGER"),
    BOOLEAN("BOOLEAN");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    String sqlType() {
        return sqlType;
    }
}
