package org.jicha.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.TeamKind;
import org.springframework.stereotype.Component;

/**
 * The ratios of a run for a scope, and the same ratios for the month before, using the team kinds of the rule
 * set in force (a rule's team kind rarely changes; the run's own set may be older).
 */
@Component
class ReportFigures {

    private final RatioQueries queries;
    private final ReportRuns runs;
    private final ActiveRuleSet rules;

    ReportFigures(RatioQueries queries, ReportRuns runs, ActiveRuleSet rules) {
        this.queries = queries;
        this.runs = runs;
        this.rules = rules;
    }

    RuleSet ruleSet() {
        return rules.current();
    }

    Map<RatioKind, Ratio> ratios(ReportRuns.RunRef run, ReportScope scope) {
        RuleSet set = rules.current();
        return queries.all(
                run.id(), run.period(), scope, codesOf(set, TeamKind.READING), codesOf(set, TeamKind.BILLING));
    }

    /** The ratios of the month before, when a completed run audited it. */
    Optional<Map<RatioKind, Ratio>> previous(YearMonth period, ReportScope scope) {
        return runs.latestCompleted(period.minusMonths(1)).map(r -> ratios(r, scope));
    }

    static BigDecimal valueOf(Optional<Map<RatioKind, Ratio>> ratios, RatioKind kind) {
        return ratios.map(m -> m.get(kind).value()).orElse(null);
    }

    /** Rule code -> team kind name, for the attribution of findings on customers. */
    Function<String, String> teamKinds() {
        Map<String, String> kinds = rules.current().rules().stream()
                .collect(Collectors.toMap(RuleMeta::code, r -> r.teamKind().name()));
        return kinds::get;
    }

    private static List<String> codesOf(RuleSet set, TeamKind kind) {
        return set.rules().stream()
                .filter(r -> r.teamKind() == kind)
                .map(RuleMeta::code)
                .toList();
    }
}
