package org.jicha.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every YAML rule test case shipped in rules/tests, one dynamic test per case. */
class RuleCaseFilesTests {

    private static final Path RULES = Path.of("rules");

    @Test
    void everyShippedCaseFileIsReadable() {
        List<String> unreadable = new ArrayList<>();
        List<RuleCase> cases = RuleCaseRunner.casesIn(RULES, unreadable);

        assertThat(unreadable).isEmpty();
        assertThat(cases).extracting(c -> c.file().split("/")[1]).contains("bil", "bus", "ins", "met", "exp", "imp");
    }

    @TestFactory
    Stream<DynamicTest> everyShippedCasePasses() {
        RuleCaseRunner runner = new RuleCaseRunner(new RuleSetLoader().load(RULES));
        return RuleCaseRunner.casesIn(RULES, new ArrayList<>()).stream()
                .map(c -> DynamicTest.dynamicTest(c.label(), () -> {
                    RuleCaseRunner.Result result = runner.run(c);
                    assertThat(result.passed())
                            .as(() -> String.join("\n", result.differences()))
                            .isTrue();
                }));
    }
}
