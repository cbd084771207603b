package org.jicha.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's convention: a span from T1 to T2 lasts as many working days as there are after T1's date up
 * to and including T2's date. Checked on the shipped calendar (National Day 2026: 1-7 October off, Sunday
 * 20 September and Saturday 10 October worked).
 */
class WorkingDayCalendarTests {

    private static final WorkingDayCalendar CN = CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv"));

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Nested
    class WorkingDaysBetween {

        @Test
        void sameDayTakesZeroWorkingDays() {
            assertThat(CN.workingDaysBetween(d("2026-11-05"), d("2026-11-05"))).isZero();
        }

        @Test
        void anEndBeforeTheStartTakesZeroWorkingDays() {
            assertThat(CN.workingDaysBetween(d("2026-11-05"), d("2026-11-02"))).isZero();
        }

        @Test
        void fridayToTheNextMondayTakesOneWorkingDay() {
            assertThat(CN.workingDaysBetween(d("2026-11-06"), d("2026-11-09"))).isEqualTo(1);
        }

        @Test
        void aFullOrdinaryWeekTakesFiveWorkingDays() {
            assertThat(CN.workingDaysBetween(d("2026-11-02"), d("2026-11-09"))).isEqualTo(5);
        }

        @Test
        void makeUpSaturdayCountsAsAWorkingDay() {
            assertThat(CN.isWorkingDay(d("2026-10-10"))).isTrue();
            assertThat(CN.workingDaysBetween(d("2026-10-09"), d("2026-10-10"))).isEqualTo(1);
            assertThat(CN.workingDaysBetween(d("2026-09-18"), d("2026-09-21"))).isEqualTo(2);
        }

        @Test
        void nationalDayWeekDoesNotCount() {
            for (LocalDate day = d("2026-10-01"); !day.isAfter(d("2026-10-07")); day = day.plusDays(1)) {
                assertThat(CN.isWorkingDay(day)).as(day.toString()).isFalse();
            }
            assertThat(CN.workingDaysBetween(d("2026-09-30"), d("2026-10-08"))).isEqualTo(1);
        }

        @Test
        void theSameSpanOnPlainWeeksCountsTheHolidayWeekdays() {
            assertThat(WorkingDayCalendar.weekdaysOnly().workingDaysBetween(d("2026-09-30"), d("2026-10-08")))
                    .isEqualTo(6);
        }
    }

    @Nested
    class PlusWorkingDays {

        @Test
        void zeroWorkingDaysIsTheSameDay() {
            assertThat(CN.plusWorkingDays(d("2026-10-03"), 0)).isEqualTo(d("2026-10-03"));
        }

        @Test
        void oneWorkingDayAfterTheEveOfNationalDayIsTheEighth() {
            assertThat(CN.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        }

        @Test
        void sevenWorkingDaysAcrossNationalDayIncludeTheMakeUpSaturday() {
            assertThat(CN.plusWorkingDays(d("2026-09-28"), 7)).isEqualTo(d("2026-10-13"));
        }

        @Test
        void isTheInverseOfWorkingDaysBetween() {
            LocalDate start = d("2026-02-10");
            for (int n = 0; n <= 20; n++) {
                assertThat(CN.workingDaysBetween(start, CN.plusWorkingDays(start, n)))
                        .isEqualTo(n);
            }
        }

        @Test
        void negativeWorkingDaysAreRejected() {
            assertThatThrownBy(() -> CN.plusWorkingDays(d("2026-10-03"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * 2027 as the 全国年节及纪念日放假办法 (revised 2024) gives it until the State Council's notice is entered: every
     * statutory day off on its real date (春节 2027-02-06, a Saturday, so 除夕 is Friday 5 February; 端午 9 June;
     * 中秋 15 September), a weekday given back for each statutory day on a weekend, the year marked provisional.
     */
    @Nested
    class Provisional2027 {

        @Test
        void theYearIsCoveredAndMarkedProvisional() {
            assertThat(CN.provisionalYears()).containsExactly(2027);
            assertThat(CN.coveredYears()).contains(2027);
        }

        @Test
        void theStatutoryWeekdaysOffAreHolidays() {
            for (String day : new String[] {
                "2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01"
            }) {
                assertThat(CN.isWorkingDay(d(day))).as(day).isFalse();
            }
            assertThat(d("2027-02-06").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        }

        @Test
        void aStatutoryDayOnAWeekendIsGivenBackOnTheWeekdaysAfter() {
            // 春节 6-7 Feb, 劳动节 1-2 May and 国庆 2-3 Oct fall on weekends (第五条: 补假 on working days)
            for (String day :
                    new String[] {"2027-02-09", "2027-02-10", "2027-05-03", "2027-05-04", "2027-10-04", "2027-10-05"}) {
                assertThat(CN.isWorkingDay(d(day))).as(day).isFalse();
            }
            assertThat(CN.isWorkingDay(d("2027-02-11"))).isTrue();
        }

        @Test
        void aTicketDueInTwentyWorkingDaysFromTheSeventhOfDecemberSkipsNewYearsDay() {
            // 2026-12-08 .. 2027-01-05 holds 21 weekdays, 2027-01-01 off
            assertThat(CN.plusWorkingDays(d("2026-12-07"), 20)).isEqualTo(d("2027-01-05"));
        }
    }

    @Nested
    class CalendarFileParsing {

        @TempDir
        Path dir;

        private Path write(String text) throws IOException {
            return Files.writeString(dir.resolve("cal.csv"), text);
        }

        @Test
        void shippedFileCoversTheYearsItNames() {
            assertThat(CN.coveredYears()).containsExactly(2024, 2025, 2026, 2027);
            assertThat(CN.covers(d("2027-12-31"))).isTrue();
            assertThat(CN.covers(d("2028-01-01"))).isFalse();
            assertThat(CN.coveredThrough(d("2026-12-07"))).isEqualTo(d("2027-12-31"));
            assertThat(CN.coveredThrough(d("2028-01-01"))).isNull();
        }

        @Test
        void aProvisionalYearMustBeACoveredOne() throws IOException {
            Path file = write("years,2026\nprovisional,2027\ndate,type,name\n2026-01-01,HOLIDAY,元旦\n");

            assertThatThrownBy(() -> CalendarFile.read(file))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining("provisional year 2027");
        }

        @Test
        void aDateThatDoesNotExistIsRejectedWithFileAndLine() throws IOException {
            Path file = write("# comment\nyears,2026\ndate,type,name\n2026-01-01,HOLIDAY,元旦\n2026-02-30,HOLIDAY,坏日期\n");

            assertThatThrownBy(() -> CalendarFile.read(file))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining(file + ":5")
                    .hasMessageContaining("2026-02-30");
        }

        @Test
        void anUnknownDayTypeIsRejectedWithFileAndLine() throws IOException {
            Path file = write("years,2026\ndate,type,name\n2026-10-01,HOLIDAYS,国庆节\n");

            assertThatThrownBy(() -> CalendarFile.read(file))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining(file + ":3")
                    .hasMessageContaining("HOLIDAYS");
        }

        @Test
        void aDateListedTwiceIsRejectedWithFileAndLine() throws IOException {
            Path file = write("years,2026\ndate,type,name\n2026-10-01,HOLIDAY,国庆节\n2026-10-01,WORKDAY,国庆节\n");

            assertThatThrownBy(() -> CalendarFile.read(file))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining(file + ":4")
                    .hasMessageContaining("listed twice");
        }

        @Test
        void aFileWithoutItsYearsLineIsRejected() throws IOException {
            Path file = write("date,type,name\n2026-10-01,HOLIDAY,国庆节\n");

            assertThatThrownBy(() -> CalendarFile.read(file))
                    .isInstanceOf(CalendarFileException.class)
                    .hasMessageContaining("years");
        }
    }
}
