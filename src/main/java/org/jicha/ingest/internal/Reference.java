package org.jicha.ingest.internal;

/**
 * A kind of record a column may refer to, and the file that brings new ones.
 */
public enum Reference {
    UNIT("unit"),
    /** A unit whose unit_type is STATION. */
    STATION("station unit"),
    TARIFF("tariff"),
    CUSTOMER("customer"),
    METER("meter"),
    APPLICATION("application");

    private final String noun;

    Reference(String noun) {
        this.noun = noun;
    }

    String noun() {
        return noun;
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
