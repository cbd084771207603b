package org.jicha.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Parses the {@code period} parameter of a report: a month {@code yyyy-MM}. */
final class ReportPeriod {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    private ReportPeriod() {}

    /** @throws ReportParameterException naming {@code period} when it is missing or not a month */
    public static YearMonth parse(String value) {
        if (value == null || !FORMAT.matcher(value.trim()).matches()) {
            throw new ReportParameterException(
                    "period",
                    "应为月份 yyyy-MM（例如 2026-10），收到 \"" + value + "\"",
                    "a month yyyy-MM (e.g. 2026-10), got \"" + value + "\"");
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ReportParameterException(
                    "period", "不是有效的月份 \"" + value + "\"", "not a valid month \"" + value + "\"");
        }
    }
}
