package org.jicha.ingest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Turns one non-empty cell into the typed value of its column, or into an {@link Invalid} saying why not.
 * Formats are those of the data contract: dates {@code yyyy-MM-dd} (real dates only), timestamps
 * {@code yyyy-MM-dd HH:mm:ss} or with {@code T}, months {@code yyyy-MM}, decimals with {@code .}, Y/N.
 */
final class CellParser {

    /** The reason a cell was not accepted. */
    record Invalid(String reason) {
    }

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,12})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");

    private CellParser() {
    }

    static Object parse(Column column, String cell) {
        return switch (column.type()) {
            case TEXT -> cell.length() <= column.maxLength() ? cell
                    : new Invalid("longer than " + column.maxLength() + " characters");
            case CODE -> column.codes().contains(cell) ? cell
                    : new Invalid("not one of " + String.join(", ", column.codes()));
            case ID_LIST -> idList(column, cell);
            case DATE -> date(cell);
            case TIMESTAMP -> timestamp(cell);
            case MONTH -> month(cell);
            case DECIMAL -> DECIMAL.matcher(cell).matches() ? new BigDecimal(cell)
                    : new Invalid("not a decimal number (digits, '.' as decimal point)");
            case INTEGER -> INTEGER.matcher(cell).matches() ? Integer.valueOf(cell)
                    : new Invalid("not a whole number");
            case BOOLEAN -> switch (cell) {
                case "Y" -> Boolean.TRUE;
                case "N" -> Boolean.FALSE;
                default -> new Invalid("must be Y or N");
            };
        };
    }

    private static Object idList(Column column, String cell) {
        if (cell.length() > column.maxLength()) {
            return new Invalid("longer than " + column.maxLength() + " characters");
        }
        for (String id : cell.split(";", -1)) {
            if (id.isBlank()) {
                return new Invalid("empty id in ';'-separated list");
            }
        }
        return cell;
    }

    private static Object date(String cell) {
        try {
            return cell.length() == 10 ? LocalDate.parse(cell, DATE) : notADate();
        } catch (DateTimeParseException e) {
            return notADate();
        }
    }

    private static Invalid notADate() {
        return new Invalid("not a valid date (yyyy-MM-dd)");
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
        return new Invalid("not a valid timestamp (yyyy-MM-dd HH:mm:ss)");
    }

    private static Object month(String cell) {
        try {
            return cell.length() == 7 ? YearMonth.parse(cell, MONTH).toString() : notAMonth();
        } catch (DateTimeParseException e) {
            return notAMonth();
        }
    }

    private static Invalid notAMonth() {
        return new Invalid("not a valid month (yyyy-MM)");
    }
}
