package org.jicha.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.facts.AuditContext;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

/**
 * A compiled, validated rule set: immutable once built, so a run in flight keeps evaluating the set it
 * started with while a newer one is swapped in.
 */
public final class RuleSet {

    private final KieBase kieBase;
    private final List<RuleMeta> rules;
    private final Map<String, RuleMeta> metaByRuleName;
    private final RuleParameters parameters;
    private final WorkingDayCalendar calendar;
    private final String contentHash;
    private final List<String> files;
    private final Instant compiledAt;

    RuleSet(KieBase kieBase, List<RuleMeta> rules, Map<String, RuleMeta> metaByRuleName, RuleParameters parameters,
            WorkingDayCalendar calendar, String contentHash, List<String> files) {
        this.kieBase = kieBase;
        this.rules = rules.stream().sorted(Comparator.comparing(RuleMeta::code)).toList();
        this.metaByRuleName = Map.copyOf(metaByRuleName);
        this.parameters = parameters;
        this.calendar = calendar;
        this.contentHash = contentHash;
        this.files = List.copyOf(files);
        this.compiledAt = Instant.now();
    }

    /** Evaluates every rule over one batch of facts in a fresh stateless session. Thread-safe. */
    public List<Finding> evaluate(AuditContext ctx, Collection<?> facts) {
        FindingCollector collector = new FindingCollector(metaByRuleName);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("ctx", ctx);
        session.setGlobal("params", parameters);
        session.setGlobal("findings", collector);
        session.execute(new ArrayList<>(facts));
        return collector.findings();
    }

    /** An audit context for an as-of date on this rule set's calendar. */
    public AuditContext contextAsOf(java.time.LocalDate asOf) {
        return AuditContext.asOf(asOf, calendar);
    }

    public List<RuleMeta> rules() {
        return rules;
    }

    public Optional<RuleMeta> rule(String code) {
        return rules.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public RuleParameters parameters() {
        return parameters;
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** SHA-256 over every rule, parameter and calendar file (names and bytes). */
    public String contentHash() {
        return contentHash;
    }

    public List<String> files() {
        return files;
    }

    public Instant compiledAt() {
        return compiledAt;
    }
}
