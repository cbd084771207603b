package org.jicha.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * How a table of a {@link ReportDocument} is laid out on A4: the width each column needs, estimated from its
 * header and its longest values (a Chinese character counts two, as in {@link XlsxReportWriter#displayWidth}),
 * and whether the table needs a landscape page. Numbers and dates get the width they need, so they never wrap;
 * short text columns (codes, statuses) are kept whole too; longer text columns share the rest in proportion to
 * their content and wrap inside their cells. The widths are
 * percentages of the printable width, so no column runs past the margin however much text a cell holds.
 *
 * @param landscape true when the columns' natural widths do not fit a portrait page
 * @param widths    each column's share of the printable width, in percent, summing to 100
 */
record PdfLayout(boolean landscape, List<Double> widths) {

    /** Printable width of A4 portrait and landscape with the template's 12 mm side margins. */
    static final double PORTRAIT_MM = 210 - 24;

    static final double LANDSCAPE_MM = 297 - 24;

    /** A half-width character at the template's 8 pt table font, and a cell's padding and borders. */
    private static final double UNIT_MM = 1.45;

    private static final double PADDING_MM = 3.4;

    /** A text column never asks for more than this many units: longer values wrap. */
    private static final int TEXT_CAP = 40;

    /**
     * A text column whose longest value is this short (a rule code, a status, a severity, a period) is kept whole like
     * a number: split over lines it reads one character per line ({@code M / ET / -0 / 2}).
     */
    private static final int SHORT_TEXT = 12;

    /** Rows looked at to size the columns: enough to see the long values, cheap for long tables. */
    private static final int SAMPLE = 500;

    static PdfLayout of(ReportDocument.Table table) {
        List<ReportDocument.Column> columns = table.columns();
        double[] need = new double[columns.size()];
        boolean[] fixed = new boolean[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            ReportDocument.Column column = columns.get(c);
            fixed[c] = column.kind() != ReportDocument.Kind.TEXT;
            int content = 0;
            int rows = 0;
            for (List<Object> row : table.rows()) {
                if (rows++ == SAMPLE) {
                    break;
                }
                Object v = c < row.size() ? row.get(c) : null;
                if (v != null) {
                    content = Math.max(content, XlsxReportWriter.displayWidth(Cells.format(v, column.kind())));
                }
            }
            if (!fixed[c]) {
                fixed[c] = content <= SHORT_TEXT;
                content = Math.min(content, TEXT_CAP);
            }
            need[c] = Math.max(content, headerWidth(column.header())) * UNIT_MM + PADDING_MM;
        }
        double total = 0;
        for (double n : need) {
            total += n;
        }
        boolean landscape = total > PORTRAIT_MM;
        double page = landscape ? LANDSCAPE_MM : PORTRAIT_MM;
        return new PdfLayout(landscape, shares(need, fixed, page));
    }

    /** Fixed columns get what they need; text columns share what is left in proportion to their need. */
    private static List<Double> shares(double[] need, boolean[] fixed, double page) {
        double fixedTotal = 0;
        double textTotal = 0;
        for (int c = 0; c < need.length; c++) {
            if (fixed[c]) {
                fixedTotal += need[c];
            } else {
                textTotal += need[c];
            }
        }
        double total = fixedTotal + textTotal;
        List<Double> widths = new ArrayList<>();
        for (int c = 0; c < need.length; c++) {
            double mm;
            if (total <= page) {
                mm = need[c] * page / total;
            } else if (fixedTotal < page * 0.6 && textTotal > 0) {
                mm = fixed[c] ? need[c] : need[c] * (page - fixedTotal) / textTotal;
            } else {
                mm = need[c] * page / total;
            }
            widths.add(Math.floor(mm / page * 10000) / 100);
        }
        return widths;
    }

    /**
     * The narrowest a header may be: its Chinese part unbroken (Chinese may wrap, but a two-character label
     * split over two lines reads badly), and its longest English word.
     */
    private static int headerWidth(String header) {
        int widest = 0;
        for (String part : header.split("\\s+")) {
            widest = Math.max(widest, XlsxReportWriter.displayWidth(part));
        }
        return Math.min(widest, 16);
    }
}
