package org.jicha.audit;

/** A stored finding as the API and the command line show it. */
public record FindingView(
        long id,
        long runId,
        String ruleCode,
        String theme,
        String severity,
        String subjectType,
        String subjectId,
        String customerNo,
        String stationCode,
        String period,
        String message) {}
