package org.jicha.tools.compare;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jicha.audit.AuditService;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleParameters;
import org.jicha.rules.RuleSet;
import org.springframework.stereotype.Service;

/**
 * Runs the five compared checks three ways on the data in the database, in one process, as of one date: (a) the
 * Drools rule set in force over the facts a run assembles (every rule evaluated, as a run does; findings of the five
 * kept), (b) {@link SqlChecks}, (c) {@link JavaChecks}. Each way is timed with {@link System#nanoTime()} over
 * {@code repetitions} rounds (the three in turn within a round) and its median reported. Nothing is stored: (a) and
 * (c) include reading and assembling the facts, as a run does; none includes writing findings or tickets.
 */
@Service
public class CheckComparison {

    private final ActiveRuleSet rules;
    private final AuditService audits;
    private final SqlChecks sql;
    private final JavaChecks java;

    public CheckComparison(ActiveRuleSet rules, AuditService audits, SqlChecks sql, JavaChecks java) {
        this.rules = rules;
        this.audits = audits;
        this.sql = sql;
        this.java = java;
    }

    /** The three finding sets of the last round and the median time of each way. */
    public record Result(
            LocalDate asOf,
            String auditedPeriod,
            int repetitions,
            SortedSet<CheckFinding> drools,
            SortedSet<CheckFinding> sql,
            SortedSet<CheckFinding> java,
            long droolsNanos,
            long sqlNanos,
            long javaNanos) {

        public boolean identical() {
            return drools.equals(sql) && sql.equals(java);
        }

        public double droolsToSql() {
            return (double) droolsNanos / sqlNanos;
        }

        public double javaToSql() {
            return (double) javaNanos / sqlNanos;
        }

        /** One line per way: findings, median milliseconds and the ratio to SQL. */
        public String table() {
            return String.format(
                    Locale.ROOT,
                    """
                    as of %s (audited period %s), median of %d
                    way      findings  median ms  ratio to SQL
                    Drools   %8d  %9.1f  %12.2f
                    SQL      %8d  %9.1f  %12.2f
                    Java     %8d  %9.1f  %12.2f
                    """,
                    asOf,
                    auditedPeriod,
                    repetitions,
                    drools.size(),
                    droolsNanos / 1e6,
                    droolsToSql(),
                    sql.size(),
                    sqlNanos / 1e6,
                    1.0,
                    java.size(),
                    javaNanos / 1e6,
                    javaToSql());
        }
    }

    public Result compare(LocalDate asOf, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
        }
        RuleSet ruleSet = rules.current();
        AuditContext ctx = ruleSet.contextAsOf(asOf);
        RuleParameters params = ruleSet.parameters();
        long[] droolsTimes = new long[repetitions];
        long[] sqlTimes = new long[repetitions];
        long[] javaTimes = new long[repetitions];
        SortedSet<CheckFinding> byDrools = null;
        SortedSet<CheckFinding> bySql = null;
        SortedSet<CheckFinding> byJava = null;
        for (int i = 0; i < repetitions; i++) {
            Timed d = timed(() -> drools(ruleSet, ctx));
            Timed s = timed(() -> sql.run(ctx, params));
            Timed j = timed(() -> java.run(ctx, params));
            droolsTimes[i] = d.nanos;
            sqlTimes[i] = s.nanos;
            javaTimes[i] = j.nanos;
            byDrools = d.findings;
            bySql = s.findings;
            byJava = j.findings;
        }
        return new Result(
                asOf,
                ctx.getAuditedPeriod(),
                repetitions,
                byDrools,
                bySql,
                byJava,
                median(droolsTimes),
                median(sqlTimes),
                median(javaTimes));
    }

    /** The rule set over every batch of facts, as {@code AuditService} evaluates it; findings of the five kept. */
    SortedSet<CheckFinding> drools(RuleSet ruleSet, AuditContext ctx) {
        SortedSet<CheckFinding> found = new TreeSet<>();
        audits.forEachFactBatch(ctx, facts -> {
            if (facts.stream().anyMatch(AuditSubject.class::isInstance)) {
                for (Finding f : ruleSet.evaluate(ctx, facts)) {
                    if (ComparedRules.SET.contains(f.ruleCode())) {
                        found.add(new CheckFinding(f.ruleCode(), f.subjectType().name(), f.subjectId(), f.period()));
                    }
                }
            }
        });
        return found;
    }

    private record Timed(SortedSet<CheckFinding> findings, long nanos) {}

    private static Timed timed(Supplier<SortedSet<CheckFinding>> way) {
        long began = System.nanoTime();
        SortedSet<CheckFinding> findings = way.get();
        return new Timed(findings, System.nanoTime() - began);
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
