package org.jicha.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats a cell value for print the way the spreadsheet formats it. */
public final class Cells {

    private Cells() {}

    public static String format(Object value, ReportDocument.Kind kind) {
        if (value == null) {
            return "";
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        return switch (kind) {
            case INTEGER ->
                value instanceof Number n ? new DecimalFormat("#,##0", symbols).format(n) : value.toString();
            case DECIMAL ->
                value instanceof Number n ? new DecimalFormat("#,##0.00", symbols).format(n) : value.toString();
            case PERCENT ->
                value instanceof Number n
                        ? new BigDecimal(n.toString())
                                        .movePointRight(2)
                                        .setScale(2, RoundingMode.HALF_UP)
                                        .toPlainString()
                                + "%"
                        : value.toString();
            case TEXT, DATE -> value.toString();
        };
    }
}
