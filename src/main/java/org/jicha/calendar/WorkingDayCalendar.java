package org.jicha.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days on the China calendar. Immutable and thread-safe.
 *
 * <p>A span from T1 to T2 lasts as many working days as there are after T1's date up to and including
 * T2's date: a step finished on the day it started takes 0 wd; Friday to the next Monday takes 1 wd.
 */
public final class WorkingDayCalendar {

    /** How a listed date differs from the plain weekday/weekend pattern. */
    public enum DayType {
        HOLIDAY,
        WORKDAY
    }

    private final Map<LocalDate, DayType> exceptions;
    private final NavigableSet<Integer> coveredYears;
    private final NavigableSet<Integer> provisionalYears;

    public WorkingDayCalendar(Map<LocalDate, DayType> exceptions, Collection<Integer> coveredYears) {
        this(exceptions, coveredYears, List.of());
    }

    /**
     * @param provisionalYears covered years entered before the State Council's notice (statutory holidays only,
     *                         no 调休 working days or bridging days yet)
     */
    public WorkingDayCalendar(
            Map<LocalDate, DayType> exceptions,
            Collection<Integer> coveredYears,
            Collection<Integer> provisionalYears) {
        this.exceptions = Collections.unmodifiableMap(new TreeMap<>(exceptions));
        this.coveredYears = Collections.unmodifiableNavigableSet(new TreeSet<>(coveredYears));
        this.provisionalYears = Collections.unmodifiableNavigableSet(new TreeSet<>(provisionalYears));
    }

    /** A calendar of plain weeks (Monday to Friday), covering no year: for tests and fallbacks. */
    public static WorkingDayCalendar weekdaysOnly() {
        return new WorkingDayCalendar(Map.of(), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        DayType listed = exceptions.get(date);
        if (listed != null) {
            return listed == DayType.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** The date that lies {@code workingDays} working days after {@code start} (the deadline of a limit). */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must be >= 0, was " + workingDays);
        }
        LocalDate d = start;
        int left = workingDays;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code date} itself when it is a working day, else the next working day. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Whether the data file lists this date's year completely (outside it only weekends are known). */
    public boolean covers(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    public NavigableSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** Covered years whose days off are provisional: the State Council's notice is still to be entered. */
    public NavigableSet<Integer> provisionalYears() {
        return provisionalYears;
    }

    /** The last date the calendar covers without a gap from {@code from} on (null: {@code from} is not covered). */
    public LocalDate coveredThrough(LocalDate from) {
        if (!covers(from)) {
            return null;
        }
        int year = from.getYear();
        while (coveredYears.contains(year + 1)) {
            year++;
        }
        return LocalDate.of(year, 12, 31);
    }

    public int exceptionCount() {
        return exceptions.size();
    }
}
