package org.jicha.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jicha.calendar.WorkingDayCalendar;

/**
 * What a run audits: the as-of date and the audited period (by default the billing month before the
 * as-of date). Rules see it as the global {@code ctx}.
 */
public final class AuditContext {

    private final LocalDate asOf;
    private final YearMonth auditedMonth;
    private final String auditedPeriod;
    private final WorkingDayCalendar calendar;

    public AuditContext(LocalDate asOf, YearMonth auditedMonth, WorkingDayCalendar calendar) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.auditedMonth = Objects.requireNonNull(auditedMonth, "auditedMonth");
        this.auditedPeriod = auditedMonth.toString(); // rules and facts ask for it per fact
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The catalogue's default: the audited period is the billing month before the as-of date. */
    public static AuditContext asOf(LocalDate asOf, WorkingDayCalendar calendar) {
        return new AuditContext(asOf, YearMonth.from(asOf).minusMonths(1), calendar);
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    /** The audited billing month, {@code yyyy-MM}. */
    public String getAuditedPeriod() {
        return auditedPeriod;
    }

    public YearMonth auditedMonth() {
        return auditedMonth;
    }

    public LocalDate getPeriodStart() {
        return auditedMonth.atDay(1);
    }

    public LocalDate getPeriodEnd() {
        return auditedMonth.atEndOfMonth();
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** Working days after {@code from} up to and including {@code to} (catalogue convention). */
    public int workingDays(LocalDate from, LocalDate to) {
        return calendar.workingDaysBetween(from, to);
    }

    /** Whole months from {@code date} to the as-of date (0 when in the same month or later). */
    public long monthsSince(LocalDate date) {
        return ChronoUnit.MONTHS.between(date, asOf);
    }

    /** The as-of date minus {@code months} months, for "older than N months" rules. */
    public LocalDate monthsAgo(int months) {
        return asOf.minusMonths(months);
    }

    public LocalDate daysAgo(int days) {
        return asOf.minusDays(days);
    }
}
