package org.jicha.tickets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The brake on floods: does a run open so many new tickets of one rule that the auditors should look before any
 * team sees them? Compared per audited period, not per run, because a rule's tickets of a month are opened by the
 * month's first run and the nightly runs after it open few: a median over runs would hold every rule each month.
 *
 * <p>A run holds its new tickets of a rule when it would open more than {@code minNew} of them AND
 * <ul>
 *   <li>the rule has earlier audited periods (up to {@code lookbackPeriods}, each one a completed run over
 *       everything evaluated the rule in, withdrawn runs left out): the rule's tickets of this period, with the
 *       run's new ones, exceed {@code factor} times the median of its tickets per earlier period (a period
 *       without tickets counts 0); tickets awaiting confirmation or withdrawn are not counted;</li>
 *   <li>the rule has none (a first run, a new rule): always. The first time, the auditors look at any rule that
 *       would open more than {@code minNew} tickets.</li>
 * </ul>
 */
final class TicketBrake {

    /** How one rule of a run was judged. {@code median} is null when there was no earlier period to compare with. */
    record Judgement(String ruleCode, long newTickets, long periodTickets, Double median, int periods, boolean held) {}

    private TicketBrake() {}

    /**
     * @param newTickets    the run's new tickets of the rule
     * @param periodBefore  the rule's tickets of the audited period opened by earlier runs
     * @param history       the rule's tickets per earlier period, newest first, at most the look-back
     */
    static Judgement judge(
            String ruleCode, long newTickets, long periodBefore, List<Long> history, BrakeProperties properties) {
        long period = periodBefore + newTickets;
        if (history.isEmpty()) {
            return new Judgement(ruleCode, newTickets, period, null, 0, newTickets > properties.minNew());
        }
        double median = median(history);
        boolean held = newTickets > properties.minNew() && period > properties.factor() * median;
        return new Judgement(ruleCode, newTickets, period, median, history.size(), held);
    }

    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
