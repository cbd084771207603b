package org.jicha.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The date and time of day in China (Asia/Shanghai), read from the one {@link Clock} bean: what "today" means
 * for an audit's as-of date, a ticket's due date and the pages that show them. Tests fix the clock, not the date.
 */
public final class ChinaTime {

    /** The utility's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {}

    /** Today's date in China by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The date and time of day in China by {@code clock}. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZONE));
    }
}
