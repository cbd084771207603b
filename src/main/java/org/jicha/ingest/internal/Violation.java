package org.jicha.ingest.internal;

/**
 * Why a row cannot be loaded: the column and value at fault (both null for a fault of the whole row) and the
 * reason. {@code laterRowMayResolve} marks a reference to a record of the same file (a unit's parent), which
 * a later row of that file may still bring.
 */
public record Violation(String column, String value, String reason, boolean laterRowMayResolve) {

    static Violation of(String column, String value, String reason) {
        return new Violation(column, value, reason, false);
    }
}
