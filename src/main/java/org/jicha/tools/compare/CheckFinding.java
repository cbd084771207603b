package org.jicha.tools.compare;

import java.util.Comparator;

/**
 * A finding reduced to what the three ways of checking must agree on: its fingerprint (rule, subject, period).
 * Messages and evidence differ by construction and are not compared.
 */
public record CheckFinding(String ruleCode, String subjectType, String subjectId, String period)
        implements Comparable<CheckFinding> {

    private static final Comparator<CheckFinding> ORDER = Comparator.comparing(CheckFinding::ruleCode)
            .thenComparing(CheckFinding::subjectType)
            .thenComparing(CheckFinding::subjectId)
            .thenComparing(CheckFinding::period, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    public int compareTo(CheckFinding other) {
        return ORDER.compare(this, other);
    }

    /** {@code rule,subject_type,subject_id}: the key of a line of the generator's {@code expected/planted.csv}. */
    public String plantedKey() {
        return ruleCode + "," + subjectType + "," + subjectId;
    }
}
