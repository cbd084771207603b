package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.config.HealthLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The health component {@code calendar} on the shipped calendar: it warns when the next 90 days run past the last
 * year the file covers, and says which covered years are provisional (2027, entered before its notice).
 */
class CalendarHealthTests {

    static final WorkingDayCalendar SHIPPED = CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv"));

    @Test
    void onTheTestsDayTheCalendarCoversTheNextNinetyDaysWith2027Provisional() {
        Health health = CalendarHealthIndicator.of(SHIPPED, LocalDate.of(2026, 12, 7), 90);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("coveredThrough", LocalDate.of(2027, 12, 31))
                .containsEntry("neededThrough", LocalDate.of(2027, 3, 7))
                .containsEntry("provisionalYears", List.of(2027));
        assertThat((String) health.getDetails().get("provisional")).contains("2027", "国务院办公厅");
    }

    @Test
    void nearTheEndOfTheCalendarItWarnsAndSaysUntilWhenItIsNeeded() {
        Health health = CalendarHealthIndicator.of(SHIPPED, LocalDate.of(2027, 11, 1), 90);

        assertThat(health.getStatus()).isEqualTo(HealthLimits.WARNING);
        assertThat(health.getDetails())
                .containsEntry("coveredThrough", LocalDate.of(2027, 12, 31))
                .containsEntry("neededThrough", LocalDate.of(2028, 1, 30));
        assertThat((String) health.getDetails().get("problem")).contains("2028-01-30", "cn-working-days.csv");
    }

    @Test
    void aDayOutsideEveryCoveredYearWarns() {
        Health health = CalendarHealthIndicator.of(SHIPPED, LocalDate.of(2028, 2, 1), 90);

        assertThat(health.getStatus()).isEqualTo(HealthLimits.WARNING);
        assertThat(health.getDetails()).doesNotContainKey("coveredThrough");
    }

    @Test
    void aCalendarEndingOnTheThirtyFirstOfDecemberWarnsFromEarlyOctober() {
        WorkingDayCalendar through2026 = new WorkingDayCalendar(Map.of(), List.of(2026));

        assertThat(CalendarHealthIndicator.of(through2026, LocalDate.of(2026, 10, 2), 90)
                        .getStatus())
                .isEqualTo(Status.UP);
        assertThat(CalendarHealthIndicator.of(through2026, LocalDate.of(2026, 12, 7), 90)
                        .getStatus())
                .isEqualTo(HealthLimits.WARNING);
    }
}
