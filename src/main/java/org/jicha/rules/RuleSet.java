package org.jicha.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.rules.RuleVariants.RuleName;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * A compiled, validated rule set: immutable once built, so a run in flight keeps evaluating the set it
 * started with while a newer one is swapped in.
 */
public final class RuleSet {

    /** Where Drools names the rules of a constraint that threw: {@code ... in [Rule "A", "B" in bil/x.drl]}. */
    private static final String CONSTRAINT_RULES = "' in [Rule ";

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /** The rule code a Drools rule counts for (a decision-table row: the rule it supports) and where it is. */
    record RuleOrigin(String code, String location) {}

    private final KieBase kieBase;
    private final List<RuleMeta> rules;
    private final Map<String, RuleMeta> metaByRuleName;
    private final RuleParameters parameters;
    private final WorkingDayCalendar calendar;
    private final String contentHash;
    private final List<String> files;
    private final Instant compiledAt;
    private final Map<RuleName, RuleOrigin> origins;
    private final Map<String, List<RuleName>> rulesByName = new HashMap<>();
    private final RuleVariants variants;

    RuleSet(
            KieBase kieBase,
            List<RuleMeta> rules,
            Map<String, RuleMeta> metaByRuleName,
            RuleParameters parameters,
            WorkingDayCalendar calendar,
            String contentHash,
            List<String> files,
            Map<RuleName, RuleOrigin> origins,
            RuleVariants variants) {
        this.kieBase = kieBase;
        this.origins = Map.copyOf(origins);
        origins.keySet()
                .forEach(r -> rulesByName
                        .computeIfAbsent(r.name(), k -> new ArrayList<>())
                        .add(r));
        this.variants = variants;
        this.rules = rules.stream().sorted(Comparator.comparing(RuleMeta::code)).toList();
        this.metaByRuleName = Map.copyOf(metaByRuleName);
        this.parameters = parameters;
        this.calendar = calendar;
        this.contentHash = contentHash;
        this.files = List.copyOf(files);
        this.compiledAt = Instant.now();
    }

    /**
     * Evaluates every rule over one batch of facts in a fresh stateless session; an exception a rule throws
     * propagates. Thread-safe. For checks and tests; runs use {@link #evaluate(AuditContext, List)}.
     */
    public List<Finding> evaluate(AuditContext ctx, Collection<?> facts) {
        return run(kieBase, ctx, facts);
    }

    /**
     * Evaluates every rule over a batch of subjects, each given as its facts (a customer with everything that
     * hangs from it, or an application without a customer), in one stateless session, so a batch costs what it
     * always cost. If a rule throws, the batch is split in halves until the subjects it throws on stand alone
     * (the others' findings are kept), and such a subject is evaluated again without the rules Drools names in
     * the exception, until it evaluates: every other rule's findings on it are kept, and the failing rules are
     * returned as {@link RuleError}s. Thread-safe.
     */
    public Evaluation evaluate(AuditContext ctx, List<? extends Collection<?>> subjects) {
        try {
            return new Evaluation(run(kieBase, ctx, flatten(subjects)), List.of());
        } catch (RuntimeException e) {
            List<Finding> findings = new ArrayList<>();
            List<RuleError> errors = new ArrayList<>();
            isolate(ctx, subjects, e, findings, errors);
            return new Evaluation(findings, errors);
        }
    }

    /** Subjects that threw {@code failure} together: halves evaluated apart until each failing one is alone. */
    private void isolate(
            AuditContext ctx,
            List<? extends Collection<?>> subjects,
            RuntimeException failure,
            List<Finding> findings,
            List<RuleError> errors) {
        if (subjects.size() == 1) {
            withoutFailingRules(ctx, subjects.get(0), failure, findings, errors);
            return;
        }
        int half = subjects.size() / 2;
        for (List<? extends Collection<?>> part :
                List.of(subjects.subList(0, half), subjects.subList(half, subjects.size()))) {
            try {
                findings.addAll(run(kieBase, ctx, flatten(part)));
            } catch (RuntimeException e) {
                isolate(ctx, part, e, findings, errors);
            }
        }
    }

    /** One subject again and again, each time without the rules the last failure named, until it evaluates. */
    private void withoutFailingRules(
            AuditContext ctx,
            Collection<?> subject,
            RuntimeException failure,
            List<Finding> findings,
            List<RuleError> errors) {
        Set<RuleName> without = new LinkedHashSet<>();
        RuntimeException current = failure;
        while (true) {
            Set<RuleName> failing = failingRules(current);
            failing.removeAll(without);
            if (failing.isEmpty()) {
                // Drools named no rule of the set (or one already left out): nothing of this subject can be kept
                errors.add(new RuleError(
                        RuleError.UNKNOWN_RULE, "", subjectOf(subject), customerOf(subject), rootMessage(current)));
                return;
            }
            for (RuleName rule : failing) {
                RuleOrigin origin = origins.get(rule);
                errors.add(new RuleError(
                        origin.code(),
                        origin.location(),
                        subjectOf(subject),
                        customerOf(subject),
                        rootMessage(current)));
            }
            without.addAll(failing);
            try {
                findings.addAll(run(variants.without(without), ctx, subject));
                return;
            } catch (RuntimeException e) {
                current = e;
            }
        }
    }

    /**
     * The rules of this set an exception of a session names: the rule whose consequence threw, or the rules of a
     * constraint that threw (a constraint shared by several rules names them all).
     */
    private Set<RuleName> failingRules(RuntimeException e) {
        Set<RuleName> rules = new LinkedHashSet<>();
        if (e instanceof ConsequenceException c && c.getMatch() != null) {
            RuleName rule = new RuleName(
                    c.getMatch().getRule().getPackageName(),
                    c.getMatch().getRule().getName());
            if (origins.containsKey(rule)) {
                rules.add(rule);
            }
            return rules;
        }
        for (Throwable t = e; t != null && rules.isEmpty(); t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            int at = message == null ? -1 : message.indexOf(CONSTRAINT_RULES);
            if (at >= 0) {
                Matcher name = QUOTED.matcher(message.substring(at + CONSTRAINT_RULES.length()));
                while (name.find()) {
                    rules.addAll(rulesByName.getOrDefault(name.group(1), List.of()));
                }
            }
        }
        return rules;
    }

    /** The cause at the bottom, as {@code ArithmeticException: / by zero}: what went wrong, without Drools' frames. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String subjectOf(Collection<?> facts) {
        for (Object fact : facts) {
            if (fact instanceof AuditSubject s) {
                return s.getSubjectType() + ":" + s.getSubjectId();
            }
        }
        return "";
    }

    private static String customerOf(Collection<?> facts) {
        for (Object fact : facts) {
            if (fact instanceof AuditSubject s) {
                return s.getCustomerNo();
            }
        }
        return null;
    }

    private static List<Object> flatten(List<? extends Collection<?>> subjects) {
        List<Object> facts = new ArrayList<>();
        subjects.forEach(facts::addAll);
        return facts;
    }

    private List<Finding> run(KieBase base, AuditContext ctx, Collection<?> facts) {
        FindingCollector collector = new FindingCollector(metaByRuleName);
        StatelessKieSession session = base.newStatelessKieSession();
        session.setGlobal("ctx", ctx);
        session.setGlobal("params", parameters);
        session.setGlobal("findings", collector);
        session.execute(facts);
        return collector.findings();
    }

    /** An audit context for an as-of date on this rule set's calendar. */
    public AuditContext contextAsOf(LocalDate asOf) {
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
