package org.jicha.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A plan with its execution figures, as the API shows it. */
public record PlanView(
        long id,
        String name,
        String description,
        PlanKind kind,
        String cron,
        LocalDate startsOn,
        LocalDate endsOn,
        List<String> themes,
        List<String> ruleCodes,
        List<String> unitCodes,
        Integer targetRectificationPct,
        String target,
        boolean enabled,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        long version,
        Instant nextFireTime,
        PlanFigures figures) {

    static PlanView of(AuditPlan plan, Instant nextFireTime, PlanFigures figures) {
        return new PlanView(
                plan.getId(),
                plan.getName(),
                plan.getDescription(),
                plan.getKind(),
                plan.getCron(),
                plan.getStartsOn(),
                plan.getEndsOn(),
                plan.themeList(),
                plan.ruleCodeList(),
                plan.unitCodeList(),
                plan.getTargetRectificationPct(),
                plan.getTarget(),
                plan.isEnabled(),
                plan.getCreatedAt(),
                plan.getUpdatedAt(),
                plan.getVersion(),
                nextFireTime,
                figures);
    }
}
