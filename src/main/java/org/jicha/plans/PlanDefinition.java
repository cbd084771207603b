package org.jicha.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user writes to create or change a plan. Empty themes and rule codes = every rule; empty unit codes =
 * the whole company (a unit covers its subtree). {@code enabled} null = true.
 */
public record PlanDefinition(
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
        Boolean enabled) {

    public PlanDefinition {
        themes = themes == null ? List.of() : List.copyOf(themes);
        ruleCodes = ruleCodes == null ? List.of() : List.copyOf(ruleCodes);
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
    }
}
