package org.jicha.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.rules.Evaluation;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleSet;

/**
 * One batch of records into findings, the one way every kind of run and the preview do it: each bundle (a
 * customer with everything that hangs from it, or an application without a customer) assembled into its facts
 * by the {@link FactAssembler}, then one evaluation of the rule set over the batch, which keeps each subject's
 * facts together so that a rule throwing on one subject is left out for that subject only ({@link RuleSet}).
 */
final class BatchEvaluation {

    /** What a batch gave: how many audit subjects it held, the findings raised on them, the rules that threw. */
    record Evaluated(long subjects, List<Finding> findings, List<RuleError> errors) {

        /**
         * Only the findings and errors of the rules in {@code ruleCodes} (null: every rule): the rule set evaluates
         * every rule, a scoped run keeps its own. An error Drools named no rule for is kept.
         */
        Evaluated of(Set<String> ruleCodes) {
            if (ruleCodes == null) {
                return this;
            }
            return new Evaluated(subjects, findings.stream().filter(f -> ruleCodes.contains(f.ruleCode())).toList(),
                    errors.stream().filter(e -> !e.ruleKnown() || ruleCodes.contains(e.ruleCode())).toList());
        }
    }

    private final FactAssembler assembler;
    private final RuleSet ruleSet;
    private final AuditContext ctx;

    BatchEvaluation(FactAssembler assembler, RuleSet ruleSet, AuditContext ctx) {
        this.assembler = assembler;
        this.ruleSet = ruleSet;
        this.ctx = ctx;
    }

    Evaluated evaluate(List<CustomerBundle> batch) {
        List<List<Object>> subjects = new ArrayList<>(batch.size());
        long count = 0;
        for (CustomerBundle bundle : batch) {
            List<Object> facts = assembler.assemble(bundle, ctx);
            count += facts.stream().filter(AuditSubject.class::isInstance).count();
            subjects.add(facts);
        }
        Evaluation evaluation = ruleSet.evaluate(ctx, subjects);
        return new Evaluated(count, evaluation.findings(), evaluation.errors());
    }
}
