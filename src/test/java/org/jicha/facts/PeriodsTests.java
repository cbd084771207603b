package org.jicha.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The table-driven period arithmetic answers what {@link YearMonth} answers, inside and outside the table. */
class PeriodsTests {

    @Test
    void everyMonthOfTheTableAndBeyondAgreesWithYearMonth() {
        for (YearMonth m = YearMonth.of(1890, 1); m.isBefore(YearMonth.of(2210, 1)); m = m.plusMonths(1)) {
            String period = m.toString();
            assertThat(Periods.parse(period)).isEqualTo(m);
            assertThat(Periods.start(period)).isEqualTo(m.atDay(1));
            assertThat(Periods.end(period)).isEqualTo(m.atEndOfMonth());
            for (int back : new int[] {0, 1, 12, 13, 25}) {
                assertThat(Periods.minus(period, back))
                        .isEqualTo(m.minusMonths(back).toString());
            }
        }
        assertThat(Periods.minus("2026-01", -1)).isEqualTo("2026-02");
        assertThat(Periods.monthsBetween("2025-10", "2026-10")).isEqualTo(12);
        assertThat(Periods.monthsBetween("2026-11", "2026-10")).isEqualTo(-1);
        assertThat(Periods.monthsBetween("1899-12", "1900-02"))
                .as("outside the table")
                .isEqualTo(2);
        assertThat(Periods.minus("1900-01", 1)).as("just outside the table").isEqualTo("1899-12");
    }

    @Test
    void malformedPeriodsFailAsYearMonthDoes() {
        for (String bad : new String[] {"2026-13", "2026-00", "2026/10", "26-10", "2026-1", "２０２６-10", "2026-1a"}) {
            assertThatThrownBy(() -> Periods.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
