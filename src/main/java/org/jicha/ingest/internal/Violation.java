package org.jicha.ingest.internal;

import java.util.List;

/**
 * Why a row cannot be loaded: the column and value at fault (both null for a fault of the whole row) and the
 * reason as a message key of the bundles ({@code load.reason.*}) with its arguments (docs: {@code Rejection}).
 * {@code laterRowMayResolve} marks a reference to a record of the same file (a unit's parent), which a later
 * row of that file may still bring.
 */
public record Violation(
        String column, String value, String reasonKey, List<String> arguments, boolean laterRowMayResolve) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    static Violation of(String column, String value, String reasonKey, String... arguments) {
        return new Violation(column, value, "load.reason." + reasonKey, List.of(arguments), false);
    }
}
