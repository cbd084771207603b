package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule set may only use the allow-list of types, checked on what Drools compiled: each way of reaching
 * past it is rejected with the DRL file and the rule's (or function's) line, before anything of it runs,
 * and what the shipped rules use (facts, parameters, Math, java.time, modify, accumulate functions,
 * lambdas) passes. Each test compiles a small rules folder: one DRL file, the shipped parameters and calendar.
 */
class RuleSetAllowListTests {

    private static final String HEADER = """
            package jicha.bil;

            import org.jicha.facts.CustomerFact;
            import org.jicha.facts.ReadingFact;
            import org.jicha.facts.PfAdjustmentCheck;

            global org.jicha.facts.AuditContext ctx;
            global org.jicha.rules.RuleParameters params;
            global org.jicha.rules.FindingCollector findings;
            """;

    @TempDir
    Path rules;

    /** Where a consequence that ran would leave its mark: it never may. */
    private Path mark;

    @BeforeEach
    void parametersAndCalendar() throws IOException {
        Files.copy(Path.of("rules/parameters.yml"), rules.resolve(RuleSetLoader.PARAMETERS_FILE));
        Files.createDirectories(rules.resolve("calendar"));
        Files.copy(Path.of("rules", RuleSetLoader.CALENDAR_FILE), rules.resolve(RuleSetLoader.CALENDAR_FILE));
        mark = rules.resolve("ran");
    }

    /** A rule of code {@code BIL-9x} with the given conditions and consequence, at line {@link #RULE_LINE}. */
    private static String rule(String code, String attributes, String when, String then) {
        return "rule \"" + code + " test\"\n"
                + "    @code(\"" + code + "\") @theme(\"BIL\") @title(\"测试\") @titleEn(\"Test\") @severity(\"MINOR\")"
                + " @teamKind(\"BILLING\") @rectifyDays(3) @basis(\"测试\") @remedy(\"测试\")\n"
                + attributes
                + "when\n" + when + "\nthen\n" + then + "\nend\n";
    }

    private static final int RULE_LINE = HEADER.split("\n", -1).length;

    private List<RuleProblem> problemsOf(String drl) throws IOException {
        Files.writeString(rules.resolve("evil.drl"), HEADER + drl, StandardCharsets.UTF_8);
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(e).as("the rule set should be rejected").isNotNull();
        assertThat(mark).as("nothing of the rule set ran").doesNotExist();
        return e.problems();
    }

    @Test
    void aConsequenceThatRunsACommandIsRejectedWithItsFileAndLine() throws IOException {
        List<RuleProblem> problems = problemsOf(rule(
                "BIL-91",
                "",
                "    $c : CustomerFact()",
                "    Runtime.getRuntime().exec(new String[] {\"touch\", \"" + mark + "\"});"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("evil.drl");
            assertThat(p.line()).isEqualTo(RULE_LINE);
            assertThat(p.message())
                    .contains("rule \"BIL-91 test\"", "java.lang.Runtime.getRuntime", "java.lang.Runtime.exec");
        });
    }

    @Test
    void reachingRuntimeThroughReflectionIsRejected() throws IOException {
        List<RuleProblem> byName = problemsOf(rule(
                "BIL-92",
                "",
                "    $c : CustomerFact()",
                "    Object r = Class.forName(\"java.lang.\" + \"Runtime\").getMethod(\"getRuntime\").invoke(null);"));
        assertThat(byName)
                .singleElement()
                .extracting(RuleProblem::message)
                .asString()
                .contains("java.lang.Class.forName", "java.lang.reflect.Method.invoke");

        List<RuleProblem> byGetClass = problemsOf(rule(
                "BIL-92",
                "",
                "    $c : CustomerFact()",
                "    Object r = \"\".getClass().getClassLoader().loadClass(\"java.lang.\" + \"Runtime\");"));
        assertThat(byGetClass)
                .singleElement()
                .extracting(RuleProblem::message)
                .asString()
                .contains("java.lang.Object.getClass", "java.lang.Class.getClassLoader");
    }

    @Test
    void aConstraintThatUsesJavaIoFileIsRejected() throws IOException {
        List<RuleProblem> problems = problemsOf(rule(
                "BIL-93",
                "",
                "    $c : CustomerFact( new java.io.File(\"" + mark + "\").createNewFile() )",
                "    // nothing"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(RULE_LINE);
            assertThat(p.message()).contains("constraint", "new java.io.File");
        });
    }

    @Test
    void aFromSourceThatReadsTheEnvironmentIsRejected() throws IOException {
        List<RuleProblem> problems = problemsOf(rule(
                "BIL-94",
                "",
                "    $c : CustomerFact()\n    $v : String() from System.getenv().values()",
                "    findings.raise(drools, $c, $v);"));

        assertThat(problems)
                .singleElement()
                .extracting(RuleProblem::message)
                .asString()
                .contains("(from)", "java.lang.System");
    }

    @Test
    void aFunctionThatRunsACommandIsRejectedAtItsLine() throws IOException {
        String function = "function String evil() {\n"
                + "    try { Runtime.getRuntime().exec(\"true\"); } catch (Exception e) { }\n    return \"x\";\n}\n";
        List<RuleProblem> problems = problemsOf(
                function + rule("BIL-95", "", "    $c : CustomerFact()", "    findings.raise(drools, $c, evil());"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("evil.drl");
            assertThat(p.line()).isEqualTo(RULE_LINE);
            assertThat(p.message()).contains("function evil()", "java.lang.Runtime.exec");
        });
    }

    @Test
    void mvelConsequencesTypeDeclarationsAndInlineAccumulateCodeAreRefused() throws IOException {
        assertThat(problemsOf(rule(
                        "BIL-96",
                        "    dialect \"mvel\"\n",
                        "    $c : CustomerFact()",
                        "    findings.raise(drools, $c, \"x\");")))
                .singleElement()
                .extracting(RuleProblem::message)
                .asString()
                .contains("dialect \"mvel\"");

        assertThat(problemsOf("declare Evil\n    name : String\nend\n"
                        + rule("BIL-96", "", "    $c : CustomerFact()", "    findings.raise(drools, $c, \"x\");")))
                .singleElement()
                .extracting(RuleProblem::message)
                .asString()
                .contains("declare", "Evil");

        assertThat(problemsOf(rule(
                        "BIL-96",
                        "",
                        "    $c : CustomerFact()\n"
                                + "    $n : Integer() from accumulate( ReadingFact( customerNo == $c.customerNo ),"
                                + " init( int n = 0; ), action( n += 1; ), result( Integer.valueOf(n) ) )",
                        "    findings.raise(drools, $c, \"x\" + $n);")))
                .first()
                .extracting(RuleProblem::message)
                .asString()
                .contains("inline accumulate");
    }

    @Test
    void anAccumulateFunctionOtherThanDroolsOwnIsRefusedBeforeDroolsCreatesIt() throws IOException {
        List<RuleProblem> problems = problemsOf("import accumulate java.lang.ProcessBuilder evil;\n"
                + rule("BIL-96", "", "    $c : CustomerFact()", "    findings.raise(drools, $c, \"x\");"));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(RULE_LINE);
            assertThat(p.message()).contains("import accumulate java.lang.ProcessBuilder");
        });
    }

    @Test
    void factsParametersMathTimeModifyAccumulateFunctionsAndLambdasPass() throws IOException {
        Files.writeString(
                rules.resolve("fine.drl"),
                HEADER + """
                import function org.jicha.rules.Evidence.num;

                function String upper(String first, String second) {
                    return java.util.stream.Stream.of(first, second).map(s -> s.toUpperCase())
                        .collect(java.util.stream.Collectors.joining(","));
                }

                """
                        + rule("BIL-97", "", """
                            $c : CustomerFact( Math.abs(contractKva) > params.decimal("BIL-06.hvThresholdKv"),
                                               openedOn != null, openedOn.isBefore(java.time.LocalDate.of(2026, 1, 1)) )
                            $n : Number( doubleValue > 0 ) from accumulate(
                                     ReadingFact( customerNo == $c.customerNo, $k : multiplier ), sum( $k ) )
                            $p : String() from $c.lastPeriods(3)""", """
                            java.time.LocalDate due = ctx.getAsOf().plusDays(Math.max(1, 2));
                            findings.raise(drools, $c, upper($p, $c.getCustomerNo()) + num($n.doubleValue()) + due
                                + new java.math.BigDecimal("1.5").setScale(0, java.math.RoundingMode.HALF_UP));""")
                        + rule("BIL-98", "", "    $a : PfAdjustmentCheck( )", "    modify($a) { setRatePercent(1.5) }"),
                StandardCharsets.UTF_8);

        RuleSet set = new RuleSetLoader().load(rules);

        assertThat(set.rules()).extracting(RuleMeta::code).containsExactly("BIL-97", "BIL-98");
    }
}
