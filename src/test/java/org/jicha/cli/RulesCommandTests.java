package org.jicha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jicha rules test} and {@code jicha rules check} as a user runs them, on the shipped folder and broken copies. */
class RulesCommandTests {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JichaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private String output() {
        return "stdout: " + out + "\nstderr: " + err;
    }

    @Test
    void rulesTestPassesOnTheShippedRules() {
        int code = run("rules", "test");

        assertThat(code).as(this::output).isZero();
        assertThat(out.toString())
                .contains("PASS tests/bil/reading.yml: BIL-01 fires")
                .contains(" passed, 0 failed")
                .doesNotContain("FAIL");
    }

    @Test
    void rulesTestFailsWithAReadableDifferenceOnAWrongExpectation() throws Exception {
        Path rules = copyOfShippedRules();
        Path file = rules.resolve("tests/met/metering.yml");
        Files.writeString(
                file,
                Files.readString(file, StandardCharsets.UTF_8)
                        .replace("{rule: MET-06, subject: M301}", "{rule: MET-06, subject: M302}"),
                StandardCharsets.UTF_8);

        int code = run("rules", "test", "--rules", rules.toString());

        assertThat(code).as(this::output).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL tests/met/metering.yml: MET-06 fires")
                .contains("missing:    MET-06 M302")
                .contains("unexpected: MET-06 M301")
                .contains("1 failed");
    }

    @Test
    void rulesCheckPassesOnTheShippedRulesEvenStrictlySinceEveryRuleHasACase() {
        int code = run("rules", "check", "--strict");

        assertThat(code).as(this::output).isZero();
        assertThat(out.toString())
                .contains("0 errors, 0 warnings")
                .doesNotContain("has no YAML test case")
                .doesNotContain("parameter \"MET-03.minKva.I\" is used by no rule file");
    }

    @Test
    void anUntestedRuleIsAWarningAndWithStrictAnError() throws Exception {
        Path rules = copyOfShippedRules();
        Files.delete(rules.resolve("tests/met/devices.yml"));

        int lenient = run("rules", "check", "--rules", rules.toString());
        assertThat(lenient).as(this::output).isZero();
        assertThat(out.toString())
                .containsPattern("met/devices\\.drl:\\d+: warning: rule MET-02 has no YAML test case");

        int strict = run("rules", "check", "--strict", "--rules", rules.toString());
        assertThat(strict).as(this::output).isEqualTo(1);
        assertThat(out.toString()).containsPattern("met/devices\\.drl:\\d+: error: rule MET-02 has no YAML test case");
    }

    @Test
    void rulesCheckNamesFileAndLineOfABrokenRuleFile() throws Exception {
        Path rules = copyOfShippedRules();
        Files.writeString(rules.resolve("bil/broken.drl"), """
                package jicha.bil;
                rule "BIL-99 broken"
                when
                    $x : NoSuchFact( )
                then
                end
                """, StandardCharsets.UTF_8);

        int code = run("rules", "check", "--rules", rules.toString());

        assertThat(code).as(this::output).isEqualTo(1);
        assertThat(out.toString()).contains("bil/broken.drl:4: error:");
    }

    @Test
    void rulesCheckRejectsARuleWhoseConsequenceRunsACommand() throws Exception {
        Path rules = copyOfShippedRules();
        Path ran = tmp.resolve("ran");
        Files.writeString(rules.resolve("bil/zz-command.drl"), """
                package jicha.bil;
                import org.jicha.facts.CustomerFact;
                global org.jicha.rules.FindingCollector findings;
                rule "BIL-99 command"
                    @code("BIL-99") @theme("BIL") @title("命令") @titleEn("Command") @severity("MINOR")
                    @teamKind("BILLING") @rectifyDays(3) @basis("无") @remedy("无")
                when
                    $c : CustomerFact()
                then
                    Runtime.getRuntime().exec(new String[] {"touch", "%s"});
                end
                """.formatted(ran), StandardCharsets.UTF_8);

        int code = run("rules", "check", "--rules", rules.toString());

        assertThat(code).as(this::output).isEqualTo(1);
        assertThat(out.toString())
                .contains("bil/zz-command.drl:4: error: rule \"BIL-99 command\"")
                .contains("java.lang.Runtime.exec");
        assertThat(ran).doesNotExist();
    }

    @Test
    void rulesCheckReportsAnUnusedParameterAsAWarning() throws Exception {
        Path rules = copyOfShippedRules();
        Path parameters = rules.resolve("parameters.yml");
        Files.writeString(
                parameters,
                Files.readString(parameters, StandardCharsets.UTF_8) + "\nXYZ-01:\n  forgotten: 7\n",
                StandardCharsets.UTF_8);
        int line = Files.readAllLines(parameters, StandardCharsets.UTF_8).indexOf("  forgotten: 7") + 1;

        int code = run("rules", "check", "--rules", rules.toString());

        assertThat(code).as(this::output).isZero();
        assertThat(out.toString())
                .contains(
                        "parameters.yml:" + line + ": warning: parameter \"XYZ-01.forgotten\" is used by no rule file");
    }

    @Test
    void rulesCheckRejectsAParameterTypoNamingItsLineTheKindAndTheRuleThatReadsIt() throws Exception {
        Path rules = copyOfShippedRules();
        Path parameters = rules.resolve("parameters.yml");
        String text = Files.readString(parameters, StandardCharsets.UTF_8);
        assertThat(text).contains("toleranceKwh: 1 ");
        Files.writeString(parameters, text.replace("toleranceKwh: 1 ", "toleranceKwh: 一 "), StandardCharsets.UTF_8);
        List<String> lines = Files.readAllLines(parameters, StandardCharsets.UTF_8);
        int line = 1
                + IntStream.range(0, lines.size())
                        .filter(i -> lines.get(i).contains("toleranceKwh: 一"))
                        .findFirst()
                        .orElseThrow();

        int code = run("rules", "check", "--rules", rules.toString());

        assertThat(code).as(this::output).isEqualTo(1);
        assertThat(out.toString())
                .contains("parameters.yml:" + line + ": error: 参数 BIL-04.toleranceKwh 应为数值，实际为文本 \"一\"")
                .contains("parameter BIL-04.toleranceKwh must be a number, found the text \"一\"")
                .containsPattern("read by params\\.decimal at bil/consumption\\.drl:\\d+")
                .contains("1 errors, 0 warnings");
    }

    @Test
    void rulesWithoutASubcommandExitsTwo() {
        assertThat(run("rules")).isEqualTo(2);
        assertThat(err.toString()).contains("test, check or diff");
    }

    private Path copyOfShippedRules() throws Exception {
        Path to = tmp.resolve("rules");
        Path from = Path.of("rules");
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
