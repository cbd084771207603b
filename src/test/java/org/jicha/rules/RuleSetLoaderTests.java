package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A faulty rules folder is rejected with every problem located by file and line. Each test edits a copy of rules/. */
class RuleSetLoaderTests {

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

    private String read(String file) {
        try {
            return Files.readString(rules.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(rules.resolve(file), text, StandardCharsets.UTF_8);
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

    private List<RuleProblem> problemsLoading() {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(e).as("the rule set should be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void anUntouchedCopyLoads() throws IOException {
        // Every rule declared in the copy's DRL files loads (the count grows as rule groups ship).
        long declared;
        try (Stream<Path> walk = Files.walk(rules)) {
            declared = walk.filter(f -> f.toString().endsWith(".drl"))
                    .flatMap(f -> {
                        try {
                            return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(line -> line.startsWith("rule \""))
                    .count();
        }
        assertThat(declared).isGreaterThanOrEqualTo(14);
        assertThat(new RuleSetLoader().load(rules).rules()).hasSize((int) declared);
    }

    @Test
    void aSyntaxErrorIsRejectedNamingFileAndLine() throws IOException {
        String file = "bus/business.drl";
        write(
                file,
                read(file)
                        .replace(
                                "feeDifference > params.decimal(\"BUS-01.toleranceYuan\") )",
                                "feeDifference > params.decimal(\"BUS-01.toleranceYuan\") ) )"));
        int line = lineOf(file, "BUS-01.toleranceYuan\") ) )");

        List<RuleProblem> problems = problemsLoading();

        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
        assertThat(problems).extracting(RuleProblem::line).contains(line);
    }

    @Test
    void aRuleWithoutRemedyIsRejectedNamingFileLineAndTheMissingKey() throws IOException {
        String file = "met/metering.drl";
        write(file, read(file).replaceFirst("(?m)^\\s*@remedy\\(\"编制轮换计划[^\\n]*\\n", ""));
        int line = lineOf(file, "rule \"MET-06");

        List<RuleProblem> problems = problemsLoading();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("MET-06", "remedy");
        });
    }

    @Test
    void aMalformedRequiresEntryIsRejectedNamingFileAndLine() throws IOException {
        String file = "met/metering.drl";
        write(file, read(file).replace("@code(\"MET-06\")", "@code(\"MET-06\") @requires(\"meters\")"));
        int line = lineOf(file, "rule \"MET-06");

        assertThat(problemsLoading()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("@requires", "meters", "table.column");
        });
    }

    @Test
    void requiredColumnsAreReadFromTheRulesMetadata() {
        RuleSet set = new RuleSetLoader().load(rules);

        assertThat(set.rule("BIL-13").orElseThrow().requires()).containsExactly("readings.reactive_kvarh");
        assertThat(set.rule("MET-03").orElseThrow().requires())
                .containsExactly("meters.metering_class", "meters.accuracy_class");
        assertThat(set.rule("BIL-01").orElseThrow().requires()).isEmpty();
    }

    @Test
    void aDuplicateCodeIsRejectedNamingBothPlaces() throws IOException {
        // A second file in the same package carrying MET-06 again under another rule name.
        String copy = read("met/metering.drl")
                .replaceFirst("(?s)rule \"MET-01.*?\nend\n", "")
                .replace("rule \"MET-06 轮换超期\"", "rule \"MET-06 轮换超期（副本）\"");
        write("met/metering-copy.drl", copy);
        int original = lineOf("met/metering.drl", "rule \"MET-06");
        int duplicate = lineOf("met/metering-copy.drl", "rule \"MET-06");

        List<RuleProblem> problems = problemsLoading();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("duplicate rule code MET-06");
            assertThat(p.toString()).contains("met/metering.drl:" + original, "met/metering-copy.drl:" + duplicate);
        });
    }

    @Test
    void anUndefinedParameterIsRejectedNamingFileAndLine() throws IOException {
        String file = "bus/business.drl";
        write(
                file,
                read(file)
                        .replace(
                                "params.integer(\"BUS-04.minReturnedSteps\")",
                                "params.integer(\"BUS-04.minReturned\")"));
        int line = lineOf(file, "BUS-04.minReturned\"");

        List<RuleProblem> problems = problemsLoading();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).contains("BUS-04.minReturned", "parameters.yml");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        write(
                "bus/business.drl",
                read("bus/business.drl")
                        .replace("params.integer(\"BUS-04.minReturnedSteps\")", "params.integer(\"BUS-04.nope\")")
                        .replace("params.decimal(\"BUS-01.toleranceYuan\")", "params.decimal(\"BUS-01.nope\")"));

        assertThat(problemsLoading())
                .extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("BUS-04.nope"))
                .anySatisfy(m -> assertThat(m).contains("BUS-01.nope"));
    }
}
