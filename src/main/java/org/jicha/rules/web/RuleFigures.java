package org.jicha.rules.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * A rule's figures for the audit team: its findings in recent runs, its open tickets and how its tickets were
 * judged (precision = confirmed / (confirmed + false positive), null until any is judged).
 */
@NamedInterface("pages")
public record RuleFigures(
        String code,
        String title,
        List<RunPoint> findingsPerRun,
        long openTickets,
        long confirmed,
        long falsePositives,
        Double precision) {

    /** Findings of the most recent completed run, or null when the rule has not run yet. */
    public Long lastFindings() {
        return findingsPerRun.isEmpty()
                ? null
                : findingsPerRun.get(findingsPerRun.size() - 1).findings();
    }

    /** A rule's findings in one completed run. */
    public record RunPoint(long runId, LocalDate asOf, long findings) {}
}
