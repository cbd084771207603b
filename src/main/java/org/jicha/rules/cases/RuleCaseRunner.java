package org.jicha.rules.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.rules.Evaluation;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleSet;

/**
 * Runs YAML rule test cases against a compiled {@link RuleSet}: converts the case's records, assembles the
 * facts of each bundle with the case's tariffs, evaluates every rule as of the case's date and compares the
 * findings (rule code and subject) with the expected ones, restricted to the case's {@code only} rules.
 * Pure Java, no Spring.
 */
public final class RuleCaseRunner {

    private final RuleSet ruleSet;

    public RuleCaseRunner(RuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The outcome of one case: passed when nothing is missing or unexpected and the case could be read. */
    public record Result(
            RuleCase ruleCase, Set<RuleCase.Expected> missing, Set<RuleCase.Expected> unexpected, String error) {

        public boolean passed() {
            return error == null && missing.isEmpty() && unexpected.isEmpty();
        }

        /** A readable account of what differs, one line each; empty when passed. */
        public List<String> differences() {
            List<String> lines = new ArrayList<>();
            if (error != null) {
                lines.add(error);
            }
            missing.forEach(e -> lines.add("missing:    " + e));
            unexpected.forEach(e -> lines.add("unexpected: " + e));
            return lines;
        }
    }

    /** Every case below {@code <rulesDir>/tests}; a file that cannot be read yields one failed result. */
    public static List<RuleCase> casesIn(Path rulesDir, List<String> unreadable) {
        List<RuleCase> cases = new ArrayList<>();
        for (Path file : RuleCaseFile.files(rulesDir)) {
            String display = rulesDir.relativize(file).toString().replace('\\', '/');
            try {
                cases.addAll(RuleCaseFile.read(file, display));
            } catch (RuleCaseException e) {
                unreadable.add(e.getMessage());
            }
        }
        return cases;
    }

    /** Runs one case; a record that cannot be converted makes the case fail with the converter's message. */
    public Result run(RuleCase c) {
        RuleCaseRecords records;
        try {
            records = RuleCaseRecords.of(c);
        } catch (RuleCaseException e) {
            return new Result(c, Set.of(), Set.of(), e.getMessage());
        }
        for (String code : c.mentionedRules()) {
            if (ruleSet.rule(code).isEmpty()) {
                return new Result(c, Set.of(), Set.of(), c.label() + ": rule " + code + " is not in the rule set");
            }
        }
        AuditContext ctx = ruleSet.contextAsOf(c.asOf());
        FactAssembler assembler = new FactAssembler(records.tariffs());
        Set<RuleCase.Expected> found = new TreeSet<>();
        List<String> errors = new ArrayList<>();
        for (CustomerBundle bundle : records.bundles()) {
            Evaluation evaluation = ruleSet.evaluate(ctx, List.of(assembler.assemble(bundle, ctx)));
            for (Finding f : evaluation.findings()) {
                if (c.covers(f.ruleCode())) {
                    found.add(new RuleCase.Expected(f.ruleCode(), f.subjectId()));
                }
            }
            evaluation
                    .errors()
                    .forEach(e -> errors.add("rule " + e.ruleCode() + " (" + e.location() + ") threw on " + e.subject()
                            + ": " + e.message()));
        }
        Set<RuleCase.Expected> missing = new TreeSet<>(c.expected());
        missing.removeAll(found);
        Set<RuleCase.Expected> unexpected = new TreeSet<>(found);
        unexpected.removeAll(c.expected());
        return new Result(c, missing, unexpected, errors.isEmpty() ? null : String.join("; ", errors));
    }
}
