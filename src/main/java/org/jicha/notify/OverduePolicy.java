package org.jicha.notify;

import java.time.LocalDate;
import org.jicha.calendar.WorkingDayCalendar;

/**
 * How far a ticket is overdue, in China working days, and the escalation level that earns it.
 *
 * <p>A ticket is due by the end of its due date. It is overdue by the working days after the due date up
 * to and including today (the calendar's span rule): due on a Friday, it is 1 working day overdue on
 * Monday, and 0 over the weekend between. Level 1 (team leader) is reached at 1 working day overdue, level
 * 2 (supervisor) at more than {@code supervisorAfter} working days. A ticket past its date only by
 * non-working days (a weekend, the National Day week) is not escalated yet: nobody could have worked on it.
 */
record OverduePolicy(WorkingDayCalendar calendar, int supervisorAfter) {

    static final int NONE = 0;
    static final int TEAM_LEADER = 1;
    static final int SUPERVISOR = 2;

    int workingDaysOverdue(LocalDate dueOn, LocalDate today) {
        return today.isAfter(dueOn) ? calendar.workingDaysBetween(dueOn, today) : 0;
    }

    int levelFor(LocalDate dueOn, LocalDate today) {
        int overdue = workingDaysOverdue(dueOn, today);
        if (overdue <= 0) {
            return NONE;
        }
        return overdue > supervisorAfter ? SUPERVISOR : TEAM_LEADER;
    }
}
