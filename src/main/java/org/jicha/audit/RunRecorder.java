package org.jicha.audit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jicha.audit.internal.ChangeTracker;
import org.jicha.audit.internal.FindingStore;
import org.jicha.audit.internal.RunErrorStore;
import org.jicha.facts.AuditContext;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketService.TicketRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a run does: its record at the start (who started it, a forced run's reason and data gaps, a held
 * run), each batch's findings, ticket refreshes, re-checks and rule errors in one transaction, its progress and
 * cancel check, and its end (counts per rule, the new tickets through the brake, "not detected", the status).
 */
@Component
class RunRecorder {

    private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

    private final AuditRunRepository runs;
    private final FindingStore findingStore;
    private final RunErrorStore errorStore;
    private final ChangeTracker changes;
    private final TicketService tickets;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final RunNotes notes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties properties;
    private final Clock clock;

    RunRecorder(
            AuditRunRepository runs,
            FindingStore findingStore,
            RunErrorStore errorStore,
            ChangeTracker changes,
            TicketService tickets,
            AuditTrail trail,
            ApplicationEventPublisher events,
            RunNotes notes,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            AuditProperties properties,
            Clock clock) {
        this.runs = runs;
        this.findingStore = findingStore;
        this.errorStore = errorStore;
        this.changes = changes;
        this.tickets = tickets;
        this.trail = trail;
        this.events = events;
        this.notes = notes;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a run held for missing data: HELD with the figures, no ticket opened, none marked "not detected"; the
     * trail says so (actor system) and {@link RunHeld} tells the auditors (one mail each, through the outbox), all
     * in one transaction. The next nightly run tries again; an auditor may force it.
     */
    RunView hold(RunRequest request, DataArrival.Verdict missing, RuleSet ruleSet) {
        AuditContext ctx = ruleSet.contextAsOf(request.asOf());
        AuditRun held = tx.execute(status -> {
            AuditRun run = runs.save(AuditRun.held(
                    request.asOf(),
                    ctx.getAuditedPeriod(),
                    ruleSet.contentHash(),
                    request.scope().rulesOf(ruleSet).size(),
                    request.trigger(),
                    request.planId(),
                    request.scope().describe(),
                    notes.bilingual("run.note.held", RunNotes.said(missing.describeZh(), missing.describeEn())),
                    now()));
            saveGaps(run.getId(), missing.gaps());
            trail.record(
                    Actor.SYSTEM.username(),
                    "RUN_HELD",
                    "run:" + run.getId(),
                    request.trigger()
                            + (request.planId() == null ? "" : " plan " + request.planId()) + " as of " + request.asOf()
                            + "; "
                            + missing.describe());
            events.publishEvent(new RunHeld(
                    run.getId(),
                    run.getAsOf(),
                    run.getAuditedPeriod(),
                    run.getTrigger(),
                    run.getPlanId(),
                    run.getScopeDescription(),
                    missing.gaps()));
            return run;
        });
        log.warn(
                "Audit run {} ({} as of {}) held: {}",
                held.getId(),
                held.getTrigger(),
                held.getAsOf(),
                missing.describe());
        return RunView.of(held, Map.of(), List.of(), missing.gaps(), List.of(), List.of());
    }

    /** Before the run's first save: the person who started it, and the reason when forced despite missing data. */
    static void startedBy(AuditRun run, RunRequest request, DataArrival.Verdict missing) {
        if (request.requestedBy() != null) {
            run.startedBy(request.requestedBy(), missing != null ? request.forceReason() : null);
        }
    }

    /**
     * After the run's first save: {@code RUN_STARTED} for a person's run, and for a forced one the figures on the run
     * and {@code RUN_FORCED} (reason and figures) in the trail.
     */
    void recordStart(AuditRun run, RunRequest request, DataArrival.Verdict missing) {
        if (request.requestedBy() == null) {
            return;
        }
        trail.record(
                request.requestedBy(),
                "RUN_STARTED",
                "run:" + run.getId(),
                request.trigger() + " as of "
                        + request.asOf() + " (" + run.getAuditedPeriod() + "), scope "
                        + (request.scope().isAll() ? "all" : request.scope().describe())
                        + (request.planId() == null ? "" : ", plan " + request.planId()));
        if (missing != null) {
            saveGaps(run.getId(), missing.gaps());
            trail.record(
                    request.requestedBy(),
                    "RUN_FORCED",
                    "run:" + run.getId(),
                    request.forceReason() + "; " + missing.describe());
            log.warn(
                    "Audit run {} forced by {} despite missing data: {}",
                    run.getId(),
                    request.requestedBy(),
                    request.forceReason());
        }
    }

    private void saveGaps(long runId, List<DataGap> gaps) {
        jdbc.batchUpdate(
                "INSERT INTO audit_run_data_gaps (run_id, station_code, station_name, meters, readings, "
                        + "customers, bills) VALUES (?, ?, ?, ?, ?, ?, ?)",
                gaps.stream()
                        .map(g -> new Object[] {
                            runId, g.stationCode(), g.stationName(), g.meters(), g.readings(), g.customers(), g.bills()
                        })
                        .toList());
    }

    AuditRun save(AuditRun run) {
        return runs.save(run);
    }

    /**
     * A batch's findings, the tickets they refresh, the customers to re-check before the horizon and the rules that
     * threw, in one transaction (nothing when the batch gave none of them).
     */
    void storeBatch(
            AuditRun run, TicketRound round, List<Finding> findings, Set<String> recheck, List<RuleError> errors) {
        if (findings.isEmpty() && recheck.isEmpty() && errors.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            findingStore.insert(run.getId(), findings);
            tickets.record(round, findings);
            changes.recordRechecks(run.getId(), recheck);
            errorStore.record(run.getId(), 0, errors, properties.maxErrorsPerRule(), now());
        });
    }

    /** The findings an incremental run carries over from its base, and their ticket refreshes. */
    long carryFindings(AuditRun run, long baseRunId, TicketRound round) {
        long carried = changes.carryFindings(run.getId(), baseRunId);
        changes.forEachCarried(
                run.getId(), 5_000, chunk -> tx.executeWithoutResult(status -> tickets.record(round, chunk)));
        run.carried(carried);
        return carried;
    }

    /**
     * After a batch: records the progress with a plain JDBC update (cheap, and never undone by saving the run),
     * reads whether a cancel was asked for, and pauses if {@code jicha.audit.batch-pause} says so.
     *
     * @return whether to go on with the next batch
     */
    boolean advance(AuditRun run, long done) {
        jdbc.update("UPDATE audit_runs SET subjects_done = ? WHERE id = ?", done, run.getId());
        run.advancedTo(done);
        Boolean cancel =
                jdbc.queryForObject("SELECT cancel_requested FROM audit_runs WHERE id = ?", Boolean.class, run.getId());
        if (Boolean.TRUE.equals(cancel)) {
            return false;
        }
        properties.pauseBetweenBatches();
        return true;
    }

    /**
     * The run's end, in one transaction: its counts per rule, its new tickets opened through the brake (it covered
     * its scope or was cancelled); when whole, "not detected" for the tickets it did not see again and COMPLETED
     * (with errors if a rule threw), else CANCELLED.
     *
     * @param note what the run says about itself when it completes (null: nothing), from {@link RunPlanner#notes}
     */
    void finish(
            AuditRun run,
            TicketRound round,
            AuditContext ctx,
            Map<String, Long> perRule,
            long subjects,
            boolean whole,
            boolean incremental,
            Supplier<String> note) {
        long total = perRule.values().stream().mapToLong(Long::longValue).sum();
        tx.executeWithoutResult(status -> {
            findingStore.insertRuleCounts(run.getId(), perRule);
            tickets.openNew(round);
            if (whole) {
                Set<String> failed = errorStore.failedRules(run.getId());
                markNotDetected(round, failed, ctx);
                if (run.getMode() != RunMode.SCOPED) {
                    changes.completed(run.getId(), incremental);
                }
                completed(run, subjects, total, note.get(), failed);
            } else {
                run.cancelled(subjects, total, now());
            }
            runs.save(run);
        });
    }

    /** COMPLETED, or COMPLETED_WITH_ERRORS naming each rule that threw and how often. */
    void completed(AuditRun run, long subjects, long findings, String note, Set<String> failed) {
        if (failed.isEmpty()) {
            run.complete(subjects, findings, note, now());
        } else {
            run.completeWithErrors(subjects, findings, note, errorStore.summary(run.getId()), now());
        }
    }

    /**
     * Marks "not detected" the tickets the run covered and did not see again, except those of rules that threw in
     * the run (they did not see every subject); if Drools named no rule for an error, no ticket is marked.
     */
    void markNotDetected(TicketRound round, Set<String> failed, AuditContext ctx) {
        if (!failed.contains(RuleError.UNKNOWN_RULE)) {
            tickets.markNotDetected(failed.isEmpty() ? round : round.without(failed), ctx.getAuditedPeriod());
        }
    }

    /**
     * A run that threw in {@code step} (null: not known): FAILED with the exception and its root cause, and what it
     * staged to open forgotten.
     */
    void failed(AuditRun run, RunStep step, RuntimeException e) {
        run.fail(step, e, now());
        runs.save(run);
        discardOpenings(run.getId());
    }

    /** A run left RUNNING by a process that ended: FAILED and interrupted, what it staged to open forgotten. */
    void interrupted(AuditRun run) {
        run.interrupted(now());
        runs.save(run);
        discardOpenings(run.getId());
    }

    /** A failed or interrupted run opens no new ticket: what it staged is forgotten (a re-run stages it again). */
    private void discardOpenings(long runId) {
        try {
            tickets.discardOpenings(runId);
        } catch (RuntimeException e) {
            log.warn("Could not discard the staged tickets of run {}: {}", runId, e.getMessage());
        }
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }
}
