package org.jicha.ingest.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.jicha.ingest.Rejection;

/**
 * Turns one non-empty cell into the typed value of its column, or into an {@link Invalid} saying why not.
 * Formats are those of the data contract: dates {@code yyyy-MM-dd} (real dates only), timestamps
 * {@code yyyy-MM-dd HH:mm:ss} or with {@code T}, months {@code yyyy-MM}, decimals with {@code .}, Y/N.
 */
final class CellParser {

    /** The reason a cell was not accepted: a {@code load.reason.*} key and its arguments. */
    record Invalid(String reasonKey, String... arguments) {}

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private CellParser() {}

    /** {@code cell} as a value of {@code column}; a code outside its list is answered with the names of the list. */
    static Object parse(ContractFile file, Column column, String cell) {
        return switch (column.type()) {
            case TEXT ->
                cell.length() <= column.maxLength() ? cell : new Invalid("tooLong", String.valueOf(column.maxLength()));
            case CODE ->
                column.codes().contains(cell)
                        ? cell
                        : new Invalid("notOneOf", Rejection.codes(file.codeNames(column), column.codes()));
            case ID_LIST -> idList(column, cell);
            case DATE -> date(cell);
            case TIMESTAMP -> timestamp(cell);
            case MONTH -> month(cell);
            case DECIMAL -> isDecimal(cell) ? new BigDecimal(cell) : new Invalid("notDecimal");
            case INTEGER -> isInteger(cell) ? Integer.valueOf(cell) : new Invalid("notInteger");
            case BOOLEAN ->
                switch (cell) {
                    case "Y" -> Boolean.TRUE;
                    case "N" -> Boolean.FALSE;
                    default -> new Invalid("notBoolean");
                };
        };
    }

    private static Object idList(Column column, String cell) {
        if (cell.length() > column.maxLength()) {
            return new Invalid("tooLong", String.valueOf(column.maxLength()));
        }
        for (String id : cell.split(";", -1)) {
            if (id.isBlank()) {
                return new Invalid("emptyId");
            }
        }
        return cell;
    }

    // The loader parses every cell of millions of rows: numbers, dates and months, the bulk of them, are checked
    // by hand (what the patterns "-?\\d{1,20}(\\.\\d{1,12})?", "-?\\d{1,9}", uuuu-MM-dd and uuuu-MM, strict, accept),
    // without a regex or a formatter per cell. CellParserTests holds them to the same answers.

    /** {@code -?\d{1,20}(\.\d{1,12})?} with ASCII digits. */
    static boolean isDecimal(String cell) {
        int i = cell.startsWith("-") ? 1 : 0;
        int whole = digits(cell, i, 20);
        if (whole == 0) {
            return false;
        }
        i += whole;
        if (i == cell.length()) {
            return true;
        }
        if (cell.charAt(i) != '.') {
            return false;
        }
        int fraction = digits(cell, i + 1, 12);
        return fraction > 0 && i + 1 + fraction == cell.length();
    }

    /** {@code -?\d{1,9}} with ASCII digits. */
    static boolean isInteger(String cell) {
        int i = cell.startsWith("-") ? 1 : 0;
        int n = digits(cell, i, 9);
        return n > 0 && i + n == cell.length();
    }

    /** How many ASCII digits follow {@code from}, or 0 when more than {@code max} do. */
    private static int digits(String cell, int from, int max) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) >= '0' && cell.charAt(i) <= '9') {
            i++;
        }
        return i - from > max ? 0 : i - from;
    }

    /** The value of {@code length} ASCII digits at {@code from}, or -1. */
    private static int number(String cell, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Object date(String cell) {
        if (cell.length() != 10 || cell.charAt(4) != '-' || cell.charAt(7) != '-') {
            return notADate();
        }
        int year = number(cell, 0, 4);
        int month = number(cell, 5, 2);
        int day = number(cell, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return notADate();
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return notADate(); // 2026-02-30, 2026-04-31
        }
    }

    private static Invalid notADate() {
        return new Invalid("notDate");
    }

    private static Object timestamp(String cell) {
        if (cell.length() != 19 || (cell.charAt(10) != ' ' && cell.charAt(10) != 'T')) {
            return notATimestamp();
        }
        try {
            return LocalDateTime.parse(cell.charAt(10) == 'T' ? cell.replace('T', ' ') : cell, TIMESTAMP);
        } catch (DateTimeParseException e) {
            return notATimestamp();
        }
    }

    private static Invalid notATimestamp() {
        return new Invalid("notTimestamp");
    }

    private static Object month(String cell) {
        if (cell.length() != 7 || cell.charAt(4) != '-' || number(cell, 0, 4) < 0) {
            return notAMonth();
        }
        int month = number(cell, 5, 2);
        return month >= 1 && month <= 12 ? cell : notAMonth();
    }

    private static Invalid notAMonth() {
        return new Invalid("notMonth");
    }
}
