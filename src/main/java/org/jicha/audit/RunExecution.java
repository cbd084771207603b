package org.jicha.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jicha.audit.RunPlanner.PlannedRun;
import org.jicha.audit.internal.ChangeTracker;
import org.jicha.audit.internal.ReadAhead;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.records.RecordReader;
import org.jicha.records.RecordReader.BatchSink;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketService.RoundScope;
import org.jicha.tickets.TicketService.TicketRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a planned run on this node, in the caller's thread: its customers are read in bounded batches on a thread
 * of their own (read-ahead), each batch goes through the {@link BatchStep} as of the run's date and, for a run that
 * looks ahead, as of its horizon on another thread, and its findings and ticket refreshes are recorded; an
 * incremental run then carries over its base's findings. The run's new tickets open at its end, through the brake.
 */
@Component
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final BatchStep batches;
    private final RecordReader reader;
    private final RunRecorder recorder;
    private final RunPlanner planner;
    private final RunQueries queries;
    private final ChangeTracker changes;
    private final TicketService tickets;
    private final AuditProperties properties;
    private final RunMetrics metrics;
    private final Clock clock;

    RunExecution(
            BatchStep batches,
            RecordReader reader,
            RunRecorder recorder,
            RunPlanner planner,
            RunQueries queries,
            ChangeTracker changes,
            TicketService tickets,
            AuditProperties properties,
            RunMetrics metrics,
            Clock clock) {
        this.batches = batches;
        this.reader = reader;
        this.recorder = recorder;
        this.planner = planner;
        this.queries = queries;
        this.changes = changes;
        this.tickets = tickets;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    RunView execute(PlannedRun planned) {
        AuditRun run = planned.run();
        RuleSet ruleSet = planned.ruleSet();
        Set<String> ruleCodes = planned.ruleCodes();
        AuditContext ctx = ruleSet.contextAsOf(run.getAsOf());
        AuditContext ahead = planned.lookAhead();
        boolean incremental = planned.base() != null;
        FactAssembler assembler = batches.assembler();
        TicketRound round = tickets.startRound(
                run.getId(),
                ruleSet,
                today(),
                recorder.now(),
                new RoundScope(ruleCodes, planned.stations()),
                queries.brakeBasis(ctx.getAuditedPeriod()));
        AtomicLong subjects = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Map<String, Long> perRule = new TreeMap<>();
        planned.rules().forEach(r -> perRule.put(r.code(), 0L));
        long began = System.nanoTime();
        RunMetrics.Tracker measured = metrics.start(run);
        // the step a failure happened in: the first one to fail (the reader runs on a thread of its own)
        AtomicReference<RunStep> failedIn = new AtomicReference<>();
        // the look-ahead evaluates each batch a second time, as of the horizon: on a thread of its own, beside
        // the evaluation as of the run's date (both only read the batch; RuleSet and FactAssembler are thread-safe)
        ExecutorService lookAhead = ahead == null
                ? null
                : Executors.newSingleThreadExecutor(task -> {
                    Thread t = new Thread(task, "audit-ahead-" + run.getId());
                    t.setDaemon(true);
                    return t;
                });
        try {
            BatchStep.Evaluator evaluation = batches.evaluator(assembler, ruleSet, ctx);
            BatchStep.Evaluator evaluationAhead = ahead == null ? null : batches.evaluator(assembler, ruleSet, ahead);
            BatchSink evaluateBatch = batch -> {
                Future<BatchStep.Evaluated> atHorizon =
                        lookAhead == null ? null : lookAhead.submit(() -> evaluationAhead.evaluate(batch));
                // the rule set evaluates every rule; findings and errors of rules out of scope are dropped here
                BatchStep.Evaluated evaluated = in(
                        failedIn,
                        RunStep.EVALUATE,
                        () -> evaluation.evaluate(batch).of(ruleCodes));
                subjects.addAndGet(evaluated.subjects());
                List<Finding> findings = evaluated.findings();
                findings.forEach(f -> perRule.merge(f.ruleCode(), 1L, Long::sum));
                Set<String> recheck = atHorizon == null
                        ? Set.of()
                        : changingBeforeHorizon(findings, in(failedIn, RunStep.EVALUATE, () -> result(atHorizon)));
                boolean goOn = in(failedIn, RunStep.RECORD, () -> {
                    recorder.storeBatch(run, round, findings, recheck, evaluated.errors());
                    return recorder.advance(run, done.addAndGet(batch.size()));
                });
                measured.batch(evaluated.subjects(), findings);
                return goOn;
            };
            int batchSize = properties.batchSize();
            String firstPeriod = FactAssembler.firstHistoryPeriod(ctx);
            boolean whole = ReadAhead.<List<CustomerBundle>>run(
                    "audit-read-" + run.getId(),
                    2,
                    sink -> in(failedIn, RunStep.READ, () -> {
                        BatchSink read = sink::test;
                        if (!incremental) {
                            return batches.forEachBatch(ctx, planned.stations(), read);
                        }
                        return reader.forEachCandidateBatch(run.getId(), batchSize, firstPeriod, read)
                                && reader.forEachOrphanApplicationBatch(batchSize, planned.stations(), read);
                    }),
                    evaluateBatch::accept);
            if (whole && incremental) {
                in(failedIn, RunStep.CARRY, () -> {
                    recorder.carryFindings(run, planned.base().getId(), round);
                    perRule.putAll(changes.countsByRule(run.getId()));
                    return null;
                });
            }
            in(failedIn, RunStep.FINISH, () -> {
                recorder.finish(
                        run,
                        round,
                        ctx,
                        perRule,
                        subjects.get(),
                        whole,
                        incremental,
                        () -> planner.notes(ruleSet, planned.rules(), ctx, planned.planNote()));
                return null;
            });
            measured.end(run.getStatus());
            long total = perRule.values().stream().mapToLong(Long::longValue).sum();
            log.info(
                    "Audit run {} ({}) as of {} {}: {} subjects, {} findings ({} carried) in {} ms",
                    run.getId(),
                    run.getMode(),
                    run.getAsOf(),
                    run.getStatus(),
                    subjects.get(),
                    total,
                    run.getFindingsCarried(),
                    (System.nanoTime() - began) / 1_000_000);
            return RunView.of(run, perRule);
        } catch (RuntimeException e) {
            log.error("Audit run {} failed in step {}", run.getId(), failedIn.get(), e);
            recorder.failed(run, failedIn.get(), e);
            measured.end(RunStatus.FAILED);
            throw e;
        } finally {
            if (lookAhead != null) {
                lookAhead.shutdownNow();
            }
        }
    }

    /** Does {@code work}, noting {@code step} as the failed one if it throws first. */
    private static <T> T in(AtomicReference<RunStep> failedIn, RunStep step, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            failedIn.compareAndSet(null, step);
            throw e;
        }
    }

    /**
     * The customers whose findings as of the horizon differ from those as of the as-of date: time alone may change
     * them before the horizon, so incremental runs until then re-evaluate them. (Findings only grow or stay
     * between two dates of one audited period unless a record dated in between takes effect; both show here.)
     * A customer a rule threw on as of the horizon is one of them: its findings then are not known.
     */
    static Set<String> changingBeforeHorizon(List<Finding> now, BatchStep.Evaluated atHorizon) {
        Map<String, Set<String>> before = byCustomer(now);
        Map<String, Set<String>> after = byCustomer(atHorizon.findings());
        Set<String> changing = new TreeSet<>();
        atHorizon.errors().stream()
                .map(RuleError::customerNo)
                .filter(Objects::nonNull)
                .forEach(changing::add);
        for (String customer : before.keySet()) {
            if (!before.get(customer).equals(after.getOrDefault(customer, Set.of()))) {
                changing.add(customer);
            }
        }
        for (String customer : after.keySet()) {
            if (!before.containsKey(customer)) {
                changing.add(customer);
            }
        }
        return changing;
    }

    private static Map<String, Set<String>> byCustomer(List<Finding> findings) {
        Map<String, Set<String>> map = new HashMap<>();
        for (Finding f : findings) {
            if (f.customerNo() != null) {
                map.computeIfAbsent(f.customerNo(), k -> new HashSet<>()).add(f.fingerprint());
            }
        }
        return map;
    }

    /** The look-ahead's evaluation of a batch; its failure fails the run as if it had happened on this thread. */
    private static BatchStep.Evaluated result(Future<BatchStep.Evaluated> atHorizon) {
        try {
            return atHorizon.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("稽查线程被中断 / the audit's thread was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}
