package org.jicha.audit;

import java.util.ArrayList;
import java.util.List;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleSet;

/**
 * One batch of records into findings, as an ordinary run does it: every bundle assembled into facts by the
 * {@link FactAssembler}, then one evaluation of the rule set (one stateless session) over them.
 */
final class BatchEvaluation {

    /** What a batch gave: how many audit subjects it held and the findings raised on them. */
    record Evaluated(long subjects, List<Finding> findings) {
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
        List<Object> facts = new ArrayList<>();
        for (CustomerBundle bundle : batch) {
            facts.addAll(assembler.assemble(bundle, ctx));
        }
        long subjects = facts.stream().filter(AuditSubject.class::isInstance).count();
        return new Evaluated(subjects, ruleSet.evaluate(ctx, facts));
    }
}
