package org.jicha.rules;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jicha.rules.compile.ParameterCheck;

/**
 * The thresholds of {@code rules/parameters.yml}, flattened to dotted keys ({@code BIL-06.minZeroPeriodsLv}).
 * Rules read them through the global {@code params}; a key the file does not define, or a value a rule cannot
 * read the way it reads it, is an error caught when the rule set loads (see {@link RuleSetLoader} and
 * {@link ParameterCheck}). A loaded set holds each value typed the way its rules read it (a whole number as an
 * {@code Integer}, a text as written), so evaluating a rule never meets a bad value.
 */
public final class RuleParameters {

    /** A table's entry for a group without a limit ({@code "-"} in the catalogue). */
    public static final String NO_LIMIT = "-";

    private final Map<String, Object> values;
    /** The nested maps: the tables {@link #limit} knows. */
    private final Set<String> tables;
    /** The line of parameters.yml each key's value is written on (0 when not read from a file). */
    private final Map<String, Integer> lines;

    /** Parameters that were not read from a file: every dotted prefix of a key is a table. */
    public RuleParameters(Map<String, Object> flatValues) {
        this(flatValues, prefixesOf(flatValues.keySet()), Map.of());
    }

    public RuleParameters(Map<String, Object> values, Set<String> tables, Map<String, Integer> lines) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.tables = Set.copyOf(tables);
        this.lines = Map.copyOf(lines);
    }

    private static Set<String> prefixesOf(Set<String> keys) {
        Set<String> prefixes = new HashSet<>();
        for (String key : keys) {
            for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
                prefixes.add(key.substring(0, dot));
            }
        }
        return prefixes;
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** The line of {@code parameters.yml} the key's value is written on; 0 if unknown. */
    public int lineOf(String key) {
        return lines.getOrDefault(key, 0);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int integer(String key) {
        Object v = require(key);
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Number n
                && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("parameter " + key + " must be a whole number but is " + v);
    }

    public double decimal(String key) {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("parameter " + key + " must be a number but is " + v);
    }

    public String text(String key) {
        return String.valueOf(require(key));
    }

    /**
     * A limit from a table keyed by a group, e.g. {@code limit("EXP.stepLimitWd.PLAN_REPLY", "HV_DUAL")};
     * -1 when the table has no limit for that group (no entry, or {@code "-"} as in the catalogue) or the group
     * is null.
     */
    public int limit(String tableKey, String group) {
        if (group == null) {
            return -1;
        }
        Object v = values.get(tableKey + "." + group);
        if (v == null) {
            if (!tables.contains(tableKey)) {
                throw new IllegalArgumentException("parameter table " + tableKey + " is not defined");
            }
            return -1;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (NO_LIMIT.equals(v)) {
            return -1;
        }
        throw new IllegalArgumentException(
                "parameter table " + tableKey + " holds " + v + " for " + group + ", not a whole number or \"-\"");
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("parameter " + key + " is not defined in parameters.yml");
        }
        return v;
    }
}
