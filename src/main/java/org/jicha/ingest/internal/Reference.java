package org.jicha.ingest.internal;

/**
 * A kind of record a column may refer to, and the file that brings new ones. Its noun in a rejection's reason is
 * the message {@code load.reference.<NAME>}.
 */
public enum Reference {
    UNIT,
    /** A unit whose unit_type is STATION. */
    STATION,
    TARIFF,
    CUSTOMER,
    METER,
    APPLICATION;

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
