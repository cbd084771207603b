package org.jicha.reports;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.config.Labels;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleParameters;

/**
 * "Why it is wrong" in words a team reads: the rule's description with each parameter it names
 * ({@code BIL-02.maxDaysSinceActualRead（60）天}) replaced by the value in force ({@code 60 天}), then its basis.
 * A description states a parameter as {@code KEY（value）}, {@code KEY value} or {@code KEY} alone; the first
 * two keep the value as written (the rule set check holds it equal to {@code parameters.yml}), the last gets
 * the value from the rule set in force, a table of values as its entries ({@code RES 3、LV 7}). The contract's codes
 * a description names ({@code ESTIMATED}, {@code PLAN_REPLY}) are printed by their Chinese names.
 */
final class WhyText {

    /** A parameter key, then optionally its value in full-width brackets (group 2) or after spaces (group 3). */
    private static final Pattern NAMED =
            Pattern.compile("((?:[A-Z]{3})(?:-\\d{2})?\\.[A-Za-z]\\w*(?:\\.\\w+)*)(?:（([^）]*)）|(\\s+-?\\d))?");

    /**
     * A code of the data contract as people write it in a description or remedy ({@code ESTIMATED}, {@code PLAN_REPLY}),
     * optionally followed by its name in full-width brackets (group 2); three letters at least, so that units and
     * Roman numerals stay as written.
     */
    private static final Pattern CODE =
            Pattern.compile("(?<![A-Za-z0-9_.-])([A-Z]{3,}(?:_[A-Z]+)*)(?![A-Za-z0-9_-])(?:（([^）]*)）)?");

    private WhyText() {}

    /**
     * {@code text} with each contract code by its Chinese name ({@code 抄表类型 ESTIMATED（估抄）} and {@code 抄表类型
     * ESTIMATED} both become {@code 抄表类型 估抄}); a word that is no code, or a code with two names, stays.
     */
    static String codeNames(String text) {
        if (text == null) {
            return null;
        }
        Map<String, String> names = Labels.contractCodeNamesZh();
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group(1));
            String replacement;
            if (name == null) {
                replacement = m.group();
            } else if (m.group(2) == null || m.group(2).strip().equals(name)) {
                replacement = name;
            } else {
                replacement = name + "（" + m.group(2) + "）";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String of(RuleMeta rule, RuleParameters parameters) {
        String description = rule.description() == null ? "" : codeNames(words(rule.description(), parameters));
        String basis = rule.basis() == null || rule.basis().isBlank() ? "" : "依据 / basis: " + rule.basis();
        return (description + " " + basis).strip();
    }

    static String words(String description, RuleParameters parameters) {
        Matcher m = NAMED.matcher(description);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String replacement;
            if (!parameters.has(key) && tableOf(key, parameters).isEmpty()) {
                replacement = m.group();
            } else if (m.group(2) != null) {
                replacement = bracketed(m.group(2).strip()) + (beforeHan(description, m.end()) ? " " : "");
            } else if (m.group(3) != null) {
                replacement = m.group(3).strip();
            } else if (parameters.has(key)) {
                replacement = format(parameters.asMap().get(key));
            } else {
                replacement = "（" + tableOf(key, parameters) + "）";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A number followed by a Chinese unit reads {@code 60 天}, as the product writes it. */
    private static boolean beforeHan(String text, int at) {
        return at < text.length() && Character.UnicodeScript.of(text.codePointAt(at)) == Character.UnicodeScript.HAN;
    }

    /** {@code 60} stays {@code 60}; {@code 0.4，未核实} becomes {@code 0.4（未核实）}. */
    private static String bracketed(String said) {
        int comma = said.indexOf('，');
        return comma < 0 ? said : said.substring(0, comma) + "（" + said.substring(comma + 1) + "）";
    }

    private static String tableOf(String key, RuleParameters parameters) {
        StringJoiner entries = new StringJoiner("、");
        for (Map.Entry<String, Object> e : parameters.asMap().entrySet()) {
            if (e.getKey().startsWith(key + ".")) {
                entries.add(e.getKey().substring(key.length() + 1) + " " + format(e.getValue()));
            }
        }
        return entries.toString();
    }

    private static String format(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
