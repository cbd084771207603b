package org.jicha.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.calendar.ChinaTime;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.config.HealthLimits;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code calendar}: does the working-day calendar of the rule set in force
 * ({@code rules/calendar/cn-working-days.csv}) cover today and the next {@code jicha.health.calendar-days} days?
 * Every ticket deadline and "wd" span falls in them; a date outside the calendar counts weekends only, so
 * holidays would be taken for working days. Warns when it does not cover them; says (without warning) which of
 * those years are provisional, entered from the statutory holidays before the State Council's notice.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

    private final ActiveRuleSet rules;
    private final HealthLimits limits;
    private final Clock clock;

    CalendarHealthIndicator(ActiveRuleSet rules, HealthLimits limits, Clock clock) {
        this.rules = rules;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Health health() {
        return of(rules.current().calendar(), ChinaTime.today(clock), limits.calendarDays());
    }

    /** The calendar's health on {@code today}, when it must cover {@code days} days ahead. */
    static Health of(WorkingDayCalendar calendar, LocalDate today, int days) {
        LocalDate needed = today.plusDays(days);
        LocalDate through = calendar.coveredThrough(today);
        List<Integer> provisional = calendar.provisionalYears().stream()
                .filter(y -> y >= today.getYear() && y <= needed.getYear())
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("years", calendar.coveredYears());
        if (through != null) {
            details.put("coveredThrough", through);
        }
        details.put("neededThrough", needed);
        if (!provisional.isEmpty()) {
            details.put("provisionalYears", provisional);
            details.put(
                    "provisional",
                    "年份 " + provisional + " 仅按法定节假日录入，调休上班日与连休日待国务院办公厅通知后补录 / "
                            + provisional + " holds the statutory holidays only: enter the make-up working days and "
                            + "bridging days from the State Council's notice");
        }
        if (through == null || through.isBefore(needed)) {
            details.put(
                    "problem",
                    "工作日历未覆盖至 " + needed + "，请补录下一年度节假日安排 / the working-day calendar does not cover the "
                            + "days up to " + needed + ": add the next year's holidays to "
                            + "rules/calendar/cn-working-days.csv");
            return Health.status(HealthLimits.WARNING).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
