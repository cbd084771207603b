package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules check}: a description whose number disagrees with the parameter it names is an error at its line. */
class RuleSetCheckTests {

    private static final Path SHIPPED = Path.of("rules");

    @TempDir
    Path rules;

    @Test
    void shippedDescriptionsAgreeWithTheirParameters() {
        assertThat(RuleSetCheck.run(SHIPPED, false))
                .filteredOn(RuleSetCheck.Issue::error)
                .isEmpty();
    }

    @Test
    void aThresholdChangedWithoutItsDescriptionIsReportedAtTheDescriptionsLine() throws IOException {
        copyShipped();
        replace("parameters.yml", "maxDaysSinceActualRead: 60 ", "maxDaysSinceActualRead: 61 ");

        List<RuleSetCheck.Issue> errors = RuleSetCheck.run(rules, false).stream()
                .filter(RuleSetCheck.Issue::error)
                .toList();

        int descriptionLine = lineOf("bil/consumption.drl", "BIL-02.maxDaysSinceActualRead（60）");
        int parameterLine = lineOf("parameters.yml", "maxDaysSinceActualRead: 61");
        assertThat(errors)
                .extracting(RuleSetCheck.Issue::toString)
                .containsExactly("bil/consumption.drl:" + descriptionLine + ": error: BIL-02 的 @description 写 "
                        + "BIL-02.maxDaysSinceActualRead 为 60，而 parameters.yml:" + parameterLine + " 中为 61 / the "
                        + "@description of BIL-02 says 60 for BIL-02.maxDaysSinceActualRead, parameters.yml:"
                        + parameterLine + " has 61");
    }

    @Test
    void aPercentageIsReadAsHundredths() throws IOException {
        copyShipped();
        replace("parameters.yml", "residentialRatePerDay: 0.001", "residentialRatePerDay: 0.01");

        assertThat(RuleSetCheck.run(rules, false))
                .filteredOn(RuleSetCheck.Issue::error)
                .extracting(RuleSetCheck.Issue::toString)
                .singleElement()
                .asString()
                .startsWith("bil/collection.drl:" + lineOf("bil/collection.drl", "BIL-15.residentialRatePerDay（0.1 %）"))
                .contains("says 0.1% for BIL-15.residentialRatePerDay", "has 0.01");
    }

    private void copyShipped() throws IOException {
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path source : files.toList()) {
                Path target = rules.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = rules.resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private int lineOf(String file, String text) throws IOException {
        Path dir = Files.exists(rules.resolve(file)) ? rules : SHIPPED;
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
