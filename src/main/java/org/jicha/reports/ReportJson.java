package org.jicha.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * A report document as the API returns it in JSON: each ratio with numerator, denominator, value (a fraction,
 * null when there is nothing to measure) and its printed form ("1.23%" or "—").
 */
record ReportJson(String title, String subtitle, List<MetricJson> metrics, List<ReportDocument.Table> tables) {

    public record MetricJson(
            String label,
            String definition,
            long numerator,
            long denominator,
            BigDecimal value,
            String percent,
            BigDecimal previous,
            String previousPercent) {}

    public static ReportJson of(ReportDocument report) {
        return new ReportJson(
                report.title(),
                report.subtitle(),
                report.metrics().stream()
                        .map(m -> new MetricJson(
                                m.label(),
                                m.definition(),
                                m.numerator(),
                                m.denominator(),
                                m.ratio(),
                                m.percent(),
                                m.previous(),
                                m.previousPercent()))
                        .toList(),
                report.tables());
    }
}
