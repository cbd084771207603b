package org.jicha.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.records.RecordReader;
import org.jicha.records.RecordReader.BatchSink;
import org.jicha.rules.Evaluation;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleSet;
import org.springframework.stereotype.Component;

/**
 * One batch of records into findings, the one way every kind of run (full, incremental, scoped, partitioned) and
 * the impact preview do it: each bundle (a customer with everything that hangs from it, or an application without
 * a customer) assembled into its facts by the {@link FactAssembler}, then one evaluation of the rule set over the
 * batch, which keeps each subject's facts together so that a rule throwing on one subject is left out for that
 * subject only ({@link RuleSet}). Also reads the stored records batch by batch in the order every run reads them.
 */
@Component
class BatchStep {

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
            return new Evaluated(
                    subjects,
                    findings.stream()
                            .filter(f -> ruleCodes.contains(f.ruleCode()))
                            .toList(),
                    errors.stream()
                            .filter(e -> !e.ruleKnown() || ruleCodes.contains(e.ruleCode()))
                            .toList());
        }
    }

    /** The batch step for one rule set as of one date: thread-safe, so a look-ahead may share it. */
    static final class Evaluator {

        private final FactAssembler assembler;
        private final RuleSet ruleSet;
        private final AuditContext ctx;

        Evaluator(FactAssembler assembler, RuleSet ruleSet, AuditContext ctx) {
            this.assembler = assembler;
            this.ruleSet = ruleSet;
            this.ctx = ctx;
        }

        Evaluated evaluate(List<CustomerBundle> batch) {
            List<List<Object>> subjects = factsOf(assembler, batch, ctx);
            long count = 0;
            for (List<Object> facts : subjects) {
                count += facts.stream().filter(AuditSubject.class::isInstance).count();
            }
            Evaluation evaluation = ruleSet.evaluate(ctx, subjects);
            return new Evaluated(count, evaluation.findings(), evaluation.errors());
        }
    }

    private final RecordReader reader;
    private final AuditProperties properties;

    BatchStep(RecordReader reader, AuditProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    /** An assembler over the tariffs stored now: one per run, shared by its batches. */
    FactAssembler assembler() {
        return new FactAssembler(reader.tariffs());
    }

    /** The batch step of a run or preview: {@code ruleSet} as of {@code ctx}, facts built by {@code assembler}. */
    Evaluator evaluator(FactAssembler assembler, RuleSet ruleSet, AuditContext ctx) {
        return new Evaluator(assembler, ruleSet, ctx);
    }

    /** The facts of each bundle of a batch, one list per bundle, in the batch's order. */
    static List<List<Object>> factsOf(FactAssembler assembler, List<CustomerBundle> batch, AuditContext ctx) {
        List<List<Object>> subjects = new ArrayList<>(batch.size());
        for (CustomerBundle bundle : batch) {
            subjects.add(assembler.assemble(bundle, ctx));
        }
        return subjects;
    }

    /**
     * Reads the stored records as every run over everything does: each customer of {@code stations} (null: every
     * customer) in key order with its records from the first period the facts need, then the applications without
     * a customer, {@code jicha.audit.batch-size} at a time, until the sink says stop.
     *
     * @return whether every batch was read (false: the sink stopped it)
     */
    boolean forEachBatch(AuditContext ctx, Collection<String> stations, BatchSink sink) {
        int batchSize = properties.batchSize();
        return reader.forEachCustomerBatch(batchSize, FactAssembler.firstHistoryPeriod(ctx), stations, sink)
                && reader.forEachOrphanApplicationBatch(batchSize, stations, sink);
    }

    /**
     * Streams the facts a run would evaluate, batch by batch, exactly as a run assembles them (every customer in key
     * order with its records, then the applications without a customer), but evaluates no rule and stores nothing:
     * for checks written another way over the same facts ({@code org.jicha.tools.compare}, the benchmark).
     */
    public void forEachFactBatch(AuditContext ctx, Consumer<List<Object>> consumer) {
        FactAssembler assembler = assembler();
        forEachBatch(ctx, null, batch -> {
            List<Object> facts = new ArrayList<>();
            factsOf(assembler, batch, ctx).forEach(facts::addAll);
            consumer.accept(facts);
            return true;
        });
    }
}
