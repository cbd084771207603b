package org.jicha.rules;

import org.jicha.facts.SubjectType;

/**
 * A deviation a rule found, with the evidence that made it fire. Its fingerprint (rule, subject, period)
 * is the natural key of the inspection ticket it opens.
 */
public record Finding(
        String ruleCode,
        Theme theme,
        Severity severity,
        SubjectType subjectType,
        String subjectId,
        String customerNo,
        String stationCode,
        String period,
        String message) {

    public String fingerprint() {
        return ruleCode + "|" + subjectType + "|" + subjectId + "|" + (period == null ? "-" : period);
    }
}
