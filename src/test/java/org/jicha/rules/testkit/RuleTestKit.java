package org.jicha.rules.testkit;

import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Tariff;
import org.jicha.facts.SubjectType;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetLoader;

/**
 * Evaluates the shipped rule set ({@code rules/}, compiled once per JVM) over fixture bundles, the way an
 * audit run does: bundles -> {@link FactAssembler} -> {@link RuleSet#evaluate}.
 *
 * <pre>
 * assertThat(findingsOf("BIL-06", AS_OF, bundle)).extracting(RuleTestKit::key)
 *         .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-08"));
 * </pre>
 */
public final class RuleTestKit {

    private RuleTestKit() {}

    private static final class Shipped {
        static final RuleSet RULES = new RuleSetLoader().load(Path.of("rules"));
    }

    /** The shipped rule set, compiled on first use. */
    public static RuleSet shippedRules() {
        return Shipped.RULES;
    }

    public static AuditContext contextAsOf(LocalDate asOf) {
        return shippedRules().contextAsOf(asOf);
    }

    /** Every finding of every shipped rule, with the standard tariff catalogue. */
    public static List<Finding> findingsFor(LocalDate asOf, CustomerBundle... bundles) {
        return findingsFor(asOf, StandardTariffs.all(), bundles);
    }

    public static List<Finding> findingsFor(LocalDate asOf, List<Tariff> tariffs, CustomerBundle... bundles) {
        AuditContext ctx = contextAsOf(asOf);
        FactAssembler assembler = new FactAssembler(tariffs);
        List<Object> facts = new ArrayList<>();
        for (CustomerBundle bundle : bundles) {
            facts.addAll(assembler.assemble(bundle, ctx));
        }
        return shippedRules().evaluate(ctx, facts);
    }

    /** The findings of one rule only: what a rule's test asserts exactly, whatever other rules say. */
    public static List<Finding> findingsOf(String ruleCode, LocalDate asOf, CustomerBundle... bundles) {
        return findingsFor(asOf, bundles).stream()
                .filter(f -> f.ruleCode().equals(ruleCode))
                .toList();
    }

    /** A finding's identity for assertions: rule code, subject type, subject id, period. */
    public static Tuple key(Finding f) {
        return tuple(f.ruleCode(), f.subjectType(), f.subjectId(), f.period());
    }

    /** The expected {@link #key} of a finding; {@code period} null for state rules. */
    public static Tuple finding(String ruleCode, SubjectType subjectType, String subjectId, String period) {
        return tuple(ruleCode, subjectType, subjectId, period);
    }
}
