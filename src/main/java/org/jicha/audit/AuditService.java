package org.jicha.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jicha.audit.internal.ChangeTracker;
import org.jicha.audit.internal.FindingStore;
import org.jicha.records.RecordReader;
import org.jicha.records.RecordReader.BatchSink;
import org.jicha.audit.internal.ReadAhead;
import org.jicha.audit.internal.RunErrorStore;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.RunTickets;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketService.BrakeBasis;
import org.jicha.tickets.TicketService.RoundScope;
import org.jicha.tickets.TicketService.TicketRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs audits: every rule of the active rule set over every subject, as of a date. Customers are read
 * in bounded batches; each batch is assembled into facts, evaluated in one stateless session, and its
 * findings and ticket refreshes written in one transaction; the run's new tickets open at its end, through the
 * brake. Runs never overlap on a node. A request that asks for it ({@link DataCheck}) is first checked for its
 * period's data ({@link DataArrival}): held, refused or forced when it has not arrived.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);
    /** The statuses of a run that covered its whole scope: reports and the dashboard read such runs. */
    static final List<RunStatus> COMPLETED = List.of(RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_ERRORS);

    private final ActiveRuleSet rules;
    private final RecordReader reader;
    private final FindingStore findingStore;
    private final ChangeTracker changes;
    private final TicketService tickets;
    private final RunErrorStore errorStore;
    private final AuditRunRepository runs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties properties;
    private final Clock clock;
    private final DataArrival arrival;
    private final RunTickets runTickets;
    private final AuditTrail trail;
    private final ApplicationEventPublisher events;
    private final Semaphore oneRunAtATime = new Semaphore(1);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-run");
        t.setDaemon(true);
        return t;
    });

    public AuditService(ActiveRuleSet rules, RecordReader reader, FindingStore findingStore, ChangeTracker changes,
                        TicketService tickets, RunErrorStore errorStore, AuditRunRepository runs, JdbcTemplate jdbc,
                        TransactionTemplate tx, AuditProperties properties, Clock clock, DataArrival arrival,
                        RunTickets runTickets, AuditTrail trail, ApplicationEventPublisher events) {
        this.rules = rules;
        this.reader = reader;
        this.findingStore = findingStore;
        this.changes = changes;
        this.tickets = tickets;
        this.errorStore = errorStore;
        this.runs = runs;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.arrival = arrival;
        this.runTickets = runTickets;
        this.trail = trail;
        this.events = events;
    }

    /** Today in the utility's time zone: the as-of date of a nightly run. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
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
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            return runOrHold(request);
        } finally {
            oneRunAtATime.release();
        }
    }

    private RunView runOrHold(RunRequest request) {
        DataArrival.Verdict missing = missingData(request);
        if (missing != null && request.dataCheck() != DataCheck.FORCE) {
            return holdOrRefuse(request, missing);
        }
        return execute(begin(request, null, missing));
    }

    /**
     * The data-arrival check of a request that asks for it: the stations of its scope whose extract of the audited
     * period has not arrived, or null when it has (or the request is not checked).
     */
    DataArrival.Verdict missingData(RunRequest request) {
        if (request.dataCheck() == DataCheck.NONE) {
            return null;
        }
        java.time.YearMonth period = rules.current().contextAsOf(request.asOf()).auditedMonth();
        Set<String> stations = request.scope().allUnits() ? null : reader.unitSubtrees(request.scope().unitCodes());
        DataArrival.Verdict verdict = arrival.check(period, stations);
        return verdict.complete() ? null : verdict;
    }

    /** A request whose data has not arrived: a schedule's run is recorded HELD, a person's refused. */
    RunView holdOrRefuse(RunRequest request, DataArrival.Verdict missing) {
        if (request.dataCheck() == DataCheck.REFUSE) {
            log.info("Run as of {} refused for {}: {}", request.asOf(), request.requestedBy(), missing.describe());
            throw new DataNotArrivedException(request.asOf(), missing);
        }
        return hold(request, missing);
    }

    /**
     * Records a run held for missing data: HELD with the figures, no ticket opened, none marked "not detected"; the
     * trail says so (actor system) and {@link RunHeld} tells the auditors (one mail each, through the outbox), all
     * in one transaction. The next nightly run tries again; an auditor may force it.
     */
    private RunView hold(RunRequest request, DataArrival.Verdict missing) {
        RuleSet ruleSet = rules.current();
        AuditContext ctx = ruleSet.contextAsOf(request.asOf());
        AuditRun held = tx.execute(status -> {
            AuditRun run = runs.save(AuditRun.held(request.asOf(), ctx.getAuditedPeriod(), ruleSet.contentHash(),
                    request.scope().rulesOf(ruleSet).size(), request.trigger(), request.planId(),
                    request.scope().describe(), "待数据，未稽查 / held, not audited: " + missing.describe(), now()));
            saveGaps(run.getId(), missing.gaps());
            trail.record(Actor.SYSTEM.username(), "RUN_HELD", "run:" + run.getId(), request.trigger()
                    + (request.planId() == null ? "" : " plan " + request.planId()) + " as of " + request.asOf() + "; "
                    + missing.describe());
            events.publishEvent(new RunHeld(run.getId(), run.getAsOf(), run.getAuditedPeriod(), run.getTrigger(),
                    run.getPlanId(), run.getScopeDescription(), missing.gaps()));
            return run;
        });
        log.warn("Audit run {} ({} as of {}) held: {}", held.getId(), held.getTrigger(), held.getAsOf(),
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
        trail.record(request.requestedBy(), "RUN_STARTED", "run:" + run.getId(), request.trigger() + " as of "
                + request.asOf() + " (" + run.getAuditedPeriod() + "), scope " + (request.scope().isAll() ? "all"
                : request.scope().describe()) + (request.planId() == null ? "" : ", plan " + request.planId()));
        if (missing != null) {
            saveGaps(run.getId(), missing.gaps());
            trail.record(request.requestedBy(), "RUN_FORCED", "run:" + run.getId(), request.forceReason() + "; "
                    + missing.describe());
            log.warn("Audit run {} forced by {} despite missing data: {}", run.getId(), request.requestedBy(),
                    request.forceReason());
        }
    }

    private void saveGaps(long runId, List<DataGap> gaps) {
        jdbc.batchUpdate("INSERT INTO audit_run_data_gaps (run_id, station_code, station_name, meters, readings, "
                + "customers, bills) VALUES (?, ?, ?, ?, ?, ?, ?)", gaps.stream().map(g -> new Object[] {runId,
                g.stationCode(), g.stationName(), g.meters(), g.readings(), g.customers(), g.bills()}).toList());
    }

    private List<DataGap> gapsOf(long runId) {
        return jdbc.query("SELECT * FROM audit_run_data_gaps WHERE run_id = ? ORDER BY station_code",
                (rs, i) -> new DataGap(rs.getString("station_code"), rs.getString("station_name"), rs.getLong("meters"),
                        rs.getLong("readings"), rs.getLong("customers"), rs.getLong("bills")), runId);
    }

    /**
     * The as-of date a person's run-now should use (the form proposes it): today when the period it audits has
     * arrived, else the date that audits the latest period that has ({@link DataArrival#propose}).
     */
    public DataArrival.Proposal proposal() {
        return arrival.propose(today());
    }

    /**
     * For scheduled runs (nightly, plans): waits up to {@code jicha.audit.scheduled-run-wait} for a running run to
     * end, then runs in the caller's thread, so a firing that meets a run is queued, not lost.
     */
    public RunView runQueued(RunRequest request) {
        acquireWaiting(request);
        try {
            return runOrHold(request);
        } finally {
            oneRunAtATime.release();
        }
    }

    /**
     * Quartz recovery of a job that was running when its process died: re-runs the audit the crashed run was
     * doing (same trigger, plan and as-of date; the request's as-of if no such run is found), records which run
     * it recovers and says so on the crashed run. Tickets are keyed by fingerprint, so nothing is duplicated.
     *
     * @param firedAt when the crashed job was fired (null if unknown): older interrupted runs are not its
     */
    public RunView rerunInterrupted(RunRequest request, java.time.Instant firedAt) {
        acquireWaiting(request);
        try {
            AuditRun crashed = interruptedRunOf(request, firedAt);
            // the crashed run had passed the data check (or was forced): its re-run is not checked again
            RunRequest again = crashed == null ? request : request.asOf(crashed.getAsOf()).unchecked();
            DataArrival.Verdict missing = missingData(again);
            if (missing != null && again.dataCheck() != DataCheck.FORCE) {
                return holdOrRefuse(again, missing);
            }
            Started started = begin(again, crashed == null ? null : crashed.getId(), missing);
            if (crashed != null) {
                crashed.rerunAs(started.run().getId());
                runs.save(crashed);
                log.warn("Audit run {} was interrupted; re-running it as run {}", crashed.getId(), started.run().getId());
            }
            return execute(started);
        } finally {
            oneRunAtATime.release();
        }
    }

    private AuditRun interruptedRunOf(RunRequest request, java.time.Instant firedAt) {
        LocalDateTime notBefore = firedAt == null ? null
                : LocalDateTime.ofInstant(firedAt, properties.zone()).minusMinutes(1);
        return runs.findTop20ByInterruptedTrueAndTriggerOrderByIdDesc(request.trigger()).stream()
                .filter(r -> java.util.Objects.equals(r.getPlanId(), request.planId()))
                .filter(r -> !NodeInstance.id().equals(r.getNodeInstance()))
                .filter(r -> notBefore == null || !r.getStartedAt().isBefore(notBefore))
                .filter(r -> !runs.existsByRecoversRunId(r.getId()))
                .findFirst().orElse(null);
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

    /** Starts an audit in the background and returns the run as recorded at its start. */
    public RunView start(LocalDate asOf, RunTrigger trigger) {
        return start(RunRequest.of(asOf, trigger));
    }

    /** Starts an audit of a scope in the background; {@link RunInProgressException} if one is running. */
    public RunView start(RunRequest request) {
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            DataArrival.Verdict missing = missingData(request);
            if (missing != null && request.dataCheck() != DataCheck.FORCE) {
                RunView held = holdOrRefuse(request, missing);
                oneRunAtATime.release();
                return held;
            }
            Started started = begin(request, null, missing);
            background.submit(() -> {
                try {
                    execute(started);
                } catch (RuntimeException e) {
                    // recorded on the run by execute
                } finally {
                    oneRunAtATime.release();
                }
            });
            return RunView.of(started.run(), Map.of());
        } catch (RuntimeException e) {
            oneRunAtATime.release();
            throw e;
        }
    }

    /**
     * Asks a running run to stop after its current batch. The run ends CANCELLED, keeps the findings written so
     * far and marks no ticket "not detected" (it did not cover its whole scope).
     */
    public RunView cancel(long id, String by) {
        AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
        if (run.getStatus() != RunStatus.RUNNING
                || jdbc.update("UPDATE audit_runs SET cancel_requested = TRUE WHERE id = ? AND status = 'RUNNING'", id) == 0) {
            throw new RunNotRunningException(id, runs.findById(id).map(AuditRun::getStatus).orElse(run.getStatus()));
        }
        trail.record(by, "RUN_CANCELLED", "run:" + id, "as of " + run.getAsOf() + " (" + run.getAuditedPeriod() + ")");
        log.info("Cancel requested for audit run {} by {}", id, by);
        return get(id);
    }

    /** A run's withdrawal: the run as it is now, and what happened to the tickets it opened. */
    public record RunWithdrawal(RunView run, List<Long> newlyWithdrawn, List<Long> withdrawnTickets,
                                List<RunTickets.KeptTicket> keptTickets) {
    }

    /**
     * AUDITOR: withdraws a finished run (撤回稽查运行): the tickets it opened that no person has worked on yet are
     * withdrawn (kept with their history, out of every list and rate), the others stay and are listed; the run is
     * marked withdrawn (by whom, when, why) and reports no longer rest on it. Safe to repeat; trailed.
     *
     * @throws RunActionForbiddenException  for another role
     * @throws InvalidRunRequestException    without a reason
     * @throws RunNotFoundException          for an unknown run
     * @throws IllegalStateException         for a run still running, or held
     */
    public RunWithdrawal withdraw(long id, String reason, Actor actor) {
        if (!actor.is(Role.AUDITOR)) {
            throw new RunActionForbiddenException("只有稽查人员可以撤回稽查运行", "only an AUDITOR may withdraw a run");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRunRequestException("reason", "撤回须说明理由", "a withdrawal needs a reason");
        }
        String why = reason.strip().length() > 2000 ? reason.strip().substring(0, 2000) : reason.strip();
        return tx.execute(status -> {
            AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
            boolean first = run.withdraw(actor.username(), why, now());
            runs.save(run);
            RunTickets.Withdrawal done = runTickets.withdrawRun(id, why, actor);
            if (first || !done.newlyWithdrawn().isEmpty()) {
                trail.record(actor.username(), "RUN_WITHDRAWN", "run:" + id, why + "; withdrawn "
                        + done.newlyWithdrawn().size() + " tickets " + ids(done.newlyWithdrawn()) + ", kept "
                        + done.kept().size() + " " + ids(done.kept().stream().map(RunTickets.KeptTicket::id).toList()));
            }
            return new RunWithdrawal(get(id), done.newlyWithdrawn(), done.withdrawn(), done.kept());
        });
    }

    private static String ids(List<Long> ids) {
        return ids.stream().limit(200).map(String::valueOf).collect(Collectors.joining(",", "[",
                ids.size() > 200 ? ",...]" : "]"));
    }

    /**
     * A run as begun, with the rule set it took, its scope resolved against that set and the units, and how it
     * chooses its customers: {@code base} is an incremental run's base, {@code lookAhead} the context as of the
     * horizon a full or incremental run compares with (null: none).
     */
    private record Started(AuditRun run, RuleSet ruleSet, List<RuleMeta> rules, Set<String> ruleCodes,
                           Set<String> stations, AuditRun base, AuditContext lookAhead, String planNote) {
    }

    /**
     * Records a run at its start. A run a person started names the person (trail {@code RUN_STARTED}); one forced
     * despite missing data ({@code missing} not null) carries the reason and the figures (trail {@code RUN_FORCED}).
     */
    private Started begin(RunRequest request, Long recovers, DataArrival.Verdict missing) {
        // taken once: a rule set swapped in meanwhile applies to the next run, never to half of this one
        RuleSet ruleSet = rules.current();
        AuditContext ctx = ruleSet.contextAsOf(request.asOf());
        List<RuleMeta> inScope = request.scope().rulesOf(ruleSet);
        boolean scoped = !request.scope().allUnits() || !request.scope().allRules();
        Set<String> stations = request.scope().allUnits() ? null : reader.unitSubtrees(request.scope().unitCodes());
        String referenceHash = scoped ? null : changes.referenceHash();
        IncrementalBase base = scoped || !request.incremental() ? null
                : incrementalBase(request.asOf(), ctx.getAuditedPeriod(), ruleSet.contentHash(), referenceHash);
        long total = base != null && base.run() != null ? 0 : reader.countSubjects(stations);
        AuditRun run = AuditRun.start(request.asOf(), ctx.getAuditedPeriod(), ruleSet.contentHash(),
                inScope.size(), request.trigger(), request.planId(), request.scope().describe(), total, recovers, now());
        startedBy(run, request, missing);
        String note = null;
        AuditRun baseRun = null;
        Long loadsThrough = scoped ? null : changes.loadsFinished();
        if (scoped) {
            run.plannedAs(RunMode.SCOPED, null, null, null, null);
        } else if (base != null && base.run() != null) {
            baseRun = base.run();
            run.plannedAs(RunMode.INCREMENTAL, baseRun.getId(), baseRun.getHorizonOn(), referenceHash, loadsThrough);
        } else {
            run.plannedAs(RunMode.FULL, null, horizonOf(request.asOf()), referenceHash, loadsThrough);
            note = base == null ? null : "未能增量稽查，已全量稽查：" + base.reasonZh() + " / no incremental run possible, "
                    + "ran in full: " + base.reasonEn();
        }
        run = runs.save(run);
        recordStart(run, request, missing);
        if (baseRun != null) {
            ChangeTracker.Candidates candidates = changes.selectCandidates(run.getId(), baseRun.getLoadsThrough());
            run.expectSubjects(candidates.total() + orphanApplications());
            run = runs.save(run);
            note = "增量稽查：基于运行 " + baseRun.getId() + "，重新检查 " + candidates.total() + " 户（记录变更 "
                    + candidates.changed() + "，时间可能改变结论 " + candidates.recheck() + "） / incremental on run "
                    + baseRun.getId() + ": " + candidates.total() + " customers re-evaluated (" + candidates.changed()
                    + " changed, " + candidates.recheck() + " time-sensitive)";
            log.info("Audit run {} is incremental on run {}: {} changed and {} time-sensitive customers", run.getId(),
                    baseRun.getId(), candidates.changed(), candidates.recheck());
        }
        LocalDate horizon = run.getHorizonOn();
        AuditContext lookAhead = horizon == null || !horizon.isAfter(request.asOf()) ? null
                : new AuditContext(horizon, java.time.YearMonth.parse(ctx.getAuditedPeriod()), ruleSet.calendar());
        Set<String> ruleCodes = request.scope().allRules() ? null
                : inScope.stream().map(RuleMeta::code).collect(Collectors.toSet());
        return new Started(run, ruleSet, inScope, ruleCodes, stations, baseRun, lookAhead, note);
    }

    /** Why a run could or could not be incremental: its base, or the reason in both languages. */
    private record IncrementalBase(AuditRun run, String reasonZh, String reasonEn) {
    }

    /**
     * The run an incremental run as of {@code asOf} builds on: the latest completed run over everything, if it is
     * a full or incremental run of the same audited period and rule set, as of no later than {@code asOf}, whose
     * horizon reaches {@code asOf}, on the same tariffs, units and staff.
     */
    private IncrementalBase incrementalBase(LocalDate asOf, String period, String ruleSetHash, String referenceHash) {
        AuditRun last = runs.findFirstByStatusInAndModeInOrderByIdDesc(COMPLETED,
                List.of(RunMode.FULL, RunMode.INCREMENTAL)).orElse(null);
        if (last == null) {
            return new IncrementalBase(null, "尚无已完成的全量稽查", "no completed full run yet");
        }
        if (last.getStatus() == RunStatus.COMPLETED_WITH_ERRORS) {
            // a rule that threw did not see every subject: its findings cannot be carried over
            return new IncrementalBase(null, "上次运行 " + last.getId() + " 有规则出错，不能作为增量基准",
                    "the last run " + last.getId() + " completed with rule errors and is no base");
        }
        if (last.getHorizonOn() == null) {
            return new IncrementalBase(null, "上次运行 " + last.getId() + " 未前瞻，不能作为增量基准",
                    "the last run " + last.getId() + " did not look ahead and is no base");
        }
        if (!last.getAuditedPeriod().equals(period)) {
            return new IncrementalBase(null, "稽查月份已变（" + last.getAuditedPeriod() + " → " + period + "）",
                    "the audited period changed (" + last.getAuditedPeriod() + " -> " + period + ")");
        }
        if (asOf.isBefore(last.getAsOf()) || asOf.isAfter(last.getHorizonOn())) {
            return new IncrementalBase(null, "基准日 " + asOf + " 不在运行 " + last.getId() + " 的前瞻期 " + last.getAsOf()
                    + " 至 " + last.getHorizonOn() + " 内", "as of " + asOf + " lies outside run " + last.getId()
                    + "'s look-ahead " + last.getAsOf() + " .. " + last.getHorizonOn());
        }
        if (!last.getRuleSetHash().equals(ruleSetHash)) {
            return new IncrementalBase(null, "规则集已变更", "the rule set changed");
        }
        if (last.getLoadsThrough() == null) {
            return new IncrementalBase(null, "上次运行 " + last.getId() + " 未记录装载进度", "run " + last.getId()
                    + " did not record which loads it saw");
        }
        if (!referenceHash.equals(last.getReferenceHash())) {
            return new IncrementalBase(null, "电价、单位或人员数据已变更", "tariffs, units or staff changed");
        }
        return new IncrementalBase(last, null, null);
    }

    /** The last date incremental runs may build on a full run as of {@code asOf}: days ahead, within its month. */
    private LocalDate horizonOf(LocalDate asOf) {
        if (properties.horizonDays() == 0) {
            return null;
        }
        LocalDate horizon = asOf.plusDays(properties.horizonDays());
        LocalDate monthEnd = asOf.withDayOfMonth(asOf.lengthOfMonth());
        return horizon.isAfter(monthEnd) ? monthEnd : horizon;
    }

    private long orphanApplications() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM applications WHERE customer_no IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private RunView execute(Started started) {
        AuditRun run = started.run();
        RuleSet ruleSet = started.ruleSet();
        Set<String> ruleCodes = started.ruleCodes();
        AuditContext ctx = ruleSet.contextAsOf(run.getAsOf());
        AuditContext ahead = started.lookAhead();
        boolean incremental = started.base() != null;
        FactAssembler assembler = new FactAssembler(reader.tariffs());
        TicketRound round = tickets.startRound(run.getId(), ruleSet, today(), now(),
                new RoundScope(ruleCodes, started.stations()), brakeBasis(ctx.getAuditedPeriod()));
        AtomicLong subjects = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Map<String, Long> perRule = new TreeMap<>();
        started.rules().forEach(r -> perRule.put(r.code(), 0L));
        long began = System.nanoTime();
        // the look-ahead evaluates each batch a second time, as of the horizon: on a thread of its own, beside
        // the evaluation as of the run's date (both only read the batch; RuleSet and FactAssembler are thread-safe)
        ExecutorService lookAhead = ahead == null ? null : Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "audit-ahead-" + run.getId());
            t.setDaemon(true);
            return t;
        });
        try {
            BatchEvaluation evaluation = new BatchEvaluation(assembler, ruleSet, ctx);
            BatchEvaluation evaluationAhead = ahead == null ? null : new BatchEvaluation(assembler, ruleSet, ahead);
            BatchSink evaluateBatch = batch -> {
                Future<BatchEvaluation.Evaluated> atHorizon = lookAhead == null ? null
                        : lookAhead.submit(() -> evaluationAhead.evaluate(batch));
                // the rule set evaluates every rule; findings and errors of rules out of scope are dropped here
                BatchEvaluation.Evaluated evaluated = evaluation.evaluate(batch).of(ruleCodes);
                subjects.addAndGet(evaluated.subjects());
                List<Finding> findings = evaluated.findings();
                List<RuleError> errors = evaluated.errors();
                findings.forEach(f -> perRule.merge(f.ruleCode(), 1L, Long::sum));
                Set<String> recheck = atHorizon == null ? Set.of() : changingBeforeHorizon(findings, result(atHorizon));
                if (!findings.isEmpty() || !recheck.isEmpty() || !errors.isEmpty()) {
                    tx.executeWithoutResult(status -> {
                        findingStore.insert(run.getId(), findings);
                        tickets.record(round, findings);
                        changes.recordRechecks(run.getId(), recheck);
                        errorStore.record(run.getId(), 0, errors, properties.maxErrorsPerRule(), now());
                    });
                }
                return advance(run, done.addAndGet(batch.size()));
            };
            int batchSize = properties.batchSize();
            String firstPeriod = FactAssembler.firstHistoryPeriod(ctx);
            boolean whole = ReadAhead.<List<CustomerBundle>>run("audit-read-" + run.getId(), 2, sink -> {
                BatchSink read = sink::test;
                boolean customers = incremental
                        ? reader.forEachCandidateBatch(run.getId(), batchSize, firstPeriod, read)
                        : reader.forEachCustomerBatch(batchSize, firstPeriod, started.stations(), read);
                return customers && reader.forEachOrphanApplicationBatch(batchSize, started.stations(), read);
            }, evaluateBatch::accept);
            if (whole && incremental) {
                long carried = changes.carryFindings(run.getId(), started.base().getId());
                changes.forEachCarried(run.getId(), 5_000, chunk -> tx.executeWithoutResult(status ->
                        tickets.record(round, chunk)));
                run.carried(carried);
                perRule.putAll(changes.countsByRule(run.getId()));
            }
            long total = perRule.values().stream().mapToLong(Long::longValue).sum();
            tx.executeWithoutResult(status -> {
                findingStore.insertRuleCounts(run.getId(), perRule);
                // the run's new tickets open now that it has covered its scope (or was cancelled), through the brake
                tickets.openNew(round);
                if (whole) {
                    Set<String> failed = errorStore.failedRules(run.getId());
                    markNotDetected(round, failed, ctx);
                    if (run.getMode() != RunMode.SCOPED) {
                        changes.completed(run.getId(), incremental);
                    }
                    String note = notes(ruleSet, started.rules(), ctx, started.planNote());
                    if (failed.isEmpty()) {
                        run.complete(subjects.get(), total, note, now());
                    } else {
                        run.completeWithErrors(subjects.get(), total, note, errorStore.summary(run.getId()), now());
                    }
                } else {
                    run.cancelled(subjects.get(), total, now());
                }
                runs.save(run);
            });
            log.info("Audit run {} ({}) as of {} {}: {} subjects, {} findings ({} carried) in {} ms", run.getId(),
                    run.getMode(), run.getAsOf(), run.getStatus(), subjects.get(), total,
                    run.getFindingsCarried(), (System.nanoTime() - began) / 1_000_000);
            return RunView.of(run, perRule);
        } catch (RuntimeException e) {
            log.error("Audit run {} failed", run.getId(), e);
            run.fail(e.getClass().getSimpleName() + ": " + e.getMessage(), now());
            runs.save(run);
            discardOpenings(run.getId());
            throw e;
        } finally {
            if (lookAhead != null) {
                lookAhead.shutdownNow();
            }
        }
    }

    /** A failed or interrupted run opens no new ticket: what it staged is forgotten (a re-run stages it again). */
    private void discardOpenings(long runId) {
        try {
            tickets.discardOpenings(runId);
        } catch (RuntimeException e) {
            log.warn("Could not discard the staged tickets of run {}: {}", runId, e.getMessage());
        }
    }

    /**
     * What the brake compares a run of {@code period} with: per rule, the earlier audited periods (newest first) in
     * which a completed, not withdrawn run over everything (full or incremental) evaluated it. (A run whose rule
     * threw on some subjects, COMPLETED_WITH_ERRORS, has completed too.)
     */
    BrakeBasis brakeBasis(String period) {
        Map<String, List<String>> earlier = new java.util.HashMap<>();
        jdbc.query("SELECT DISTINCT c.rule_code, r.audited_period FROM audit_run_rule_counts c "
                + "JOIN audit_runs r ON r.id = c.run_id WHERE r.status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') "
                + "AND r.withdrawn_at IS NULL AND r.run_mode IN ('FULL', 'INCREMENTAL') AND r.audited_period < ? "
                + "ORDER BY c.rule_code, r.audited_period DESC", rs -> {
                    earlier.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, period);
        return new BrakeBasis(period, earlier);
    }

    /** The look-ahead's evaluation of a batch; its failure fails the run as if it had happened on this thread. */
    private static BatchEvaluation.Evaluated result(Future<BatchEvaluation.Evaluated> atHorizon) {
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
     * The customers whose findings as of the horizon differ from those as of the as-of date: time alone may change
     * them before the horizon, so incremental runs until then re-evaluate them. (Findings only grow or stay
     * between two dates of one audited period unless a record dated in between takes effect; both show here.)
     * A customer a rule threw on as of the horizon is one of them: its findings then are not known.
     */
    static Set<String> changingBeforeHorizon(List<Finding> now, BatchEvaluation.Evaluated atHorizon) {
        Map<String, Set<String>> before = byCustomer(now);
        Map<String, Set<String>> after = byCustomer(atHorizon.findings());
        Set<String> changing = new java.util.TreeSet<>();
        atHorizon.errors().stream().map(RuleError::customerNo).filter(java.util.Objects::nonNull).forEach(changing::add);
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
        Map<String, Set<String>> map = new java.util.HashMap<>();
        for (Finding f : findings) {
            if (f.customerNo() != null) {
                map.computeIfAbsent(f.customerNo(), k -> new java.util.HashSet<>()).add(f.fingerprint());
            }
        }
        return map;
    }

    /**
     * Streams the facts a run would evaluate, batch by batch, exactly as {@link #run} assembles them (every customer
     * in key order with its records, then the applications without a customer), but evaluates no rule and stores
     * nothing: for checks written another way over the same facts (issue 6's comparison, {@code org.jicha.compare}).
     */
    public void forEachFactBatch(AuditContext ctx, java.util.function.Consumer<List<Object>> consumer) {
        FactAssembler assembler = new FactAssembler(reader.tariffs());
        BatchSink assemble = batch -> {
            List<Object> facts = new ArrayList<>();
            for (CustomerBundle bundle : batch) {
                facts.addAll(assembler.assemble(bundle, ctx));
            }
            consumer.accept(facts);
            return true;
        };
        reader.forEachCustomerBatch(properties.batchSize(), FactAssembler.firstHistoryPeriod(ctx), null, assemble);
        reader.forEachOrphanApplicationBatch(properties.batchSize(), null, assemble);
    }

    /**
     * After a batch: records the progress with a plain JDBC update (cheap, and never undone by saving the run),
     * reads whether a cancel was asked for, and pauses if {@code jicha.audit.batch-pause} says so.
     *
     * @return whether to go on with the next batch
     */
    private boolean advance(AuditRun run, long done) {
        jdbc.update("UPDATE audit_runs SET subjects_done = ? WHERE id = ?", done, run.getId());
        run.advancedTo(done);
        Boolean cancel = jdbc.queryForObject("SELECT cancel_requested FROM audit_runs WHERE id = ?", Boolean.class,
                run.getId());
        if (Boolean.TRUE.equals(cancel)) {
            return false;
        }
        properties.pauseBetweenBatches();
        return true;
    }

    String notes(RuleSet ruleSet, List<RuleMeta> inScope, AuditContext ctx) {
        return notes(ruleSet, inScope, ctx, null);
    }

    private String notes(RuleSet ruleSet, List<RuleMeta> inScope, AuditContext ctx, String planNote) {
        List<String> notes = new ArrayList<>();
        if (planNote != null) {
            notes.add(planNote);
        }
        for (LocalDate d : List.of(ctx.getPeriodStart(), ctx.getAsOf(), today())) {
            if (!ruleSet.calendar().covers(d)) {
                notes.add("工作日历未覆盖 " + d.getYear() + " 年，仅按周末计算工作日 / the working-day calendar does not cover "
                        + d.getYear() + ": only weekends are known");
                break;
            }
        }
        notes.addAll(uncomputableRules(inScope));
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Rules that cannot be computed from the stored data: a column a rule {@code @requires} holds no value in
     * any stored record (e.g. an extract without reactive energy cannot check the power-factor adjustment).
     * Said in the run's report instead of silently finding nothing.
     */
    private List<String> uncomputableRules(List<RuleMeta> inScope) {
        Map<String, List<String>> rulesByColumn = new TreeMap<>();
        for (RuleMeta rule : inScope) {
            rule.requires().forEach(c -> rulesByColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(rule.code()));
        }
        List<String> notes = new ArrayList<>();
        rulesByColumn.forEach((column, codes) -> {
            String[] parts = column.split("\\.");
            String state;
            try {
                // the first filled value answers; a COUNT(*) would scan millions of readings or bills each run
                List<Integer> filled = jdbc.queryForList("SELECT 1 FROM " + parts[0] + " WHERE " + parts[1]
                        + " IS NOT NULL FETCH FIRST 1 ROW ONLY", Integer.class);
                state = !filled.isEmpty() ? null : "在已装载数据中全部为空 / is empty in every stored record";
            } catch (org.springframework.dao.DataAccessException e) {
                state = "不是数据契约中的列 / is not a column of the data contract";
            }
            if (state != null) {
                notes.add(String.join(", ", codes) + " 无法计算 / cannot be computed: " + column + " " + state);
            }
        });
        return notes;
    }

    /**
     * Marks runs left RUNNING by an earlier process (a stopped or killed server) as FAILED and interrupted, so
     * the history tells the truth. Runs of this JVM (see {@link NodeInstance}) are never touched: a run Quartz
     * recovery has already started must go on. Partitioned runs are never touched: their partitions are Quartz
     * jobs that another live node of a cluster may be running, or that Quartz recovers (docs/SCALING.md).
     */
    public int failInterruptedRuns() {
        List<AuditRun> stale = runs.findByStatus(RunStatus.RUNNING).stream()
                .filter(r -> !r.isPartitioned())
                .filter(r -> !NodeInstance.id().equals(r.getNodeInstance())).toList();
        for (AuditRun run : stale) {
            run.interrupted(now());
            runs.save(run);
            discardOpenings(run.getId());
        }
        return stale.size();
    }

    /** A page of runs, newest first; a held or forced run with the stations that lacked data. */
    public Page<RunView> list(Pageable pageable) {
        return runs.findAllByOrderByIdDesc(pageable).map(run -> RunView.of(run, Map.of(), List.of(),
                run.getStatus() == RunStatus.HELD || run.getForceReason() != null ? gapsOf(run.getId()) : List.of(),
                List.of(), List.of()));
    }

    /** A run with its findings per rule, its partitions and the errors of the rules that threw in it. */
    public RunView get(long id) {
        AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
        RuleSet ruleSet = rules.current();
        List<RunErrorView> errors = errorStore.of(id, properties.maxErrorsPerRule(),
                code -> ruleSet.rule(code).map(RuleMeta::title).orElse(null));
        return RunView.of(run, ruleCounts(id), run.isPartitioned() ? PartitionView.of(jdbc, id) : List.of(),
                gapsOf(id), runTickets.held(id), errors);
    }

    /**
     * The latest held run, unless a run completed (with or without rule errors) after it (the data arrived
     * meanwhile): what the dashboard warns about.
     */
    public java.util.Optional<RunView> unresolvedHeld() {
        return runs.findFirstByStatusOrderByIdDesc(RunStatus.HELD)
                .filter(held -> runs.findFirstByStatusInOrderByIdDesc(COMPLETED)
                        .map(done -> done.getId() < held.getId()).orElse(true))
                .map(held -> RunView.of(held, Map.of(), List.of(), gapsOf(held.getId()), List.of(), List.of()));
    }

    /** The latest completed run, also one that completed with rule errors (its other results are whole). */
    public java.util.Optional<RunView> latestCompleted() {
        return runs.findFirstByStatusInOrderByIdDesc(COMPLETED).map(r -> RunView.of(r, ruleCounts(r.getId())));
    }

    private Map<String, Long> ruleCounts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule_code, findings FROM audit_run_rule_counts WHERE run_id = ? ORDER BY rule_code",
                rs -> {
                    counts.put(rs.getString("rule_code"), rs.getLong("findings"));
                }, runId);
        return counts;
    }

    /** A page of a run's findings, optionally of one rule, in a stable order. */
    public List<FindingView> findings(long runId, String ruleCode, int offset, int limit) {
        if (!runs.existsById(runId)) {
            throw new RunNotFoundException(runId);
        }
        String where = ruleCode == null ? "run_id = ?" : "run_id = ? AND rule_code = ?";
        Object[] args = ruleCode == null ? new Object[] {runId, limit, offset} : new Object[] {runId, ruleCode, limit, offset};
        return jdbc.query("SELECT * FROM findings WHERE " + where
                + " ORDER BY rule_code, subject_type, subject_id, period LIMIT ? OFFSET ?", AuditService::finding, args);
    }

    /**
     * Every finding of a run, in the order of {@link #findings}, handed over one at a time from a single query read
     * with a fetch size (in a transaction, so PostgreSQL streams it through a cursor; H2 keeps a large result on
     * disk): an export of any size costs one sort, where pages by OFFSET sort the run's findings again for each page.
     *
     * @return how many findings were handed over
     */
    public long forEachFinding(long runId, java.util.function.Consumer<FindingView> sink) {
        if (!runs.existsById(runId)) {
            throw new RunNotFoundException(runId);
        }
        Long count = tx.execute(status -> {
            long[] n = {0};
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT * FROM findings WHERE run_id = ?"
                        + " ORDER BY rule_code, subject_type, subject_id, period");
                statement.setFetchSize(1_000);
                statement.setLong(1, runId);
                return statement;
            }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                sink.accept(finding(rs, 0));
                n[0]++;
            });
            return n[0];
        });
        return count == null ? 0 : count;
    }

    private static FindingView finding(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new FindingView(rs.getLong("id"), rs.getLong("run_id"), rs.getString("rule_code"), rs.getString("theme"),
                rs.getString("severity"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("customer_no"), rs.getString("station_code"), rs.getString("period"),
                rs.getString("message"));
    }

    /** Findings per rule in the last {@code runs} completed runs, oldest first: each rule's trend. */
    public List<RuleRunCount> findingsPerRuleOfLastRuns(int runs) {
        return jdbc.query("SELECT c.rule_code, r.id, r.as_of, c.findings FROM audit_run_rule_counts c "
                        + "JOIN audit_runs r ON r.id = c.run_id WHERE r.id IN (SELECT id FROM audit_runs "
                        + "WHERE status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') ORDER BY id DESC FETCH FIRST "
                        + Math.max(1, runs) + " ROWS ONLY) "
                        + "ORDER BY c.rule_code, r.id",
                (rs, i) -> new RuleRunCount(rs.getString("rule_code"), rs.getLong("id"),
                        rs.getObject("as_of", LocalDate.class), rs.getLong("findings")));
    }

    /** How many findings a rule raised in one run. */
    public record RuleRunCount(String ruleCode, long runId, LocalDate asOf, long findings) {
    }

    public List<RuleMeta> ruleCatalogue() {
        return rules.current().rules();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
