package org.jicha.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunQueries.RuleRunCount;
import org.jicha.rules.RuleMeta;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * Rule statistics for the audit team: per rule its findings in recent runs, its open tickets, and its
 * precision (confirmed / (confirmed + false positive)) once auditors judge its tickets. The JSON API and the
 * rules page show the same figures.
 */
@Component
class RuleStatistics {

    private final AuditService audits;
    private final TicketService tickets;

    RuleStatistics(AuditService audits, TicketService tickets) {
        this.audits = audits;
        this.tickets = tickets;
    }

    public record RunPoint(long runId, LocalDate asOf, long findings) {
    }

    public record RuleFigures(String code, String title, List<RunPoint> findingsPerRun, long openTickets,
                       long confirmed, long falsePositives, Double precision) {

        /** Findings of the most recent completed run, or null when the rule has not run yet. */
        public Long lastFindings() {
            return findingsPerRun.isEmpty() ? null : findingsPerRun.get(findingsPerRun.size() - 1).findings();
        }
    }

    List<RuleFigures> ofLastRuns(int runs) {
        Map<String, List<RunPoint>> trend = new LinkedHashMap<>();
        for (RuleRunCount c : audits.findingsPerRuleOfLastRuns(Math.min(Math.max(runs, 1), 100))) {
            trend.computeIfAbsent(c.ruleCode(), k -> new ArrayList<>()).add(new RunPoint(c.runId(), c.asOf(), c.findings()));
        }
        Map<String, Map<TicketStatus, Long>> counts = tickets.countsByRuleAndStatus();
        List<RuleFigures> out = new ArrayList<>();
        for (RuleMeta rule : audits.ruleCatalogue()) {
            Map<TicketStatus, Long> byStatus = counts.getOrDefault(rule.code(), new EnumMap<>(TicketStatus.class));
            long open = byStatus.entrySet().stream().filter(e -> e.getKey().isOpen()).mapToLong(Map.Entry::getValue).sum();
            long confirmed = byStatus.getOrDefault(TicketStatus.VERIFIED, 0L) + byStatus.getOrDefault(TicketStatus.CLOSED, 0L);
            long falsePositives = byStatus.getOrDefault(TicketStatus.FALSE_POSITIVE, 0L);
            Double precision = confirmed + falsePositives == 0 ? null : (double) confirmed / (confirmed + falsePositives);
            out.add(new RuleFigures(rule.code(), rule.title(), trend.getOrDefault(rule.code(), List.of()), open,
                    confirmed, falsePositives, precision));
        }
        return out;
    }
}
