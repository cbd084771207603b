package org.jicha.records;

/**
 * The tables of the data contract (V1__contract_records.sql), each with the timestamp column the loader sets
 * when a row is new or its values differ (null where the table has none).
 */
public enum ContractTable {
    UNITS("units", null),
    STAFF("staff", null),
    TARIFFS("tariffs", null),
    CUSTOMERS("customers", "changed_at"),
    IMPORTANT_CUSTOMERS("important_customers", "changed_at"),
    METERS("meters", "changed_at"),
    READINGS("readings", "changed_at"),
    BILLS("bills", "changed_at"),
    APPLICATIONS("applications", "changed_at"),
    APPLICATION_STEPS("application_steps", "changed_at"),
    INSPECTIONS("inspections", "changed_at"),
    METER_EVENTS("meter_events", "changed_at");

    private final String table;
    private final String changedAtColumn;

    ContractTable(String table, String changedAtColumn) {
        this.table = table;
        this.changedAtColumn = changedAtColumn;
    }

    /** The table's name in the schema. */
    public String table() {
        return table;
    }

    /** The timestamp column set when a row is new or its values differ; null if the table has none. */
    public String changedAtColumn() {
        return changedAtColumn;
    }
}
