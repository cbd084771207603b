package org.jicha.rules.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One data-driven rule test from {@code rules/tests/<theme>/*.yml}: records in the data contract's terms
 * (file name -> rows of column -> value, as in the CSV), an as-of date, and the findings expected.
 *
 * @param file  the case file as it lies in the rules folder, e.g. {@code tests/bil/reading.yml}
 * @param only  rule codes the expectation is restricted to; empty = every rule of the set
 */
public record RuleCase(
        String file,
        String name,
        LocalDate asOf,
        Map<String, List<Map<String, String>>> records,
        Set<Expected> expected,
        Set<String> only) {

    /** A finding expected (or found): the rule code and the subject's natural key. */
    public record Expected(String rule, String subject) implements Comparable<Expected> {

        @Override
        public int compareTo(Expected o) {
            int c = rule.compareTo(o.rule);
            return c != 0 ? c : subject.compareTo(o.subject);
        }

        @Override
        public String toString() {
            return rule + " " + subject;
        }
    }

    /** Whether the case speaks about findings of this rule. */
    public boolean covers(String ruleCode) {
        return only.isEmpty() || only.contains(ruleCode);
    }

    /** Every rule code the case mentions (in {@code only} or in its expectations). */
    public Set<String> mentionedRules() {
        Set<String> codes = new TreeSet<>(only);
        expected.forEach(e -> codes.add(e.rule()));
        return codes;
    }

    /** "file: case name", how reports name a case. */
    public String label() {
        return file + ": " + name;
    }
}
