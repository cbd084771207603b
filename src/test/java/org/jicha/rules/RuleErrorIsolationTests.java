package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.cases.RuleCase;
import org.jicha.rules.cases.RuleCaseRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule throwing on one subject costs that rule on that subject only: the batch is evaluated again in parts,
 * the subject without the rules Drools names, and the errors name rule, place, subject and root cause. A small
 * rule set: MET-97 divides by the in-service meters in its constraint, MET-98 in its consequence (both throw for
 * a customer without a meter), MET-99 raises a finding on every customer, MET-95 and MET-96 share a constraint.
 */
class RuleErrorIsolationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    private static final String FILE = "met/zz-divides.drl";

    @TempDir
    static Path rules;

    private static RuleSet ruleSet;

    @BeforeAll
    static void compile() throws IOException {
        Files.createDirectories(rules.resolve("calendar"));
        Files.copy(Path.of("rules", RuleSetLoader.CALENDAR_FILE), rules.resolve(RuleSetLoader.CALENDAR_FILE));
        Files.writeString(
                rules.resolve(RuleSetLoader.PARAMETERS_FILE), "MET-97:\n  share: 100\n", StandardCharsets.UTF_8);
        Files.createDirectories(rules.resolve("met"));
        Files.writeString(rules.resolve(FILE), """
                package jicha.test;

                import org.jicha.facts.CustomerFact;

                global org.jicha.facts.AuditContext ctx;
                global org.jicha.rules.RuleParameters params;
                global org.jicha.rules.FindingCollector findings;

                // compiled Java: an integer division by zero throws (MVEL may evaluate a constraint's own '/' in doubles)
                function int perMeter(int total, int meters) {
                    return total / meters;
                }

                rule "MET-97 constraint divides"
                    @code("MET-97") @theme("MET") @title("测试：条件中除法") @titleEn("Test: divides in a constraint")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( perMeter(params.integer("MET-97.share"), inServiceMeters) > 0 )
                then
                    findings.raise(drools, $c, "per meter");
                end

                rule "MET-98 consequence divides"
                    @code("MET-98") @theme("MET") @title("测试：结论中除法") @titleEn("Test: divides in a consequence")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( meterCount >= 0 )
                then
                    findings.raise(drools, $c, "share " + perMeter(100, $c.getInServiceMeters()));
                end

                rule "MET-99 every customer"
                    @code("MET-99") @theme("MET") @title("测试：每户") @titleEn("Test: every customer")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( )
                then
                    findings.raise(drools, $c, "seen");
                end
                """, StandardCharsets.UTF_8);
        Files.writeString(rules.resolve("met/zz-shared.drl"), """
                package jicha.test;

                import org.jicha.facts.CustomerFact;

                rule "MET-95 shared constraint"
                    @code("MET-95") @theme("MET") @title("测试：共用条件一") @titleEn("Test: shared constraint one")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( perMeter(1000, inServiceMeters) > 1 )
                then
                    findings.raise(drools, $c, "one");
                end

                rule "MET-96 shared constraint too"
                    @code("MET-96") @theme("MET") @title("测试：共用条件二") @titleEn("Test: shared constraint two")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( perMeter(1000, inServiceMeters) > 1 )
                then
                    findings.raise(drools, $c, "two");
                end
                """, StandardCharsets.UTF_8);
        Files.createDirectories(rules.resolve("tests/met"));
        Files.writeString(rules.resolve("tests/met/zz-divides.yml"), """
                cases:
                  - name: MET-99 fires for a customer without a meter
                    as_of: 2026-11-05
                    only: [MET-99]
                    records:
                      customers:
                        - {customer_no: C301, customer_name: 孙八, category: RESIDENTIAL, voltage_kv: 0.22, tariff_code: RES-0.22,
                           contract_kva: 8, status: ACTIVE, station_code: S01, opened_on: 2020-01-01}
                    expect:
                      - {rule: MET-99, subject: C301}
                """, StandardCharsets.UTF_8);
        ruleSet = new RuleSetLoader().load(rules);
    }

    private static List<List<Object>> subjects(CustomerBundle... bundles) {
        AuditContext ctx = ruleSet.contextAsOf(AS_OF);
        FactAssembler assembler = new FactAssembler(StandardTariffs.all());
        return Arrays.stream(bundles).map(b -> assembler.assemble(b, ctx)).toList();
    }

    private static CustomerBundle withMeter(String customerNo) {
        return aBundle(aCustomer(customerNo)).with(aMeter("M" + customerNo)).build();
    }

    private static CustomerBundle withoutMeter(String customerNo) {
        return aBundle(aCustomer(customerNo)).build();
    }

    private static List<String> keys(Evaluation evaluation) {
        return evaluation.findings().stream()
                .map(f -> f.ruleCode() + " " + f.subjectId())
                .sorted()
                .toList();
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aBatchWhereNoRuleThrowsGivesEveryFindingAndNoError() {
        Evaluation evaluation =
                ruleSet.evaluate(ruleSet.contextAsOf(AS_OF), subjects(withMeter("C001"), withMeter("C003")));

        assertThat(evaluation.errors()).isEmpty();
        assertThat(keys(evaluation))
                .containsExactly(
                        "MET-95 C001",
                        "MET-95 C003",
                        "MET-96 C001",
                        "MET-96 C003",
                        "MET-97 C001",
                        "MET-97 C003",
                        "MET-98 C001",
                        "MET-98 C003",
                        "MET-99 C001",
                        "MET-99 C003");
    }

    @Test
    void rulesThrowingOnOneCustomerCostOnlyThoseRulesOnThatCustomer() throws IOException {
        Evaluation evaluation = ruleSet.evaluate(
                ruleSet.contextAsOf(AS_OF),
                subjects(withMeter("C001"), withoutMeter("C002"), withMeter("C003"), withMeter("C004")));

        assertThat(keys(evaluation))
                .as("every finding on the other customers, and MET-99's on C002")
                .containsExactly(
                        "MET-95 C001",
                        "MET-95 C003",
                        "MET-95 C004",
                        "MET-96 C001",
                        "MET-96 C003",
                        "MET-96 C004",
                        "MET-97 C001",
                        "MET-97 C003",
                        "MET-97 C004",
                        "MET-98 C001",
                        "MET-98 C003",
                        "MET-98 C004",
                        "MET-99 C001",
                        "MET-99 C002",
                        "MET-99 C003",
                        "MET-99 C004");
        assertThat(evaluation.errors())
                .extracting(e -> e.ruleCode() + " " + e.location() + " " + e.subject() + " " + e.customerNo() + " "
                        + e.message())
                .containsExactlyInAnyOrder(
                        "MET-95 met/zz-shared.drl:" + lineOf("met/zz-shared.drl", "rule \"MET-95")
                                + " CUSTOMER:C002 C002 ArithmeticException: / by zero",
                        "MET-96 met/zz-shared.drl:" + lineOf("met/zz-shared.drl", "rule \"MET-96")
                                + " CUSTOMER:C002 C002 ArithmeticException: / by zero",
                        "MET-97 " + FILE + ":" + lineOf(FILE, "rule \"MET-97")
                                + " CUSTOMER:C002 C002 ArithmeticException: / by zero",
                        "MET-98 " + FILE + ":" + lineOf(FILE, "rule \"MET-98")
                                + " CUSTOMER:C002 C002 ArithmeticException: / by zero");
    }

    @Test
    void theSetInForceStillEvaluatesEveryRuleAfterASubjectWasEvaluatedWithoutSome() {
        AuditContext ctx = ruleSet.contextAsOf(AS_OF);
        ruleSet.evaluate(ctx, subjects(withoutMeter("C002")));

        // the variant without the failing rules shares nothing with the set: its rules' classes are still there
        for (int i = 0; i < 30; i++) {
            assertThat(keys(ruleSet.evaluate(ctx, subjects(withMeter("C001")))))
                    .containsExactly("MET-95 C001", "MET-96 C001", "MET-97 C001", "MET-98 C001", "MET-99 C001");
        }
    }

    @Test
    void aRuleTestCaseFailsNamingTheRuleThatThrewItsPlaceTheSubjectAndTheCause() throws IOException {
        RuleCase ruleCase = RuleCaseRunner.casesIn(rules, new ArrayList<>()).get(0);

        RuleCaseRunner.Result result = new RuleCaseRunner(ruleSet).run(ruleCase);

        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).as("MET-99 still found C301").isEmpty();
        assertThat(result.differences())
                .anySatisfy(line -> assertThat(line)
                        .contains("rule MET-97 (" + FILE + ":" + lineOf(FILE, "rule \"MET-97")
                                + ") threw on CUSTOMER:C301: ArithmeticException: / by zero"));
    }

    @Test
    void theStrictEvaluationStillThrows() {
        AuditContext ctx = ruleSet.contextAsOf(AS_OF);
        assertThatThrownBy(() ->
                        ruleSet.evaluate(ctx, subjects(withoutMeter("C002")).get(0)))
                .hasRootCauseInstanceOf(ArithmeticException.class);
    }
}
