package org.jicha.audit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunQueries.RuleRunCount;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.web.RuleFigures;
import org.jicha.rules.web.RuleStatistics;
import org.jicha.tickets.RulePrecision;
import org.springframework.stereotype.Component;

/** The rules' figures from the runs' findings per rule and the tickets' verdicts ({@link RulePrecision}). */
@Component
class RuleStatisticsOfRuns implements RuleStatistics {

    private final AuditService audits;
    private final RulePrecision precision;

    RuleStatisticsOfRuns(AuditService audits, RulePrecision precision) {
        this.audits = audits;
        this.precision = precision;
    }

    @Override
    public List<RuleFigures> ofLastRuns(int runs) {
        Map<String, List<RuleFigures.RunPoint>> trend = new LinkedHashMap<>();
        for (RuleRunCount c : audits.findingsPerRuleOfLastRuns(Math.min(Math.max(runs, 1), 100))) {
            trend.computeIfAbsent(c.ruleCode(), k -> new ArrayList<>())
                    .add(new RuleFigures.RunPoint(c.runId(), c.asOf(), c.findings()));
        }
        Map<String, RulePrecision.Judged> judged = precision.perRule();
        List<RuleFigures> out = new ArrayList<>();
        for (RuleMeta rule : audits.ruleCatalogue()) {
            RulePrecision.Judged j = judged.getOrDefault(rule.code(), RulePrecision.none());
            out.add(new RuleFigures(
                    rule.code(),
                    rule.title(),
                    trend.getOrDefault(rule.code(), List.of()),
                    j.openTickets(),
                    j.confirmed(),
                    j.falsePositives(),
                    j.precision()));
        }
        return out;
    }
}
