package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CellParserTests {

    private static Object parse(ColumnType type, String cell) {
        return CellParser.parse(Column.of("c", type), cell);
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
}
