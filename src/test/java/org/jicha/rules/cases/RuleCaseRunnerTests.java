package org.jicha.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RuleCaseRunner and the YAML reading: differences are reported, bad cells name file, case and field. */
class RuleCaseRunnerTests {

    private static RuleCaseRunner runner;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compileShippedRules() {
        runner = new RuleCaseRunner(new RuleSetLoader().load(Path.of("rules")));
    }

    private static final String METER_WITHOUT_OCTOBER_READING = """
            cases:
              - name: meter not read
                as_of: %s
                only: [BIL-01, MET-06]
                records:
                  customers:
                    - {customer_no: C001, customer_name: 张三, category: RESIDENTIAL, voltage_kv: 0.22, tariff_code: RES-0.22,
                       contract_kva: 8, status: ACTIVE, station_code: S01, opened_on: %s}
                  meters:
                    - {meter_id: M001, customer_no: C001, meter_kind: SMART_SINGLE, multiplier: 1, installed_on: 2020-01-01, status: IN_SERVICE}
                expect:
                  - %s
            """;

    private List<RuleCase> write(String yaml) throws Exception {
        Path file = tmp.resolve("case.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return RuleCaseFile.read(file, "tests/bil/case.yml");
    }

    @Test
    void aMatchingExpectationPasses() throws Exception {
        RuleCase c = write(METER_WITHOUT_OCTOBER_READING.formatted(
                        "2026-11-05", "2020-01-01", "{rule: BIL-01, subject: M001}"))
                .get(0);

        RuleCaseRunner.Result result = runner.run(c);

        assertThat(result.passed())
                .as(() -> String.join("\n", result.differences()))
                .isTrue();
    }

    @Test
    void aWrongExpectationReportsTheMissingAndTheUnexpectedFinding() throws Exception {
        RuleCase c = write(METER_WITHOUT_OCTOBER_READING.formatted(
                        "2026-11-05", "2020-01-01", "{rule: MET-06, subject: M001}"))
                .get(0);

        RuleCaseRunner.Result result = runner.run(c);

        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).containsExactly(new RuleCase.Expected("MET-06", "M001"));
        assertThat(result.unexpected()).containsExactly(new RuleCase.Expected("BIL-01", "M001"));
        assertThat(result.differences()).containsExactly("missing:    MET-06 M001", "unexpected: BIL-01 M001");
    }

    @Test
    void findingsOfRulesOutsideOnlyAreIgnored() throws Exception {
        String yaml = METER_WITHOUT_OCTOBER_READING
                .formatted("2026-11-05", "2020-01-01", "{rule: MET-06, subject: M001}")
                .replace("only: [BIL-01, MET-06]", "only: [MET-06]");

        RuleCaseRunner.Result result = runner.run(write(yaml).get(0));

        assertThat(result.missing()).containsExactly(new RuleCase.Expected("MET-06", "M001"));
        assertThat(result.unexpected()).isEmpty();
    }

    @Test
    void aBadDateInARecordFailsTheCaseNamingFileCaseAndField() throws Exception {
        RuleCase c = write(METER_WITHOUT_OCTOBER_READING.formatted(
                        "2026-11-05", "2020-13-01", "{rule: BIL-01, subject: M001}"))
                .get(0);

        RuleCaseRunner.Result result = runner.run(c);

        assertThat(result.passed()).isFalse();
        assertThat(result.error())
                .contains("tests/bil/case.yml", "meter not read", "customers row 1", "field opened_on", "2020-13-01");
    }

    @Test
    void aBadAsOfDateIsReportedWithFileCaseAndField() {
        assertThatThrownBy(() -> write(METER_WITHOUT_OCTOBER_READING.formatted(
                        "2026-11-31", "2020-01-01", "{rule: BIL-01, subject: M001}")))
                .isInstanceOf(RuleCaseException.class)
                .hasMessageContaining("tests/bil/case.yml")
                .hasMessageContaining("meter not read")
                .hasMessageContaining("field as_of");
    }

    @Test
    void aMissingRequiredColumnAndAMisspeltColumnAreReported() throws Exception {
        String missing = METER_WITHOUT_OCTOBER_READING
                .formatted("2026-11-05", "2020-01-01", "{rule: BIL-01, subject: M001}")
                .replace("status: ACTIVE, ", "");
        String misspelt = METER_WITHOUT_OCTOBER_READING
                .formatted("2026-11-05", "2020-01-01", "{rule: BIL-01, subject: M001}")
                .replace("status: IN_SERVICE}", "status: IN_SERVICE, rotation_due: 2026-01-01}");

        assertThat(runner.run(write(missing).get(0)).error()).contains("customers row 1", "field status", "required");
        assertThat(runner.run(write(misspelt).get(0)).error())
                .contains("meters row 1", "field rotation_due", "unknown column");
    }

    @Test
    void anExpectationNamingAnUnknownRuleFails() throws Exception {
        RuleCase c = write(METER_WITHOUT_OCTOBER_READING.formatted(
                        "2026-11-05", "2020-01-01", "{rule: BIL-99, subject: M001}"))
                .get(0);

        assertThat(runner.run(c).error()).contains("BIL-99", "not in the rule set");
    }
}
