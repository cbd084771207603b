package org.jicha.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jicha.facts.AuditContext;
import org.jicha.people.Actor;
import org.jicha.rules.RuleMeta;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * The audit's front door for the rest of the product: runs every rule of the active rule set over every subject
 * (or a scope), as of a date. Each job is one step of its own: {@link RunLauncher} (one run at a time, queued,
 * in the background, recovered, cancelled), {@link RunPlanner} (full, incremental or scoped; data check),
 * {@link RunExecution} (the batches through the {@link BatchStep}), {@link RunRecorder} (run record, findings,
 * errors), {@link RunWithdrawals}; {@link RunQueries} answers what the runs found. Partitioned runs are
 * {@link PartitionedAudits}.
 */
@Service
public class AuditService {

    private final RunLauncher launcher;
    private final RunWithdrawals withdrawals;
    private final RunQueries queries;
    private final BatchStep batches;

    AuditService(RunLauncher launcher, RunWithdrawals withdrawals, RunQueries queries, BatchStep batches) {
        this.launcher = launcher;
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.batches = batches;
    }

    /** Runs an audit now, in the caller's thread; throws {@link RunInProgressException} if one is running. */
    public RunView run(LocalDate asOf, RunTrigger trigger) {
        return run(RunRequest.of(asOf, trigger));
    }

    /**
     * Runs an audit of a scope now, in the caller's thread; {@link RunInProgressException} if one is running. A
     * request checked for its data is held ({@link RunStatus#HELD}) or refused ({@link DataNotArrivedException})
     * when its period's data has not arrived.
     */
    public RunView run(RunRequest request) {
        return launcher.run(request);
    }

    /** The as-of date a person's run-now should use: today when its period's data has arrived ({@link DataArrival#propose}). */
    public DataArrival.Proposal proposal() {
        return launcher.proposal();
    }

    /** For scheduled runs (nightly, plans): waits for a running run to end, then runs in the caller's thread. */
    public RunView runQueued(RunRequest request) {
        return launcher.runQueued(request);
    }

    /**
     * Quartz recovery of a job that was running when its process died: re-runs the audit the crashed run was doing.
     *
     * @param firedAt when the crashed job was fired (null if unknown): older interrupted runs are not its
     */
    public RunView rerunInterrupted(RunRequest request, Instant firedAt) {
        return launcher.rerunInterrupted(request, firedAt);
    }

    /** Starts an audit in the background and returns the run as recorded at its start. */
    public RunView start(LocalDate asOf, RunTrigger trigger) {
        return start(RunRequest.of(asOf, trigger));
    }

    /** Starts an audit of a scope in the background; {@link RunInProgressException} if one is running. */
    public RunView start(RunRequest request) {
        return launcher.start(request);
    }

    /** Asks a running run to stop after its current batch; it ends CANCELLED. */
    public RunView cancel(long id, String by) {
        return launcher.cancel(id, by);
    }

    /** AUDITOR: withdraws a finished run and the tickets it opened that no person has worked on yet. */
    public RunWithdrawal withdraw(long id, String reason, Actor actor) {
        return withdrawals.withdraw(id, reason, actor);
    }

    /** Marks runs left RUNNING by an earlier process as FAILED and interrupted; how many. */
    public int failInterruptedRuns() {
        return launcher.failInterruptedRuns();
    }

    /** A page of runs, newest first. */
    public Page<RunView> list(Pageable pageable) {
        return queries.list(pageable);
    }

    /** A run with its findings per rule, its partitions and the errors of the rules that threw in it. */
    public RunView get(long id) {
        return queries.get(id);
    }

    /** The latest held run, unless a run completed after it: what the dashboard warns about. */
    public Optional<RunView> unresolvedHeld() {
        return queries.unresolvedHeld();
    }

    /** The latest completed run, also one that completed with rule errors. */
    public Optional<RunView> latestCompleted() {
        return queries.latestCompleted();
    }

    /** A page of a run's findings, optionally of one rule, in a stable order. */
    public List<FindingView> findings(long runId, String ruleCode, int offset, int limit) {
        return queries.findings(runId, ruleCode, offset, limit);
    }

    /** Every finding of a run, streamed in the order of {@link #findings}; how many. */
    public long forEachFinding(long runId, Consumer<FindingView> sink) {
        return queries.forEachFinding(runId, sink);
    }

    /** Findings per rule in the last {@code runs} completed runs, oldest first. */
    public List<RunQueries.RuleRunCount> findingsPerRuleOfLastRuns(int runs) {
        return queries.findingsPerRuleOfLastRuns(runs);
    }

    public List<RuleMeta> ruleCatalogue() {
        return queries.ruleCatalogue();
    }

    /** The facts a run would evaluate, batch by batch, evaluating nothing: {@link BatchStep#forEachFactBatch}. */
    public void forEachFactBatch(AuditContext ctx, Consumer<List<Object>> consumer) {
        batches.forEachFactBatch(ctx, consumer);
    }
}
