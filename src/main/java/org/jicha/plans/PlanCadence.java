package org.jicha.plans;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's schedule as people choose it: every day, every week on a weekday, every month on a day, every quarter
 * on a day of its first month (January, April, July, October), or every year on a date, at a time of day. It
 * becomes the plan's Quartz cron ({@link #toCron()}) and is read back from one ({@link #of(String)}), so the form
 * and the list show a cron in words; a cron it cannot read (any other Quartz cron an API client wrote) is shown as
 * written, with its next runs.
 *
 * @param frequency  how often
 * @param dayOfMonth MONTHLY, QUARTERLY, YEARLY: the day (1-31), or {@link #LAST_DAY}; else 0
 * @param dayOfWeek  WEEKLY: the weekday; else null
 * @param month      YEARLY: the month (1-12); else 0
 * @param time       the time of day (minutes; seconds are always 0)
 */
public record PlanCadence(Frequency frequency, int dayOfMonth, DayOfWeek dayOfWeek, int month, LocalTime time) {

    /** {@code dayOfMonth} of the last day of the month (Quartz {@code L}). */
    public static final int LAST_DAY = -1;

    /** How often a plan runs. */
    public enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY,
        QUARTERLY,
        YEARLY
    }

    private static final Set<String> QUARTER_MONTHS = Set.of("1/3", "*/3", "1,4,7,10", "JAN,APR,JUL,OCT");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    // Quartz numbers the weekdays from Sunday = 1
    private static final Map<String, DayOfWeek> DAYS = Map.ofEntries(
            Map.entry("SUN", DayOfWeek.SUNDAY),
            Map.entry("MON", DayOfWeek.MONDAY),
            Map.entry("TUE", DayOfWeek.TUESDAY),
            Map.entry("WED", DayOfWeek.WEDNESDAY),
            Map.entry("THU", DayOfWeek.THURSDAY),
            Map.entry("FRI", DayOfWeek.FRIDAY),
            Map.entry("SAT", DayOfWeek.SATURDAY),
            Map.entry("1", DayOfWeek.SUNDAY),
            Map.entry("2", DayOfWeek.MONDAY),
            Map.entry("3", DayOfWeek.TUESDAY),
            Map.entry("4", DayOfWeek.WEDNESDAY),
            Map.entry("5", DayOfWeek.THURSDAY),
            Map.entry("6", DayOfWeek.FRIDAY),
            Map.entry("7", DayOfWeek.SATURDAY));

    public PlanCadence {
        if (frequency == null || time == null) {
            throw new IllegalArgumentException("a cadence needs a frequency and a time of day");
        }
        time = time.withSecond(0).withNano(0);
    }

    public static PlanCadence daily(LocalTime time) {
        return new PlanCadence(Frequency.DAILY, 0, null, 0, time);
    }

    public static PlanCadence weekly(DayOfWeek day, LocalTime time) {
        return new PlanCadence(Frequency.WEEKLY, 0, day, 0, time);
    }

    public static PlanCadence monthly(int day, LocalTime time) {
        return new PlanCadence(Frequency.MONTHLY, day, null, 0, time);
    }

    public static PlanCadence quarterly(int day, LocalTime time) {
        return new PlanCadence(Frequency.QUARTERLY, day, null, 0, time);
    }

    public static PlanCadence yearly(int month, int day, LocalTime time) {
        return new PlanCadence(Frequency.YEARLY, day, null, month, time);
    }

    /** The Quartz cron of this cadence, e.g. {@code 0 0 3 1 * ?} for 03:00 on the 1st of each month. */
    public String toCron() {
        String at = "0 " + time.getMinute() + " " + time.getHour() + " ";
        String day = dayOfMonth == LAST_DAY ? "L" : String.valueOf(dayOfMonth);
        return switch (frequency) {
            case DAILY -> at + "* * ?";
            case WEEKLY -> at + "? * " + dayOfWeek.name().substring(0, 3);
            case MONTHLY -> at + day + " * ?";
            case QUARTERLY -> at + day + " 1/3 ?";
            case YEARLY -> at + day + " " + month + " ?";
        };
    }

    /** The cadence a cron expresses, or empty when it says something else (seconds, ranges, several times ...). */
    public static Optional<PlanCadence> of(String cron) {
        if (cron == null) {
            return Optional.empty();
        }
        String[] f = cron.strip().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length < 6 || f.length > 7 || (f.length == 7 && !f[6].equals("*")) || !f[0].equals("0")) {
            return Optional.empty();
        }
        int minute = number(f[1], 0, 59);
        int hour = number(f[2], 0, 23);
        if (minute < 0 || hour < 0) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.of(hour, minute);
        String dom = f[3];
        String mon = f[4];
        String dow = f[5];
        boolean anyDom = dom.equals("*") || dom.equals("?");
        boolean anyDow = dow.equals("*") || dow.equals("?");
        if (anyDom && anyDow && mon.equals("*")) {
            return Optional.of(daily(time));
        }
        if (anyDom && mon.equals("*") && DAYS.containsKey(dow)) {
            return Optional.of(weekly(DAYS.get(dow), time));
        }
        int day = dom.equals("L") ? LAST_DAY : number(dom, 1, 31);
        if (day == -2 || !anyDow) {
            return Optional.empty();
        }
        if (mon.equals("*")) {
            return Optional.of(monthly(day, time));
        }
        if (QUARTER_MONTHS.contains(mon)) {
            return Optional.of(quarterly(day, time));
        }
        int month = MONTHS.contains(mon) ? MONTHS.indexOf(mon) + 1 : number(mon, 1, 12);
        return month < 0 ? Optional.empty() : Optional.of(yearly(month, day, time));
    }

    /** {@code text} as a whole number within min-max, or -2 when it is not one. */
    private static int number(String text, int min, int max) {
        if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(Character::isDigit)) {
            return -2;
        }
        int n = Integer.parseInt(text);
        return n < min || n > max ? -2 : n;
    }
}
