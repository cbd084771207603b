package org.jicha.rules.compile;

/**
 * How a rule reads a parameter of {@code parameters.yml}, and so what its value must be: {@code params.integer}
 * needs a whole number, {@code params.decimal} a number, {@code params.text} a value written as text (any
 * scalar: {@code 0.5S}, {@code 1}, {@code HV_NEW}), {@code params.limit} a table of whole numbers by group
 * ({@code "-"} for a group without a limit). Ordered from the strictest scalar kind: a key read both as a
 * number and as text must hold a number; a table and a single value exclude each other.
 */
enum ParameterKind {
    INTEGER("integer", "整数", "a whole number"),
    NUMBER("decimal", "数值", "a number"),
    TEXT("text", "文本", "text"),
    TABLE("limit", "整数表（按分组的整数，\"-\" 表示无限值）", "a table of whole numbers by group (\"-\" for no limit)");

    private final String function;
    private final String zh;
    private final String en;

    ParameterKind(String function, String zh, String en) {
        this.function = function;
        this.zh = zh;
        this.en = en;
    }

    /** The kind a {@code params.<function>} call needs; null for {@code has}, which needs none. */
    static ParameterKind of(String function) {
        for (ParameterKind kind : values()) {
            if (kind.function.equals(function)) {
                return kind;
            }
        }
        return null;
    }

    String function() {
        return "params." + function;
    }

    String zh() {
        return zh;
    }

    String en() {
        return en;
    }

    boolean scalar() {
        return this != TABLE;
    }

    /** The stricter of two kinds a key is read as, or null when no value can serve both (a table and a value). */
    ParameterKind and(ParameterKind other) {
        if (scalar() != other.scalar()) {
            return null;
        }
        return ordinal() <= other.ordinal() ? this : other;
    }
}
