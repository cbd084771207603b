package org.jicha.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jicha.audit.RunPlanner.PlannedRun;
import org.jicha.people.AuditTrail;
import org.jicha.rules.ActiveRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Launches runs on this node, one at a time: now in the caller's thread (409 at once while one runs), queued for
 * scheduled runs (they wait for the running one), in the background for the API, or again after a crash (Quartz
 * recovery). A request checked for its data is first held or refused when its period's data has not arrived
 * ({@link DataArrival}). Also asks a running run to stop, and closes runs a stopped process left RUNNING.
 */
@Component
class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    private final RunPlanner planner;
    private final RunExecution execution;
    private final RunRecorder recorder;
    private final RunQueries queries;
    private final ActiveRuleSet rules;
    private final DataArrival arrival;
    private final AuditRunRepository runs;
    private final AuditTrail trail;
    private final JdbcTemplate jdbc;
    private final AuditProperties properties;
    private final Clock clock;
    private final Semaphore oneRunAtATime = new Semaphore(1);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-run");
        t.setDaemon(true);
        return t;
    });

    RunLauncher(
            RunPlanner planner,
            RunExecution execution,
            RunRecorder recorder,
            RunQueries queries,
            ActiveRuleSet rules,
            DataArrival arrival,
            AuditRunRepository runs,
            AuditTrail trail,
            JdbcTemplate jdbc,
            AuditProperties properties,
            Clock clock) {
        this.planner = planner;
        this.execution = execution;
        this.recorder = recorder;
        this.queries = queries;
        this.rules = rules;
        this.arrival = arrival;
        this.runs = runs;
        this.trail = trail;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Runs an audit of a scope now, in the caller's thread; {@link RunInProgressException} if one is running. A
     * request checked for its data is held ({@link RunStatus#HELD}) or refused ({@link DataNotArrivedException})
     * when its period's data has not arrived.
     */
    RunView run(RunRequest request) {
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            return runOrHold(request);
        } finally {
            oneRunAtATime.release();
        }
    }

    /**
     * For scheduled runs (nightly, plans): waits up to {@code jicha.audit.scheduled-run-wait} for a running run to
     * end, then runs in the caller's thread, so a firing that meets a run is queued, not lost.
     */
    RunView runQueued(RunRequest request) {
        acquireWaiting(request);
        try {
            return runOrHold(request);
        } finally {
            oneRunAtATime.release();
        }
    }

    private RunView runOrHold(RunRequest request) {
        DataArrival.Verdict missing = planner.missingData(request);
        if (missing != null && request.dataCheck() != DataCheck.FORCE) {
            return holdOrRefuse(request, missing);
        }
        return execution.execute(planner.plan(request, null, missing));
    }

    /** A request whose data has not arrived: a schedule's run is recorded HELD, a person's refused. */
    RunView holdOrRefuse(RunRequest request, DataArrival.Verdict missing) {
        if (request.dataCheck() == DataCheck.REFUSE) {
            log.info("Run as of {} refused for {}: {}", request.asOf(), request.requestedBy(), missing.describe());
            throw new DataNotArrivedException(request.asOf(), missing);
        }
        return recorder.hold(request, missing, rules.current());
    }

    /**
     * Quartz recovery of a job that was running when its process died: re-runs the audit the crashed run was
     * doing (same trigger, plan and as-of date; the request's as-of if no such run is found), records which run
     * it recovers and says so on the crashed run. Tickets are keyed by fingerprint, so nothing is duplicated.
     *
     * @param firedAt when the crashed job was fired (null if unknown): older interrupted runs are not its
     */
    RunView rerunInterrupted(RunRequest request, Instant firedAt) {
        acquireWaiting(request);
        try {
            AuditRun crashed = interruptedRunOf(request, firedAt);
            // the crashed run had passed the data check (or was forced): its re-run is not checked again
            RunRequest again =
                    crashed == null ? request : request.asOf(crashed.getAsOf()).unchecked();
            DataArrival.Verdict missing = planner.missingData(again);
            if (missing != null && again.dataCheck() != DataCheck.FORCE) {
                return holdOrRefuse(again, missing);
            }
            PlannedRun planned = planner.plan(again, crashed == null ? null : crashed.getId(), missing);
            if (crashed != null) {
                crashed.rerunAs(planned.run().getId());
                runs.save(crashed);
                log.warn(
                        "Audit run {} was interrupted; re-running it as run {}",
                        crashed.getId(),
                        planned.run().getId());
            }
            return execution.execute(planned);
        } finally {
            oneRunAtATime.release();
        }
    }

    private AuditRun interruptedRunOf(RunRequest request, Instant firedAt) {
        LocalDateTime notBefore = firedAt == null
                ? null
                : LocalDateTime.ofInstant(firedAt, properties.zone()).minusMinutes(1);
        return runs.findTop20ByInterruptedTrueAndTriggerOrderByIdDesc(request.trigger()).stream()
                .filter(r -> Objects.equals(r.getPlanId(), request.planId()))
                .filter(r -> !NodeInstance.id().equals(r.getNodeInstance()))
                .filter(r -> notBefore == null || !r.getStartedAt().isBefore(notBefore))
                .filter(r -> !runs.existsByRecoversRunId(r.getId()))
                .findFirst()
                .orElse(null);
    }

    private void acquireWaiting(RunRequest request) {
        Duration wait = properties.scheduledRunWait();
        try {
            if (!oneRunAtATime.tryAcquire()) {
                log.info("A {} run waits up to {} for the running audit run to end", request.trigger(), wait);
                if (!oneRunAtATime.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new RunInProgressException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInProgressException();
        }
    }

    /** Starts an audit of a scope in the background; {@link RunInProgressException} if one is running. */
    RunView start(RunRequest request) {
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            DataArrival.Verdict missing = planner.missingData(request);
            if (missing != null && request.dataCheck() != DataCheck.FORCE) {
                RunView held = holdOrRefuse(request, missing);
                oneRunAtATime.release();
                return held;
            }
            PlannedRun planned = planner.plan(request, null, missing);
            background.submit(() -> {
                try {
                    execution.execute(planned);
                } catch (RuntimeException e) {
                    // recorded on the run by execute
                } finally {
                    oneRunAtATime.release();
                }
            });
            return RunView.of(planned.run(), Map.of());
        } catch (RuntimeException e) {
            oneRunAtATime.release();
            throw e;
        }
    }

    /**
     * Asks a running run to stop after its current batch. The run ends CANCELLED, keeps the findings written so
     * far and marks no ticket "not detected" (it did not cover its whole scope).
     */
    RunView cancel(long id, String by) {
        AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
        if (run.getStatus() != RunStatus.RUNNING
                || jdbc.update("UPDATE audit_runs SET cancel_requested = TRUE WHERE id = ? AND status = 'RUNNING'", id)
                        == 0) {
            throw new RunNotRunningException(
                    id, runs.findById(id).map(AuditRun::getStatus).orElse(run.getStatus()));
        }
        trail.record(by, "RUN_CANCELLED", "run:" + id, "as of " + run.getAsOf() + " (" + run.getAuditedPeriod() + ")");
        log.info("Cancel requested for audit run {} by {}", id, by);
        return queries.get(id);
    }

    /**
     * Marks runs left RUNNING by an earlier process (a stopped or killed server) as FAILED and interrupted, so
     * the history tells the truth. Runs of this JVM (see {@link NodeInstance}) are never touched: a run Quartz
     * recovery has already started must go on. Partitioned runs are never touched: their partitions are Quartz
     * jobs that another live node of a cluster may be running, or that Quartz recovers (docs/SCALING.md).
     */
    int failInterruptedRuns() {
        List<AuditRun> stale = runs.findByStatus(RunStatus.RUNNING).stream()
                .filter(r -> !r.isPartitioned())
                .filter(r -> !NodeInstance.id().equals(r.getNodeInstance()))
                .toList();
        stale.forEach(recorder::interrupted);
        return stale.size();
    }

    /**
     * The as-of date a person's run-now should use (the form proposes it): today when the period it audits has
     * arrived, else the date that audits the latest period that has ({@link DataArrival#propose}).
     */
    DataArrival.Proposal proposal() {
        return arrival.propose(LocalDate.now(clock.withZone(properties.zone())));
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
