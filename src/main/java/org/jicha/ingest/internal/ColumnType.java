package org.jicha.ingest.internal;

import org.jicha.records.StoredType;

/**
 * The value types of the data contract as a file spells them, each with how the records module stores it.
 */
enum ColumnType {
    TEXT(StoredType.TEXT),
    CODE(StoredType.TEXT),
    /** A {@code ;}-separated list of ids, stored as written once each id has been checked. */
    ID_LIST(StoredType.TEXT),
    DATE(StoredType.DATE),
    TIMESTAMP(StoredType.TIMESTAMP),
    /** A billing month {@code yyyy-MM}, stored as text. */
    MONTH(StoredType.TEXT),
    DECIMAL(StoredType.DECIMAL),
    INTEGER(StoredType.INTEGER),
    BOOLEAN(StoredType.BOOLEAN);

    private final StoredType stored;

    ColumnType(StoredType stored) {
        this.stored = stored;
    }

    StoredType stored() {
        return stored;
    }
}
