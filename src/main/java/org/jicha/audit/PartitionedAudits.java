package org.jicha.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jicha.audit.BatchStep.Evaluated;
import org.jicha.audit.internal.FindingStore;
import org.jicha.audit.internal.RunErrorStore;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.records.RecordReader;
import org.jicha.records.RecordReader.BatchSink;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketService.RoundScope;
import org.jicha.tickets.TicketService.TicketRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partitioned audit runs (scale-out): one run split by customer key range into partitions, each run by a Quartz
 * job on whichever node of the cluster fires it. A partition writes each batch's findings, its tickets and its
 * resume point ({@code last_key_done}) in one transaction, so a partition recovered after a crash resumes after
 * its last committed batch and every finding is written exactly once. The partition that settles last, under a
 * lock on the run's row, closes the run once: counts per rule from the findings, "not detected" for the round.
 * <p>
 * Partitions do not take the node's one-run-at-a-time semaphore: they are limited by Quartz's thread pool.
 *
 * <p>Long because claiming, resuming and closing a partition share one fencing rule (the claim's
 * attempt number) that is easier to check when it is in one class.
 */
@Service
public class PartitionedAudits {

    private static final Logger log = LoggerFactory.getLogger(PartitionedAudits.class);

    private final ActiveRuleSet rules;
    private final RecordReader reader;
    private final FindingStore findingStore;
    private final RunErrorStore errorStore;
    private final TicketService tickets;
    private final AuditRunRepository runs;
    private final RunLauncher launching;
    private final RunPlanner planner;
    private final RunRecorder recorder;
    private final RunQueries queries;
    private final BatchStep batches;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties properties;
    private final ObjectProvider<PartitionLauncher> launcher;
    private final Clock clock;

    public PartitionedAudits(
            ActiveRuleSet rules,
            RecordReader reader,
            FindingStore findingStore,
            RunErrorStore errorStore,
            TicketService tickets,
            AuditRunRepository runs,
            RunLauncher launching,
            RunPlanner planner,
            RunRecorder recorder,
            RunQueries queries,
            BatchStep batches,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            AuditProperties properties,
            ObjectProvider<PartitionLauncher> launcher,
            Clock clock) {
        this.rules = rules;
        this.reader = reader;
        this.findingStore = findingStore;
        this.errorStore = errorStore;
        this.tickets = tickets;
        this.runs = runs;
        this.launching = launching;
        this.planner = planner;
        this.recorder = recorder;
        this.queries = queries;
        this.batches = batches;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.launcher = launcher;
        this.clock = clock;
    }

    /**
     * Starts a run of every rule over every subject split into {@code partitions} customer key ranges (fewer if
     * there are fewer customers) plus one partition for the applications without a customer: records the run and
     * its partitions and schedules one job per partition, in one transaction. {@link RunInProgressException} while
     * another partitioned run is RUNNING.
     */
    public RunView start(RunRequest request, int partitions) {
        if (!request.scope().allRules() || !request.scope().allUnits()) {
            throw new IllegalArgumentException("分区稽查只支持全部规则与单位 / a partitioned run covers every rule and unit");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        PartitionLauncher jobs = launcher.getIfAvailable();
        if (jobs == null) {
            throw new IllegalStateException("no scheduler to run partitions on");
        }
        DataArrival.Verdict missing = planner.missingData(request);
        if (missing != null && request.dataCheck() != DataCheck.FORCE) {
            return launching.holdOrRefuse(request, missing);
        }
        AuditRun started = tx.execute(status -> {
            Long running = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_runs WHERE status = 'RUNNING' " + "AND partitions > 0", Long.class);
            if (running != null && running > 0) {
                throw new RunInProgressException();
            }
            RuleSet ruleSet = rules.current();
            AuditContext ctx = ruleSet.contextAsOf(request.asOf());
            List<KeyRanges.Positions> positions = KeyRanges.positions(reader.countCustomers(), partitions);
            Map<Long, String> keys = reader.customerKeysAt(KeyRanges.boundaryPositions(positions));
            List<KeyRanges.Range> ranges = KeyRanges.ranges(positions, keys::get);
            AuditRun run = AuditRun.start(
                    request.asOf(),
                    ctx.getAuditedPeriod(),
                    ruleSet.contentHash(),
                    ruleSet.rules().size(),
                    request.trigger(),
                    request.planId(),
                    request.scope().describe(),
                    reader.countSubjects(null),
                    null,
                    now());
            run.partitioned(ranges.size() + 1);
            RunRecorder.startedBy(run, request, missing);
            run = runs.saveAndFlush(run);
            recorder.recordStart(run, request, missing);
            int partNo = 0;
            for (KeyRanges.Range range : ranges) {
                insertPartition(run.getId(), ++partNo, range.firstKey(), range.lastKey(), false);
            }
            insertPartition(run.getId(), ++partNo, null, null, true);
            for (int p = 1; p <= partNo; p++) {
                jobs.launch(run.getId(), p);
            }
            return run;
        });
        log.info(
                "Audit run {} as of {} started in {} partitions",
                started.getId(),
                started.getAsOf(),
                started.getPartitions());
        return queries.get(started.getId());
    }

    private void insertPartition(long runId, int partNo, String firstKey, String lastKey, boolean orphans) {
        jdbc.update(
                "INSERT INTO audit_run_partitions (run_id, part_no, first_key, last_key, orphans, status) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING')",
                runId,
                partNo,
                firstKey,
                lastKey,
                orphans);
    }

    /** A partition as claimed: its range, resume point and the attempt that fences its writes. */
    record Claim(
            long runId,
            int partNo,
            String firstKey,
            String lastKey,
            boolean orphans,
            String lastKeyDone,
            int attempt) {}

    /**
     * Runs one partition on this node ({@code node}: the Quartz instance id), from its resume point on. Does nothing
     * if the partition is already settled or its run is no longer RUNNING (a job fired twice, a run failed by
     * another partition).
     */
    public void runPartition(long runId, int partNo, String node) {
        Claim claim = claim(runId, partNo, node);
        if (claim == null) {
            log.info("Partition {} of run {} is settled or its run ended: nothing to do", partNo, runId);
            return;
        }
        AuditRun run = runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
        RuleSet ruleSet = rules.current();
        if (!ruleSet.contentHash().equals(run.getRuleSetHash())) {
            settle(
                    claim,
                    "FAILED",
                    "生效规则集 " + ruleSet.contentHash() + " 不是本次运行的规则集 " + run.getRuleSetHash()
                            + " / the rule set in force on node " + node + " is not the run's rule set",
                    null);
            return;
        }
        AuditContext ctx = ruleSet.contextAsOf(run.getAsOf());
        BatchStep.Evaluator evaluation = batches.evaluator(batches.assembler(), ruleSet, ctx);
        TicketRound round = tickets.startRound(
                runId, ruleSet, today(), now(), RoundScope.ALL, queries.brakeBasis(run.getAuditedPeriod()));
        log.info(
                "Partition {} of run {} on {} (attempt {}), after {}",
                partNo,
                runId,
                node,
                claim.attempt(),
                claim.lastKeyDone() == null ? "the start" : claim.lastKeyDone());
        boolean whole;
        try {
            BatchSink sink = batch -> storeBatch(claim, batch, evaluation.evaluate(batch), round) && goOn(runId);
            whole = claim.orphans()
                    ? reader.forEachOrphanApplicationBatchAfter(properties.batchSize(), claim.lastKeyDone(), sink)
                    : reader.forEachCustomerBatchInRange(
                            properties.batchSize(),
                            FactAssembler.firstHistoryPeriod(ctx),
                            claim.firstKey(),
                            claim.lastKey(),
                            claim.lastKeyDone(),
                            sink);
        } catch (RuntimeException e) {
            log.error("Partition {} of run {} failed", partNo, runId, e);
            // the root cause, not the wrapper: the partition's and the run's message say what went wrong first
            settle(claim, "FAILED", AuditRun.rootCauseOf(e), null);
            throw e;
        }
        settle(claim, whole ? "DONE" : "CANCELLED", null, new Closing(ruleSet, ctx, round));
    }

    /** Claims a PENDING partition, or a RUNNING one whose node died (Quartz recovered its job): attempts + 1. */
    Claim claim(long runId, int partNo, String node) {
        return tx.execute(status -> {
            int claimed = jdbc.update(
                    "UPDATE audit_run_partitions SET status = 'RUNNING', attempts = attempts + 1, "
                            + "node = ?, started_at = COALESCE(started_at, ?), message = NULL WHERE run_id = ? AND part_no = ? "
                            + "AND status IN ('PENDING', 'RUNNING') AND EXISTS (SELECT 1 FROM audit_runs r WHERE r.id = ? "
                            + "AND r.status = 'RUNNING')",
                    node,
                    Timestamp.valueOf(now()),
                    runId,
                    partNo,
                    runId);
            if (claimed == 0) {
                return null;
            }
            return jdbc.queryForObject(
                    "SELECT * FROM audit_run_partitions WHERE run_id = ? AND part_no = ?",
                    (rs, i) -> new Claim(
                            runId,
                            partNo,
                            rs.getString("first_key"),
                            rs.getString("last_key"),
                            rs.getBoolean("orphans"),
                            rs.getString("last_key_done"),
                            rs.getInt("attempts")),
                    runId,
                    partNo);
        });
    }

    /**
     * One batch's findings, tickets and resume point, in one transaction. The update of the partition is fenced by
     * the claim's attempt: a node that lost its partition to a recovery (it was taken for dead) rolls back.
     *
     * @return false if this node no longer holds the partition
     */
    boolean storeBatch(Claim claim, List<CustomerBundle> batch, Evaluated evaluated, TicketRound round) {
        CustomerBundle last = batch.get(batch.size() - 1);
        String lastKey = last.customer() != null
                ? last.customer().customerNo()
                : last.applications().get(0).appNo();
        Boolean held = tx.execute(status -> {
            int updated = jdbc.update(
                    "UPDATE audit_run_partitions SET last_key_done = ?, subjects = subjects + ?, "
                            + "checked = checked + ?, findings = findings + ? WHERE run_id = ? AND part_no = ? "
                            + "AND attempts = ? AND status = 'RUNNING'",
                    lastKey,
                    batch.size(),
                    evaluated.subjects(),
                    evaluated.findings().size(),
                    claim.runId(),
                    claim.partNo(),
                    claim.attempt());
            if (updated == 0) {
                status.setRollbackOnly();
                return false;
            }
            if (!evaluated.findings().isEmpty()) {
                findingStore.insert(claim.runId(), evaluated.findings());
                tickets.record(round, evaluated.findings());
            }
            if (!evaluated.errors().isEmpty()) {
                errorStore.record(
                        claim.runId(), claim.partNo(), evaluated.errors(), properties.maxErrorsPerRule(), now());
            }
            // an increment, not the sum over the partitions: two partitions committing at once would each sum what
            // their own snapshot sees, and the later write would lose the other's batch (PostgreSQL re-reads the
            // locked row for the increment, not the subquery); with the partition's row it commits or rolls back
            jdbc.update(
                    "UPDATE audit_runs SET subjects_done = subjects_done + ? WHERE id = ?",
                    batch.size(),
                    claim.runId());
            return true;
        });
        if (!Boolean.TRUE.equals(held)) {
            log.warn(
                    "Partition {} of run {} was taken over by another attempt; this one stops",
                    claim.partNo(),
                    claim.runId());
            return false;
        }
        return true;
    }

    /** After a batch: stop if the run ended or a cancel was asked for; pause if {@code jicha.audit.batch-pause}. */
    private boolean goOn(long runId) {
        Map<String, Object> run =
                jdbc.queryForMap("SELECT status, cancel_requested FROM audit_runs WHERE id = ?", runId);
        if (!"RUNNING".equals(run.get("status")) || Boolean.TRUE.equals(run.get("cancel_requested"))) {
            return false;
        }
        properties.pauseBetweenBatches();
        return true;
    }

    /** What the last partition needs to close the run. */
    private record Closing(RuleSet ruleSet, AuditContext ctx, TicketRound round) {}

    /**
     * Settles a partition (DONE, CANCELLED or FAILED) under a lock on the run's row, so two partitions ending at
     * once on two nodes see each other: the one that settles last closes the run, exactly once. A FAILED partition
     * fails the run at once (the others stop after their batch).
     */
    void settle(Claim claim, String outcome, String message, Closing closing) {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT status FROM audit_runs WHERE id = ? FOR UPDATE", String.class, claim.runId());
            int settled = jdbc.update(
                    "UPDATE audit_run_partitions SET status = ?, finished_at = ?, message = ? "
                            + "WHERE run_id = ? AND part_no = ? AND attempts = ? AND status = 'RUNNING'",
                    outcome,
                    Timestamp.valueOf(now()),
                    message == null ? null : truncate(message),
                    claim.runId(),
                    claim.partNo(),
                    claim.attempt());
            AuditRun run = runs.findById(claim.runId()).orElseThrow(() -> new RunNotFoundException(claim.runId()));
            if (settled == 0 || run.getStatus() != RunStatus.RUNNING) {
                return;
            }
            if ("FAILED".equals(outcome)) {
                // one "中文 / English" note (RunNotes): each half names the partition and its fault
                run.fail(
                        "分区 " + claim.partNo() + " 失败：" + message + " / partition " + claim.partNo() + " failed: "
                                + message,
                        now());
                runs.save(run);
                tickets.discardOpenings(run.getId());
                return;
            }
            Map<String, Long> open = new TreeMap<>();
            jdbc.query(
                    "SELECT status, COUNT(*) AS n FROM audit_run_partitions WHERE run_id = ? GROUP BY status",
                    rs -> {
                        open.put(rs.getString("status"), rs.getLong("n"));
                    },
                    claim.runId());
            if (open.getOrDefault("PENDING", 0L) + open.getOrDefault("RUNNING", 0L) > 0) {
                return;
            }
            close(run, open.containsKey("CANCELLED"), closing);
        });
    }

    /**
     * The last partition settled: counts per rule from the findings, the run's new tickets (through the brake),
     * "not detected" for the round, the run's end.
     */
    private void close(AuditRun run, boolean cancelled, Closing closing) {
        Map<String, Long> perRule = new TreeMap<>();
        closing.ruleSet().rules().forEach(r -> perRule.put(r.code(), 0L));
        jdbc.query(
                "SELECT rule_code, COUNT(*) AS n FROM findings WHERE run_id = ? GROUP BY rule_code",
                rs -> {
                    perRule.put(rs.getString("rule_code"), rs.getLong("n"));
                },
                run.getId());
        findingStore.insertRuleCounts(run.getId(), perRule);
        long findings = perRule.values().stream().mapToLong(Long::longValue).sum();
        Long checked = jdbc.queryForObject(
                "SELECT COALESCE(SUM(checked), 0) FROM audit_run_partitions WHERE run_id = ?", Long.class, run.getId());
        long subjects = checked == null ? 0 : checked;
        // the run's new tickets open once every partition has settled, through the brake
        tickets.openNew(closing.round());
        if (cancelled) {
            run.cancelled(subjects, findings, now());
        } else {
            Set<String> failed = errorStore.failedRules(run.getId());
            recorder.markNotDetected(closing.round(), failed, closing.ctx());
            List<RuleMeta> all = closing.ruleSet().rules();
            recorder.completed(
                    run, subjects, findings, planner.notes(closing.ruleSet(), all, closing.ctx(), null), failed);
        }
        runs.save(run);
        log.info(
                "Audit run {} as of {} {} over {} partitions: {} subjects, {} findings",
                run.getId(),
                run.getAsOf(),
                run.getStatus(),
                run.getPartitions(),
                subjects,
                findings);
    }

    private static String truncate(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}
