package org.jicha.records;

/**
 * How a contract value is stored: the SQL type a parameter is cast to in an upsert, and the Java value the
 * writer expects ({@code String}, {@code LocalDate}, {@code LocalDateTime}, {@code BigDecimal}, {@code Integer},
 * {@code Boolean}).
 */
public enum StoredType {
    TEXT("VARCHAR"),
    DATE("DATE"),
    TIMESTAMP("TIMESTAMP"),
    DECIMAL("NUMERIC(38, 10)"), // H2 reads a bare NUMERIC as scale 0 and would round every decimal
    INTEGER("INTEGER"),
    BOOLEAN("BOOLEAN");

    private final String sqlType;

    StoredType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The SQL type a parameter of this kind is cast to. */
    public String sqlType() {
        return sqlType;
    }
}
