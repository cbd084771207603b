package org.jicha.rules;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds of {@code rules/parameters.yml}, flattened to dotted keys ({@code BIL-06.minZeroPeriodsLv}).
 * Rules read them through the global {@code params}; a key the file does not define is an error, caught
 * when the rule set loads (see {@link RuleSetLoader}).
 */
public final class RuleParameters {

    private final Map<String, Object> values;
    /** Every dotted prefix of a key ({@code EXP}, {@code EXP.stepLimitWd}, ...): the tables {@link #limit} knows. */
    private final Set<String> tables;

    public RuleParameters(Map<String, Object> flatValues) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(flatValues));
        Set<String> prefixes = new HashSet<>();
        for (String key : values.keySet()) {
            for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
                prefixes.add(key.substring(0, dot));
            }
        }
        this.tables = Set.copyOf(prefixes);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public int integer(String key) {
        Object v = require(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
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
     * -1 when the table has no limit for that group (a "-" in the catalogue) or the group is null.
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
        if (v instanceof Number n) {
            return n.intValue();
        }
        return -1;
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("parameter " + key + " is not defined in parameters.yml");
        }
        return v;
    }
}
