package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jicha.rules.cases.RuleCase;
import org.jicha.rules.cases.RuleCaseRunner;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Test;

/**
 * The rules folder in one shape, so that the audit team finds a rule's cases where the rule is: per topic one
 * DRL file ({@code rules/bil/pricing.drl}), one YAML case file of the same name
 * ({@code rules/tests/bil/pricing.yml}) holding the cases of that file's rules only, and one Java test class
 * named after both ({@code BilPricingRulesTests}); no file of a single rule.
 */
class RulesFolderShapeTests {

    private static final Path RULES = Path.of("rules");

    @Test
    void everyDrlFileHasTheCaseFileOfTheSameNameAndEveryCaseFileADrlFile() throws IOException {
        assertThat(topics("tests", ".yml")).isEqualTo(topics("", ".drl"));
    }

    @Test
    void everyCaseIsInTheCaseFileOfTheDrlFileThatHoldsItsRules() {
        Map<String, String> fileOfCode =
                RuleTestKit.shippedRules().rules().stream().collect(Collectors.toMap(RuleMeta::code, RuleMeta::file));
        List<String> misplaced = new ArrayList<>();
        for (RuleCase c : RuleCaseRunner.casesIn(RULES, new ArrayList<>())) {
            for (String code : c.mentionedRules()) {
                String drl = fileOfCode.getOrDefault(code, "no rule file");
                String expected = "tests/" + drl.replace(".drl", ".yml");
                if (!c.file().equals(expected)) {
                    misplaced.add(c.label() + " -> " + code + " belongs in " + expected);
                }
            }
        }
        assertThat(misplaced).isEmpty();
    }

    @Test
    void noDrlFileHoldsASingleRule() {
        Map<String, Long> rulesPerFile = RuleTestKit.shippedRules().rules().stream()
                .collect(Collectors.groupingBy(RuleMeta::file, TreeMap::new, Collectors.counting()));
        assertThat(rulesPerFile)
                .allSatisfy((file, count) -> assertThat(count).as(file).isGreaterThan(1));
    }

    @Test
    void everyDrlFileHasItsJavaTestClass() throws IOException {
        for (String topic : topics("", ".drl")) {
            String name = getClass().getPackageName() + "." + testClassOf(topic);
            assertThat(exists(name)).as(name + " for rules/" + topic + ".drl").isTrue();
        }
    }

    /** {@code bil/power-factor} -> {@code BilPowerFactorRulesTests}. */
    private static String testClassOf(String topic) {
        StringBuilder name = new StringBuilder();
        for (String word : topic.split("[/-]")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name + "RulesTests";
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The files below the folder with the ending, as {@code theme/topic}. */
    private static TreeSet<String> topics(String folder, String ending) throws IOException {
        Path root = RULES.resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ending))
                    .filter(p -> folder.isEmpty() ? !p.startsWith(RULES.resolve("tests")) : true)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(p -> p.substring(0, p.length() - ending.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
