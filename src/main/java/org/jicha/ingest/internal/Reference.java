package org.jicha.ingest.internal;

/**
 * A kind of record a column may refer to, with the query that lists the stored keys and the file that
 * brings new ones.
 */
public enum Reference {
    UNIT("unit", "SELECT unit_code, unit_type FROM units"),
    /** A unit whose unit_type is STATION. */
    STATION("station unit", "SELECT unit_code, unit_type FROM units"),
    TARIFF("tariff", "SELECT DISTINCT tariff_code FROM tariffs"),
    CUSTOMER("customer", "SELECT customer_no FROM customers"),
    METER("meter", "SELECT meter_id FROM meters"),
    APPLICATION("application", "SELECT app_no FROM applications");

    private final String noun;
    private final String storedKeysQuery;

    Reference(String noun, String storedKeysQuery) {
        this.noun = noun;
        this.storedKeysQuery = storedKeysQuery;
    }

    String noun() {
        return noun;
    }

    String storedKeysQuery() {
        return storedKeysQuery;
    }

    /** The key set that resolves this reference: stations are units of a given type. */
    Reference keySet() {
        return this == STATION ? UNIT : this;
    }

    ContractFile producedBy() {
        return switch (keySet()) {
            case UNIT, STATION -> ContractFile.UNITS;
            case TARIFF -> ContractFile.TARIFFS;
            case CUSTOMER -> ContractFile.CUSTOMERS;
            case METER -> ContractFile.METERS;
            case APPLICATION -> ContractFile.APPLICATIONS;
        };
    }
}
