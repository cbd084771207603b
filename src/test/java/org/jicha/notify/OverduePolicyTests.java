package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/** Working days overdue on the shipped China calendar, and the level they earn (supervisor after 3). */
class OverduePolicyTests {

    private static final WorkingDayCalendar CHINA = CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv"));
    private final OverduePolicy policy = new OverduePolicy(CHINA, 3);

    @Test
    void aTicketDueTodayOrLaterIsNotOverdue() {
        LocalDate due = LocalDate.of(2026, 11, 25);

        assertThat(policy.workingDaysOverdue(due, due)).isZero();
        assertThat(policy.levelFor(due, due)).isEqualTo(OverduePolicy.NONE);
        assertThat(policy.levelFor(due, due.minusDays(1))).isEqualTo(OverduePolicy.NONE);
    }

    @Test
    void theDayAfterTheDueDateIsOneWorkingDayOverdueAndGoesToTheTeamLeader() {
        LocalDate wednesday = LocalDate.of(2026, 11, 25);

        assertThat(policy.workingDaysOverdue(wednesday, wednesday.plusDays(1))).isEqualTo(1);
        assertThat(policy.levelFor(wednesday, wednesday.plusDays(1))).isEqualTo(OverduePolicy.TEAM_LEADER);
    }

    @Test
    void aWeekendAfterAFridayDeadlineCountsNoWorkingDaysSoNothingEscalatesBeforeMonday() {
        LocalDate friday = LocalDate.of(2026, 11, 27);

        assertThat(policy.workingDaysOverdue(friday, friday.plusDays(1))).isZero();
        assertThat(policy.levelFor(friday, friday.plusDays(2))).isEqualTo(OverduePolicy.NONE);
        assertThat(policy.workingDaysOverdue(friday, friday.plusDays(3))).isEqualTo(1);
        assertThat(policy.levelFor(friday, friday.plusDays(3))).isEqualTo(OverduePolicy.TEAM_LEADER);
    }

    @Test
    void theNationalDayWeekCountsNoWorkingDaysButItsMakeUpSaturdayDoes() {
        LocalDate due = LocalDate.of(2026, 9, 30); // Wednesday before the 2026-10-01..07 holiday

        assertThat(policy.workingDaysOverdue(due, LocalDate.of(2026, 10, 7))).isZero();
        assertThat(policy.workingDaysOverdue(due, LocalDate.of(2026, 10, 8))).isEqualTo(1);
        assertThat(policy.workingDaysOverdue(due, LocalDate.of(2026, 10, 11)))
                .as("Sat 10-10 is a make-up working day")
                .isEqualTo(3);
        assertThat(policy.levelFor(due, LocalDate.of(2026, 10, 11))).isEqualTo(OverduePolicy.TEAM_LEADER);
        assertThat(policy.workingDaysOverdue(due, LocalDate.of(2026, 10, 12))).isEqualTo(4);
        assertThat(policy.levelFor(due, LocalDate.of(2026, 10, 12))).isEqualTo(OverduePolicy.SUPERVISOR);
    }

    @Test
    void onPlainWeekdaysTheSameDatesWouldHaveReachedTheSupervisorBeforeTheHolidayEnded() {
        OverduePolicy naive = new OverduePolicy(WorkingDayCalendar.weekdaysOnly(), 3);

        assertThat(naive.levelFor(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8)))
                .isEqualTo(OverduePolicy.SUPERVISOR);
        assertThat(policy.levelFor(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 8)))
                .isEqualTo(OverduePolicy.TEAM_LEADER);
    }

    @Test
    void theSupervisorThresholdIsExclusiveAndConfigurable() {
        LocalDate monday = LocalDate.of(2026, 11, 23);

        assertThat(policy.levelFor(monday, monday.plusDays(3))).as("3 wd").isEqualTo(OverduePolicy.TEAM_LEADER);
        assertThat(policy.levelFor(monday, monday.plusDays(4))).as("4 wd").isEqualTo(OverduePolicy.SUPERVISOR);
        assertThat(new OverduePolicy(CHINA, 0).levelFor(monday, monday.plusDays(1)))
                .isEqualTo(OverduePolicy.SUPERVISOR);
    }
}
