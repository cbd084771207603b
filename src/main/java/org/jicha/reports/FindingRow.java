package org.jicha.reports;

/** A finding of the report's run with the ticket it opened (null fields when it has none). */
record FindingRow(
        String ruleCode,
        String theme,
        String severity,
        String subjectType,
        String subjectId,
        String customerNo,
        String stationCode,
        String period,
        String message,
        String fingerprint,
        Long ticketId,
        String teamUnitCode,
        String ticketStatus) {}
