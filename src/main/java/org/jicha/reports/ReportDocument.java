package org.jicha.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * A report as data, independent of its format: a title, ratios with their numerators and denominators,
 * and tables. {@link XlsxReportWriter} and {@link PdfReportWriter} render the same document, so the
 * spreadsheet and the printed report never disagree.
 *
 * @param title    e.g. 营销稽查报告 2026-10
 * @param subtitle scope, period, the run it rests on
 * @param metrics  the ratios, each with its denominator
 * @param tables   the detail tables, one sheet each in XLSX
 */
public record ReportDocument(String title, String subtitle, List<Metric> metrics, List<Table> tables) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        metrics = List.copyOf(metrics);
        tables = List.copyOf(tables);
    }

    /** A ratio such as 抄表差错率 = meters with a reading finding / meters read. */
    public record Metric(String label, String definition, long numerator, long denominator, BigDecimal previous) {

        /** The ratio as a fraction (0.0123), or null when the denominator is zero (nothing to measure). */
        public BigDecimal ratio() {
            return denominator == 0
                    ? null
                    : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP);
        }

        /** The ratio as a percentage with two decimals, "—" when there is nothing to measure. */
        public String percent() {
            return percent(ratio());
        }

        public String previousPercent() {
            return percent(previous);
        }

        static String percent(BigDecimal ratio) {
            return ratio == null
                    ? "—"
                    : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
        }
    }

    /** A table: a sheet in XLSX, a section in PDF. Cells hold String, Number or LocalDate values. */
    public record Table(String sheetName, String title, List<Column> columns, List<List<Object>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (sheetName.length() > 31) {
                throw new IllegalArgumentException("sheet name longer than Excel's 31 characters: " + sheetName);
            }
        }
    }

    /** A column and how its values are formatted. */
    public record Column(String header, Kind kind) {}

    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        PERCENT,
        DATE
    }
}
