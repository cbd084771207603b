package org.jicha.rules.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code params.<function>("KEY"} in a rule file, also through a DRL function's parameter declared as
 * {@code RuleParameters p} ({@code p.decimal("KEY"}). A key ending in a dot is a prefix completed at run time
 * ({@code params.text("MET-03.coarsestAccuracy." + cls)}): the use covers every key below it.
 * {@code file} and {@code line} say where the rule reads it (a decision table's line is its spreadsheet row).
 */
public record ParameterUse(String function, String key, String file, int line) {

    private static final Pattern DECLARED = Pattern.compile("\\b(?:org\\.jicha\\.rules\\.)?RuleParameters\\s+(\\w+)");
    private static final Pattern CALL =
            Pattern.compile("\\b(\\w+)\\.(integer|decimal|text|limit|has)\\(\\s*\"([^\"]+)\"");

    /** What a value must be for this use; null for {@code has}. */
    ParameterKind kind() {
        return ParameterKind.of(function);
    }

    boolean prefix() {
        return key.endsWith(".");
    }

    /** {@code bil/reading.drl:42}. */
    String where() {
        return line > 0 ? file + ":" + line : file;
    }

    /** Whether this use reads {@code parameter} (a flattened key): itself, below its prefix, or in its table. */
    public boolean covers(String parameter) {
        if (prefix()) {
            return parameter.startsWith(key);
        }
        return parameter.equals(key) || (function.equals("limit") && parameter.startsWith(key + "."));
    }

    /**
     * Every use in a rule file's text. {@code lineOf} maps a line of the text to the line to report (a decision
     * table's generated DRL line to its spreadsheet row; identity for a DRL file).
     */
    public static List<ParameterUse> scan(String file, String text, IntUnaryOperator lineOf) {
        Set<String> receivers = new LinkedHashSet<>();
        receivers.add("params");
        Matcher declared = DECLARED.matcher(text);
        while (declared.find()) {
            receivers.add(declared.group(1));
        }
        List<ParameterUse> uses = new ArrayList<>();
        Matcher call = CALL.matcher(text);
        int line = 1;
        int counted = 0;
        while (call.find()) {
            if (!receivers.contains(call.group(1))) {
                continue;
            }
            for (; counted < call.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            uses.add(new ParameterUse(call.group(2), call.group(3), file, lineOf.applyAsInt(line)));
        }
        return uses;
    }
}
