package org.jicha.plans;

import java.util.Map;
import org.jicha.audit.RunHistory;
import org.jicha.audit.RunHistory.PlanRun;
import org.springframework.stereotype.Component;

/**
 * A plan's execution figures from its runs, their findings and the tickets of those findings, as the audit
 * module answers them ({@link RunHistory}).
 */
@Component
class PlanFiguresQuery {

    private final RunHistory runs;

    PlanFiguresQuery(RunHistory runs) {
        this.runs = runs;
    }

    PlanFigures of(AuditPlan plan) {
        long planId = plan.getId();
        long runCount = runs.runsOfPlan(planId);
        PlanFigures.LastRun last =
                runs.lastRunOfPlan(planId).map(PlanFiguresQuery::lastRun).orElse(null);
        long findings = runs.findingsOfPlan(planId);
        // tickets held by the brake or withdrawn are out of the loop: not counted
        Map<String, Long> byStatus = runs.ticketStatusesOfPlan(planId);
        long tickets = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long rectified = byStatus.getOrDefault("VERIFIED", 0L) + byStatus.getOrDefault("CLOSED", 0L);
        long falsePositive = byStatus.getOrDefault("FALSE_POSITIVE", 0L);
        long exempted = byStatus.getOrDefault("EXEMPTED", 0L);
        long base = tickets - falsePositive - exempted;
        Double rate = base <= 0 ? null : Math.round(rectified * 1000.0 / base) / 10.0;
        Boolean met = plan.getTargetRectificationPct() == null || rate == null
                ? null
                : rate >= plan.getTargetRectificationPct();
        return new PlanFigures(runCount, last, findings, tickets, rectified, falsePositive, exempted, rate, met);
    }

    private static PlanFigures.LastRun lastRun(PlanRun run) {
        return new PlanFigures.LastRun(run.id(), run.status(), run.startedAt(), run.finishedAt(), run.findingsCount());
    }
}
