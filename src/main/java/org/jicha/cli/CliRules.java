package org.jicha.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jicha.rules.RuleSetCheck;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.jicha.rules.cases.RuleCase;
import org.jicha.rules.cases.RuleCaseRunner;

/** {@code jicha rules test} and {@code jicha rules check}: plain Java over the rules folder, no Spring. */
final class CliRules {

    private CliRules() {}

    static int test(Path rulesDir, PrintWriter out, PrintWriter err) {
        RuleCaseRunner runner;
        try {
            runner = new RuleCaseRunner(new RuleSetLoader().load(rulesDir));
        } catch (RuleSetException e) {
            e.problems().forEach(err::println);
            return JichaCli.FAILURE;
        }
        List<String> unreadable = new ArrayList<>();
        List<RuleCase> cases = RuleCaseRunner.casesIn(rulesDir, unreadable);
        unreadable.forEach(message -> out.println("FAIL " + message));
        if (cases.isEmpty() && unreadable.isEmpty()) {
            err.println("no test cases in " + rulesDir.resolve("tests") + " (*.yml)");
            return JichaCli.FAILURE;
        }
        int failed = unreadable.size();
        for (RuleCase c : cases) {
            RuleCaseRunner.Result result = runner.run(c);
            out.println((result.passed() ? "PASS " : "FAIL ") + c.label());
            if (!result.passed()) {
                failed++;
                result.differences().forEach(line -> out.println("       " + line));
            }
        }
        out.println((cases.size() + unreadable.size()) + " cases: " + (cases.size() - (failed - unreadable.size()))
                + " passed, " + failed + " failed");
        return failed == 0 ? JichaCli.OK : JichaCli.FAILURE;
    }

    static int check(Path rulesDir, boolean strict, PrintWriter out) {
        List<RuleSetCheck.Issue> issues = RuleSetCheck.run(rulesDir, strict);
        issues.forEach(out::println);
        long errors = issues.stream().filter(RuleSetCheck.Issue::error).count();
        out.println(errors + " errors, " + (issues.size() - errors) + " warnings");
        return errors == 0 ? JichaCli.OK : JichaCli.FAILURE;
    }
}
