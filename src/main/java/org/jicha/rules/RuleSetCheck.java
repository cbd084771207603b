package org.jicha.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jicha.rules.cases.RuleCase;
import org.jicha.rules.cases.RuleCaseFile;
import org.jicha.rules.cases.RuleCaseRunner;
import org.jicha.rules.compile.DescriptionCheck;
import org.jicha.rules.compile.ParameterUse;
import org.jicha.rules.compile.RuleFolder;
import org.jicha.rules.tables.DecisionTableFile;

/**
 * {@code jicha rules check}: compiles a rules folder and lints it. Errors: anything the loader rejects
 * (compile errors, undefined parameters, bad metadata), unreadable YAML test files and a {@code @description}
 * whose number disagrees with the parameter it names ({@link DescriptionCheck}). Warnings (errors with
 * {@code strict}): a rule code no YAML test case mentions. Warnings: a parameter of {@code parameters.yml} no
 * rule file uses. Pure Java, no Spring.
 */
public final class RuleSetCheck {

    private RuleSetCheck() {}

    /** A finding of the check, located like a {@link RuleProblem}. */
    public record Issue(boolean error, RuleProblem problem) {

        @Override
        public String toString() {
            return problem.file() + (problem.line() > 0 ? ":" + problem.line() : "") + ": "
                    + (error ? "error: " : "warning: ") + problem.message();
        }
    }

    /** Every issue of the folder; the set is judged further only when it compiles. */
    public static List<Issue> run(Path rulesDir, boolean strict) {
        List<Issue> issues = new ArrayList<>();
        RuleSet set;
        try {
            set = new RuleSetLoader().load(rulesDir);
        } catch (RuleSetException e) {
            e.problems().forEach(p -> issues.add(new Issue(true, p)));
            return issues;
        }
        List<String> unreadable = new ArrayList<>();
        List<RuleCase> cases = RuleCaseRunner.casesIn(rulesDir, unreadable);
        unreadable.forEach(message -> issues.add(new Issue(true, new RuleProblem(RuleCaseFile.TESTS_DIR, 0, message))));
        Set<String> tested = new TreeSet<>();
        cases.forEach(c -> tested.addAll(c.mentionedRules()));
        for (RuleMeta rule : set.rules()) {
            if (!tested.contains(rule.code())) {
                issues.add(new Issue(
                        strict,
                        new RuleProblem(
                                rule.file(),
                                rule.line(),
                                "rule " + rule.code() + " has no YAML test case (" + RuleCaseFile.TESTS_DIR
                                        + "/**/*.yml)")));
            }
        }
        DescriptionCheck.check(rulesDir, set.rules(), set.parameters()).forEach(p -> issues.add(new Issue(true, p)));
        unusedParameters(rulesDir, set.parameters()).forEach(p -> issues.add(new Issue(false, p)));
        return issues;
    }

    private static List<RuleProblem> unusedParameters(Path rulesDir, RuleParameters parameters) {
        List<ParameterUse> uses = new ArrayList<>();
        for (Path file : RuleFolder.ruleFiles(rulesDir)) {
            String text;
            if (file.getFileName().toString().endsWith(".drl")) {
                text = read(file);
            } else {
                DecisionTableFile table = DecisionTableFile.compile(file, file.toString(), new ArrayList<>());
                text = table == null ? "" : table.drl();
            }
            uses.addAll(ParameterUse.scan(file.toString(), text, line -> line));
        }
        List<RuleProblem> unused = new ArrayList<>();
        for (String key : parameters.keys()) {
            if (uses.stream().noneMatch(u -> u.covers(key))) {
                unused.add(new RuleProblem(
                        RuleSetLoader.PARAMETERS_FILE,
                        parameters.lineOf(key),
                        "parameter \"" + key + "\" is used by no rule file"));
            }
        }
        return unused;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
