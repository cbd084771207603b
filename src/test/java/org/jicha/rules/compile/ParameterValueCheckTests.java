package org.jicha.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jicha.rules.RuleParameters;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value of parameters.yml is checked against how the rules read it ({@code params.integer}, {@code decimal},
 * {@code text}, {@code limit}) when the set loads, and a typo is rejected at its line of parameters.yml naming
 * the key, the kind the rule needs, the value found and the rule file:line that reads it. Each test edits a copy
 * of rules/; a rejected set is rejected before Drools compiles anything.
 */
class ParameterValueCheckTests {

    private static final String PARAMETERS = RuleSetLoader.PARAMETERS_FILE;

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        Path shipped = Path.of("rules");
        try (Stream<Path> walk = Files.walk(shipped)) {
            for (Path source : walk.toList()) {
                Path target = rules.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void aChineseNumeralWhereARuleReadsANumberIsRejectedAtItsLineNamingTheRuleThatReadsIt() throws IOException {
        edit(PARAMETERS, "toleranceKwh: 1 ", "toleranceKwh: 一 ");
        int line = lineOf(PARAMETERS, "toleranceKwh: 一");
        int readAt = lineOf("bil/consumption.drl", "params.decimal(\"BIL-04.toleranceKwh\")");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PARAMETERS);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.toString()).startsWith("parameters.yml:" + line + ": ");
            assertThat(p.message())
                    .contains("参数 BIL-04.toleranceKwh 应为数值，实际为文本 \"一\"")
                    .contains("parameter BIL-04.toleranceKwh must be a number, found the text \"一\"")
                    .contains("bil/consumption.drl:" + readAt, "params.decimal");
        });
    }

    @Test
    void aDecimalWhereARuleReadsAWholeNumberIsRejected() throws IOException {
        edit(PARAMETERS, "minPeriodsBelowHv: 3 ", "minPeriodsBelowHv: 2.5 ");
        int line = lineOf(PARAMETERS, "minPeriodsBelowHv: 2.5");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PARAMETERS);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message())
                    .contains(
                            "BIL-06.minPeriodsBelowHv 应为整数",
                            "must be a whole number",
                            "found the decimal 2.5",
                            "bil/",
                            "params.integer");
        });
    }

    @Test
    void aTableEntryThatIsTextIsRejectedNamingTheTableAndTheGroup() throws IOException {
        edit(PARAMETERS, "maxTestAgeMonths: { I: 3, II: 6, III: 12 }", "maxTestAgeMonths: { I: 3, II: six, III: 12 }");
        int line = lineOf(PARAMETERS, "II: six");
        int readAt = lineOf("met/devices.drl", "params.limit(\"MET-04.maxTestAgeMonths\"");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PARAMETERS);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message())
                    .contains(
                            "参数表 MET-04.maxTestAgeMonths 中 II 的值应为整数",
                            "entry II of parameter table MET-04.maxTestAgeMonths must be a whole number",
                            "found the text \"six\"",
                            "met/devices.drl:" + readAt,
                            "params.limit");
        });
    }

    @Test
    void aSingleValueWhereARuleReadsATableIsRejectedAtTheValue() throws IOException {
        edit(
                PARAMETERS,
                "maxMonthsSinceInspection: { SPECIAL: 3, FIRST: 3, SECOND: 6 }",
                "maxMonthsSinceInspection: 3");
        int line = lineOf(PARAMETERS, "maxMonthsSinceInspection: 3");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PARAMETERS);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message())
                    .contains(
                            "IMP-03.maxMonthsSinceInspection 应为整数表",
                            "must be a table of whole numbers by group",
                            "found the whole number 3",
                            "imp/safety.drl:");
        });
    }

    @Test
    void aMissingTableIsRejectedAtTheRuleThatReadsIt() throws IOException {
        edit(PARAMETERS, "  maxMonthsSinceInspection: { SPECIAL: 3, FIRST: 3, SECOND: 6 }", "  other: 1");
        int readAt = lineOf("imp/safety.drl", "params.limit(\"IMP-03.maxMonthsSinceInspection\"");

        assertThat(problemsLoading())
                .filteredOn(p -> p.line() == readAt)
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.file()).isEqualTo("imp/safety.drl");
                    assertThat(p.message())
                            .contains(
                                    "参数表 IMP-03.maxMonthsSinceInspection 未在 parameters.yml 中定义",
                                    "parameter table \"IMP-03.maxMonthsSinceInspection\" is not defined in parameters.yml");
                });
    }

    @Test
    void anEmptyValueIsRejectedAtItsLine() throws IOException {
        edit(PARAMETERS, "toleranceYuan: 0.005 ", "toleranceYuan: ");
        int line = lineOf(PARAMETERS, "# [I] money compares to the cent");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(PARAMETERS);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("BUS-01.toleranceYuan 应为数值，实际为空值", "found no value", "bus/business.drl:");
        });
    }

    @Test
    void aValueReadThroughADrlFunctionsParameterIsCheckedToo() throws IOException {
        // impliedClass(MeterFact m, RuleParameters p) reads p.decimal("MET-03.minKva.II")
        edit(
                PARAMETERS,
                "minKva:        { I: 10000, II: 2000, III: 315 }",
                "minKva:        { I: 10000, II: 2千, III: 315 }");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(PARAMETERS, "II: 2千"));
            assertThat(p.message()).contains("MET-03.minKva.II", "found the text \"2千\"", "met/devices.drl:");
        });
    }

    @Test
    void eachValueBelowAPrefixARuleCompletesAtRunTimeIsChecked() throws IOException {
        // params.text("MET-03.coarsestAccuracy." + cls): every class's entry must be a single value
        edit(PARAMETERS, "IV: \"2\", V: \"2\" }", "IV: \"2\", V: [2, 1] }");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(lineOf(PARAMETERS, "V: [2, 1]"));
            assertThat(p.message()).contains("MET-03.coarsestAccuracy.V 应为文本", "found a list", "params.text");
        });
    }

    @Test
    void aKeyReadAsATableAndAsASingleValueIsRejectedAtTheRuleLine() throws IOException {
        String file = "bil/consumption.drl";
        edit(
                file,
                "+ \" kWh（允差 \" + num(params.decimal(\"BIL-04.toleranceKwh\"))",
                "+ \" kWh（允差 \" + num(params.limit(\"BIL-04.toleranceKwh\", \"LV\"))");
        int line = lineOf(file, "params.limit(\"BIL-04.toleranceKwh\"");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message())
                    .contains("BIL-04.toleranceKwh", "a table of whole numbers", "a number", "no value can be both");
        });
    }

    @Test
    void aLoadedSetHoldsEachValueTypedAsItsRulesReadIt() {
        RuleParameters params = new RuleSetLoader().load(rules).parameters();

        assertThat(params.asMap().get("INS-01.hvCycleMonths")).isEqualTo(6);
        assertThat(params.asMap().get("BIL-03.rolloverShare")).isEqualTo(0.90);
        assertThat(params.asMap().get("MET-03.coarsestAccuracy.III")).isEqualTo("1");
        assertThat(params.asMap().get("EXP-09.requiredSteps.LV_NEW")).isEqualTo("COMPLETION_CHECK");
        assertThat(params.limit("MET-04.maxTestAgeMonths", "II")).isEqualTo(6);
        assertThat(params.limit("MET-04.maxTestAgeMonths", "IV")).isEqualTo(-1);
        assertThat(params.lineOf("BIL-04.toleranceKwh")).isEqualTo(lineOf(PARAMETERS, "toleranceKwh: 1 "));
    }

    @Test
    void aDashInATableMeansNoLimitAsInTheCatalogue() throws IOException {
        edit(
                PARAMETERS,
                "maxTestAgeMonths: { I: 3, II: 6, III: 12 }",
                "maxTestAgeMonths: { I: 3, II: \"-\", III: 12 }");

        RuleParameters params = new RuleSetLoader().load(rules).parameters();

        assertThat(params.limit("MET-04.maxTestAgeMonths", "II")).isEqualTo(-1);
        assertThat(params.limit("MET-04.maxTestAgeMonths", "III")).isEqualTo(12);
    }

    private List<RuleProblem> problemsLoading() {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(e).as("the rule set should be rejected").isNotNull();
        return e.problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = read(file);
        assertThat(text).contains(from);
        Files.writeString(rules.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
    }

    private String read(String file) {
        try {
            return Files.readString(rules.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based number of the first line of {@code file} containing {@code text}. */
    private int lineOf(String file, String text) {
        List<String> lines = read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
