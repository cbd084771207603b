package org.jicha.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.audit.AuditService.RuleRunCount;
import org.jicha.rules.RuleMeta;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule statistics for the audit team: per rule its findings in recent runs, its open tickets, and its
 * precision (confirmed / (confirmed + false positive)) once auditors judge its tickets.
 */
@RestController
class RuleStatisticsController {

    private final AuditService audits;
    private final TicketService tickets;

    RuleStatisticsController(AuditService audits, TicketService tickets) {
        this.audits = audits;
        this.tickets = tickets;
    }

    record RunPoint(long runId, java.time.LocalDate asOf, long findings) {
    }

    record RuleStatistics(String code, String title, List<RunPoint> findingsPerRun, long openTickets,
                          long confirmed, long falsePositives, Double precision) {
    }

    @GetMapping("/api/rules/statistics")
    List<RuleStatistics> statistics(@RequestParam(defaultValue = "12") int runs) {
        Map<String, List<RunPoint>> trend = new LinkedHashMap<>();
        for (RuleRunCount c : audits.findingsPerRuleOfLastRuns(Math.min(Math.max(runs, 1), 100))) {
            trend.computeIfAbsent(c.ruleCode(), k -> new ArrayList<>()).add(new RunPoint(c.runId(), c.asOf(), c.findings()));
        }
        Map<String, Map<TicketStatus, Long>> counts = tickets.countsByRuleAndStatus();
        List<RuleStatistics> out = new ArrayList<>();
        for (RuleMeta rule : audits.ruleCatalogue()) {
            Map<TicketStatus, Long> byStatus = counts.getOrDefault(rule.code(), new EnumMap<>(TicketStatus.class));
            long open = byStatus.entrySet().stream().filter(e -> e.getKey().isOpen()).mapToLong(Map.Entry::getValue).sum();
            long confirmed = byStatus.getOrDefault(TicketStatus.VERIFIED, 0L) + byStatus.getOrDefault(TicketStatus.CLOSED, 0L);
            long falsePositives = byStatus.getOrDefault(TicketStatus.FALSE_POSITIVE, 0L);
            Double precision = confirmed + falsePositives == 0 ? null : (double) confirmed / (confirmed + falsePositives);
            out.add(new RuleStatistics(rule.code(), rule.title(), trend.getOrDefault(rule.code(), List.of()), open,
                    confirmed, falsePositives, precision));
        }
        return out;
    }
}
