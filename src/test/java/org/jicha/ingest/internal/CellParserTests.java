package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CellParserTests {

    private static Object parse(ColumnType type, String cell) {
        return CellParser.parse(ContractFile.READINGS, Column.of("c", type), cell);
    }

    @Test
    void datesMustBeRealCalendarDates() {
        assertThat(parse(ColumnType.DATE, "2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(parse(ColumnType.DATE, "2026-02-29")).isInstanceOf(CellParser.Invalid.class);
        assertThat(parse(ColumnType.DATE, "2026-2-01")).isInstanceOf(CellParser.Invalid.class);
        assertThat(parse(ColumnType.DATE, "2026/02/01")).isInstanceOf(CellParser.Invalid.class);
    }

    @Test
    void timestampsTakeASpaceOrATSeparator() {
        LocalDateTime expected = LocalDateTime.of(2026, 10, 1, 9, 30, 5);
        assertThat(parse(ColumnType.TIMESTAMP, "2026-10-01 09:30:05")).isEqualTo(expected);
        assertThat(parse(ColumnType.TIMESTAMP, "2026-10-01T09:30:05")).isEqualTo(expected);
        assertThat(parse(ColumnType.TIMESTAMP, "2026-10-01 09:30")).isInstanceOf(CellParser.Invalid.class);
    }

    @Test
    void monthsAreNormalisedText() {
        assertThat(parse(ColumnType.MONTH, "2026-07")).isEqualTo("2026-07");
        assertThat(parse(ColumnType.MONTH, "2026-00")).isInstanceOf(CellParser.Invalid.class);
    }

    @Test
    void decimalsUseAPointAndNoExponent() {
        assertThat(parse(ColumnType.DECIMAL, "-12.50")).isEqualTo(new BigDecimal("-12.50"));
        assertThat(parse(ColumnType.DECIMAL, "1e3")).isInstanceOf(CellParser.Invalid.class);
        assertThat(parse(ColumnType.DECIMAL, "1,5")).isInstanceOf(CellParser.Invalid.class);
        assertThat(parse(ColumnType.DECIMAL, ".5")).isInstanceOf(CellParser.Invalid.class);
    }

    @Test
    void booleansAreUpperCaseYOrN() {
        assertThat(parse(ColumnType.BOOLEAN, "Y")).isEqualTo(true);
        assertThat(parse(ColumnType.BOOLEAN, "N")).isEqualTo(false);
        assertThat(parse(ColumnType.BOOLEAN, "y")).isInstanceOf(CellParser.Invalid.class);
    }

    /**
     * The hand-written checks answer what the contract's patterns and strict formatters answer, on every cell
     * made of a few characters that matter (digits, '-', '.', others) and on lengths around the limits.
     */
    @Test
    void handWrittenChecksAgreeWithThePatternsAndFormatters() {
        Pattern decimal = Pattern.compile("-?\\d{1,20}(\\.\\d{1,12})?");
        Pattern integer = Pattern.compile("-?\\d{1,9}");
        DateTimeFormatter date = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789-.-.x ９";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(0, 36);
            for (int k = 0; k < length; k++) {
                b.append(
                        random.nextInt(4) == 0
                                ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : (char) ('0' + random.nextInt(10)));
            }
            String cell = b.toString();
            assertThat(CellParser.isDecimal(cell))
                    .as("decimal '%s'", cell)
                    .isEqualTo(decimal.matcher(cell).matches());
            assertThat(CellParser.isInteger(cell))
                    .as("integer '%s'", cell)
                    .isEqualTo(integer.matcher(cell).matches());
        }
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.getYear() < 2031; d = d.plusDays(1)) {
            assertThat(parse(ColumnType.DATE, d.toString())).isEqualTo(d);
        }
        for (int y : new int[] {0, 1999, 2024, 2026, 9999}) {
            for (int m = 0; m <= 13; m++) {
                for (int day = 0; day <= 32; day++) {
                    String cell = String.format("%04d-%02d-%02d", y, m, day);
                    Object expected;
                    try {
                        expected = LocalDate.parse(cell, date);
                    } catch (DateTimeParseException e) {
                        expected = null;
                    }
                    Object parsed = parse(ColumnType.DATE, cell);
                    if (expected == null) {
                        assertThat(parsed).as(cell).isInstanceOf(CellParser.Invalid.class);
                    } else {
                        assertThat(parsed).as(cell).isEqualTo(expected);
                    }
                }
                String cell = String.format("%04d-%02d", y, m);
                boolean valid;
                try {
                    YearMonth.parse(cell, month);
                    valid = true;
                } catch (DateTimeParseException e) {
                    valid = false;
                }
                assertThat(parse(ColumnType.MONTH, cell) instanceof String)
                        .as(cell)
                        .isEqualTo(valid);
            }
        }
        for (String bad :
                new String[] {"2026-1-01", "2026-01-1", "20260101", "2026-01-01 ", "２０２６-01-01", "-026-01-01"}) {
            assertThat(parse(ColumnType.DATE, bad)).as(bad).isInstanceOf(CellParser.Invalid.class);
        }
        for (String bad : new String[] {"2026-7", "2026-1a", "２０２６-07", "2026/07", "-026-07"}) {
            assertThat(parse(ColumnType.MONTH, bad)).as(bad).isInstanceOf(CellParser.Invalid.class);
        }
    }
}
