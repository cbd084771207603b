package org.jicha.rules.compile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.rules.RuleParameters;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.RuleSetLoader;
import org.jicha.rules.compile.ParametersFile.Contents;
import org.jicha.rules.compile.ParametersFile.Value;

/**
 * Checks the values of {@code parameters.yml} against how the rules read them. Each key's kind is derived from
 * every {@link ParameterUse} in the DRL files and decision tables (a prefix use covers every key below it); a
 * key read two ways no value can serve (a table and a single value) is a problem at the rule's line, a key a
 * rule reads but the file does not define is a problem at the rule's line, and a value that is not of its kind
 * is a problem at the value's line of {@code parameters.yml}, naming the key, the kind, the value found and the
 * rule file:line that reads it, in Chinese and English. The parameters it returns hold every value a rule reads
 * typed as the rule reads it.
 */
public final class ParameterCheck {

    private final Contents contents;
    private final List<RuleProblem> problems;
    private final Map<String, Object> typed = new LinkedHashMap<>();

    private ParameterCheck(Contents contents, List<RuleProblem> problems) {
        this.contents = contents;
        this.problems = problems;
        contents.values().forEach((key, value) -> typed.put(key, value.resolved()));
    }

    /** Checks every use against the file's contents; adds a problem for each fault; returns the typed parameters. */
    public static RuleParameters check(Contents contents, List<ParameterUse> uses, List<RuleProblem> problems) {
        ParameterCheck check = new ParameterCheck(contents, problems);
        // each key (or table) a rule reads, with the use that reads it the strictest way
        Map<String, ParameterUse> strictest = new LinkedHashMap<>();
        Set<String> conflicts = new HashSet<>();
        for (ParameterUse use : uses) {
            ParameterKind kind = use.kind();
            if (kind == null) {
                continue; // params.has asks whether the key is there: never a fault
            }
            if (!check.defined(use)) {
                problems.add(new RuleProblem(
                        use.file(),
                        use.line(),
                        (use.kind() == ParameterKind.TABLE
                                        ? "参数表 " + use.key() + " 未在 " + RuleSetLoader.PARAMETERS_FILE
                                                + " 中定义 / parameter table \""
                                        : "参数 " + use.key() + " 未在 " + RuleSetLoader.PARAMETERS_FILE
                                                + " 中定义 / parameter \"")
                                + use.key() + "\" is not defined in " + RuleSetLoader.PARAMETERS_FILE));
                continue;
            }
            for (String key : check.readBy(use)) {
                ParameterUse earlier = strictest.putIfAbsent(key, use);
                if (earlier == null) {
                    continue;
                }
                ParameterKind both = earlier.kind().and(kind);
                if (both == null) {
                    if (conflicts.add(earlier.where() + " " + use.where())) {
                        problems.add(new RuleProblem(
                                use.file(),
                                use.line(),
                                "参数 " + key + " 在此按" + kind.zh() + "读取（"
                                        + kind.function() + "），但在 " + earlier.where() + " 按"
                                        + earlier.kind().zh() + "读取（"
                                        + earlier.kind().function() + "），没有值能同时满足 / parameter \"" + key
                                        + "\" is read as "
                                        + kind.en() + " here (" + kind.function() + ") but as "
                                        + earlier.kind().en() + " at "
                                        + earlier.where() + " ("
                                        + earlier.kind().function() + "): no value can be both"));
                    }
                } else if (both != earlier.kind()) {
                    strictest.put(key, use);
                }
            }
        }
        strictest.forEach((key, use) -> check.checkKey(key, use.kind(), use));
        return new RuleParameters(check.typed, contents.tables().keySet(), lines(contents));
    }

    private static Map<String, Integer> lines(Contents contents) {
        Map<String, Integer> lines = new LinkedHashMap<>(contents.tables());
        contents.values().forEach((key, value) -> lines.put(key, value.line()));
        return lines;
    }

    /** Whether the file defines what the use reads: the key, a key below the prefix, or the table. */
    private boolean defined(ParameterUse use) {
        if (use.prefix()) {
            return contents.values().keySet().stream().anyMatch(k -> k.startsWith(use.key()))
                    || contents.tables().keySet().stream().anyMatch(k -> k.startsWith(use.key()));
        }
        // a value where a table belongs, or a table where a value belongs, is defined: checkKey says what is wrong
        return contents.values().containsKey(use.key()) || contents.tables().containsKey(use.key());
    }

    /**
     * The keys (or tables) a use reads: its key, or for a prefix completed at run time by one more segment
     * ({@code "MET-03.coarsestAccuracy." + cls}), each key and table directly below the prefix.
     */
    private List<String> readBy(ParameterUse use) {
        if (!use.prefix()) {
            return List.of(use.key());
        }
        List<String> keys = new ArrayList<>();
        for (String key : contents.values().keySet()) {
            if (key.startsWith(use.key()) && key.indexOf('.', use.key().length()) < 0) {
                keys.add(key);
            }
        }
        for (String table : contents.tables().keySet()) {
            if (table.startsWith(use.key()) && table.indexOf('.', use.key().length()) < 0) {
                keys.add(table);
            }
        }
        return keys;
    }

    private void checkKey(String key, ParameterKind kind, ParameterUse use) {
        boolean table = contents.tables().containsKey(key);
        if (kind == ParameterKind.TABLE) {
            if (!table) {
                Value value = contents.values().get(key);
                problem(
                        value.line(),
                        "参数 " + key + " 应为" + kind.zh() + "，实际为" + describeZh(value),
                        "parameter " + key + " must be " + kind.en() + ", found " + describeEn(value),
                        use);
                return;
            }
            String entries = key + ".";
            for (Map.Entry<String, Value> e : contents.values().entrySet()) {
                if (e.getKey().startsWith(entries)) {
                    checkEntry(key, e.getKey().substring(entries.length()), e.getKey(), e.getValue(), use);
                }
            }
            return;
        }
        if (table) {
            problem(
                    contents.tables().get(key),
                    "参数 " + key + " 应为" + kind.zh() + "，实际为一个表",
                    "parameter " + key + " must be " + kind.en() + ", found a table",
                    use);
            return;
        }
        Value value = contents.values().get(key);
        Object typedValue = typed(value, kind);
        if (typedValue == null) {
            problem(
                    value.line(),
                    "参数 " + key + " 应为" + kind.zh() + "，实际为" + describeZh(value),
                    "parameter " + key + " must be " + kind.en() + ", found " + describeEn(value),
                    use);
        } else {
            typed.put(key, typedValue);
        }
    }

    private void checkEntry(String table, String group, String key, Value value, ParameterUse use) {
        Object whole = typed(value, ParameterKind.INTEGER);
        if (whole != null) {
            typed.put(key, whole);
        } else if (RuleParameters.NO_LIMIT.equals(value.resolved())) {
            typed.put(key, RuleParameters.NO_LIMIT);
        } else {
            problem(
                    value.line(),
                    "参数表 " + table + " 中 " + group + " 的值应为整数（无限值写 \"-\" 或不写该分组），实际为" + describeZh(value),
                    "entry " + group + " of parameter table " + table
                            + " must be a whole number (\"-\" or no entry for no limit), found " + describeEn(value),
                    use);
        }
    }

    /** The value as the kind reads it, or null if it is not of the kind. */
    private static Object typed(Value value, ParameterKind kind) {
        Object v = value.resolved();
        return switch (kind) {
            case INTEGER -> wholeNumber(v);
            case NUMBER -> finiteNumber(v);
            // any scalar, kept as written: "0.50" stays 0.50, "NO" stays NO (YAML would read false)
            case TEXT -> v == null ? null : value.text();
            case TABLE -> null;
        };
    }

    private static Number finiteNumber(Object v) {
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return v instanceof BigInteger ? (Number) n.doubleValue() : n;
        }
        return null;
    }

    private static Integer wholeNumber(Object v) {
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Long || v instanceof BigInteger) {
            BigInteger b = new BigInteger(v.toString());
            return b.bitLength() < 32 ? b.intValue() : null;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return d.intValue();
        }
        return null;
    }

    private void problem(int line, String zh, String en, ParameterUse use) {
        problems.add(new RuleProblem(
                RuleSetLoader.PARAMETERS_FILE,
                line,
                zh + "（" + use.where() + " 以 "
                        + use.kind().function() + " 读取） / " + en + " (read by "
                        + use.kind().function() + " at "
                        + use.where() + ")"));
    }

    private static String describeZh(Value value) {
        Object v = value.resolved();
        if (v == null) {
            return "空值";
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "空文本 \"\"" : "文本 \"" + s + "\"";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return "整数 " + value.text();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? "小数 " + value.text() : "非有限数 " + value.text();
        }
        if (v instanceof Boolean) {
            return "布尔值 " + value.text();
        }
        if (v instanceof List<?>) {
            return "一个列表";
        }
        return value.text() == null ? "不可读的值" : "\"" + value.text() + "\"";
    }

    private static String describeEn(Value value) {
        Object v = value.resolved();
        if (v == null) {
            return "no value";
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "the empty text \"\"" : "the text \"" + s + "\"";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return "the whole number " + value.text();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? "the decimal " + value.text() : "the non-finite number " + value.text();
        }
        if (v instanceof Boolean) {
            return "the truth value " + value.text();
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return value.text() == null ? "an unreadable value" : "\"" + value.text() + "\"";
    }
}
