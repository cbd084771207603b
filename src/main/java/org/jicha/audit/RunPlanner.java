package org.jicha.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jicha.audit.internal.ChangeTracker;
import org.jicha.facts.AuditContext;
import org.jicha.records.ColumnFill;
import org.jicha.records.RecordReader;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Plans a run before its first batch: whether its period's data has arrived, which rule set, rules and stations
 * it covers, and how it chooses its customers: SCOPED (part of the rules or units), INCREMENTAL on the last full
 * run when that run can serve as a base (the customers whose records changed, or whose findings time alone may
 * change, plus the findings carried over), else FULL with a look-ahead horizon. It records the run at its start
 * and says, as message keys ({@link RunNotes}), why a run could not be incremental and what it cannot compute.
 */
@Component
class RunPlanner {

    private static final Logger log = LoggerFactory.getLogger(RunPlanner.class);

    private final ActiveRuleSet rules;
    private final RecordReader reader;
    private final ChangeTracker changes;
    private final DataArrival arrival;
    private final AuditRunRepository runs;
    private final RunRecorder recorder;
    private final RunNotes notes;
    private final ColumnFill columns;
    private final AuditProperties properties;
    private final Clock clock;

    RunPlanner(
            ActiveRuleSet rules,
            RecordReader reader,
            ChangeTracker changes,
            DataArrival arrival,
            AuditRunRepository runs,
            RunRecorder recorder,
            RunNotes notes,
            ColumnFill columns,
            AuditProperties properties,
            Clock clock) {
        this.rules = rules;
        this.reader = reader;
        this.changes = changes;
        this.arrival = arrival;
        this.runs = runs;
        this.recorder = recorder;
        this.notes = notes;
        this.columns = columns;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A run as planned and recorded, with the rule set it took, its scope resolved against that set and the units,
     * and how it chooses its customers: {@code base} is an incremental run's base, {@code lookAhead} the context as
     * of the horizon a full or incremental run compares with (null: none), {@code planNote} what it says about its
     * plan when it completes.
     */
    record PlannedRun(
            AuditRun run,
            RuleSet ruleSet,
            List<RuleMeta> rules,
            Set<String> ruleCodes,
            Set<String> stations,
            AuditRun base,
            AuditContext lookAhead,
            String planNote) {}

    /**
     * The data-arrival check of a request that asks for it: the stations of its scope whose extract of the audited
     * period has not arrived, or null when it has (or the request is not checked).
     */
    DataArrival.Verdict missingData(RunRequest request) {
        if (request.dataCheck() == DataCheck.NONE) {
            return null;
        }
        YearMonth period = rules.current().contextAsOf(request.asOf()).auditedMonth();
        Set<String> stations = request.scope().allUnits()
                ? null
                : reader.unitSubtrees(request.scope().unitCodes());
        DataArrival.Verdict verdict = arrival.check(period, stations);
        return verdict.complete() ? null : verdict;
    }

    /**
     * Plans a run and records it at its start. A run a person started names the person (trail {@code RUN_STARTED});
     * one forced despite missing data ({@code missing} not null) carries the reason and the figures (trail
     * {@code RUN_FORCED}).
     *
     * @param recovers the crashed run this one re-runs, or null
     */
    PlannedRun plan(RunRequest request, Long recovers, DataArrival.Verdict missing) {
        // taken once: a rule set swapped in meanwhile applies to the next run, never to half of this one
        RuleSet ruleSet = rules.current();
        AuditContext ctx = ruleSet.contextAsOf(request.asOf());
        List<RuleMeta> inScope = request.scope().rulesOf(ruleSet);
        boolean scoped = !request.scope().allUnits() || !request.scope().allRules();
        Set<String> stations = request.scope().allUnits()
                ? null
                : reader.unitSubtrees(request.scope().unitCodes());
        String referenceHash = scoped ? null : changes.referenceHash();
        IncrementalBase base = scoped || !request.incremental()
                ? null
                : incrementalBase(request.asOf(), ctx.getAuditedPeriod(), ruleSet.contentHash(), referenceHash);
        long total = base != null && base.run() != null ? 0 : reader.countSubjects(stations);
        AuditRun run = AuditRun.start(
                request.asOf(),
                ctx.getAuditedPeriod(),
                ruleSet.contentHash(),
                inScope.size(),
                request.trigger(),
                request.planId(),
                request.scope().describe(),
                total,
                recovers,
                recorder.now());
        RunRecorder.startedBy(run, request, missing);
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
            note = base == null ? null : notes.bilingual("run.note.full", base.reason());
        }
        run = recorder.save(run);
        recorder.recordStart(run, request, missing);
        if (baseRun != null) {
            ChangeTracker.Candidates candidates = changes.selectCandidates(run.getId(), baseRun.getLoadsThrough());
            run.expectSubjects(candidates.total() + orphanApplications());
            run = recorder.save(run);
            note = notes.bilingual(
                    "run.note.incremental",
                    text(baseRun.getId()),
                    text(candidates.total()),
                    text(candidates.changed()),
                    text(candidates.recheck()));
            log.info(
                    "Audit run {} is incremental on run {}: {} changed and {} time-sensitive customers",
                    run.getId(),
                    baseRun.getId(),
                    candidates.changed(),
                    candidates.recheck());
        }
        LocalDate horizon = run.getHorizonOn();
        AuditContext lookAhead = horizon == null || !horizon.isAfter(request.asOf())
                ? null
                : new AuditContext(horizon, YearMonth.parse(ctx.getAuditedPeriod()), ruleSet.calendar());
        Set<String> ruleCodes = request.scope().allRules()
                ? null
                : inScope.stream().map(RuleMeta::code).collect(Collectors.toSet());
        return new PlannedRun(run, ruleSet, inScope, ruleCodes, stations, baseRun, lookAhead, note);
    }

    /** Why a run could or could not be incremental: its base, or the reason (a message key and its arguments). */
    private record IncrementalBase(AuditRun run, MessageSourceResolvable reason) {

        static IncrementalBase none(String key, Object... args) {
            return new IncrementalBase(null, RunNotes.part(key, args));
        }
    }

    /**
     * The run an incremental run as of {@code asOf} builds on: the latest completed run over everything, if it is
     * a full or incremental run of the same audited period and rule set, as of no later than {@code asOf}, whose
     * horizon reaches {@code asOf}, on the same tariffs, units and staff.
     */
    private IncrementalBase incrementalBase(LocalDate asOf, String period, String ruleSetHash, String referenceHash) {
        AuditRun last = runs.findFirstByStatusInAndModeInOrderByIdDesc(
                        RunQueries.COMPLETED, List.of(RunMode.FULL, RunMode.INCREMENTAL))
                .orElse(null);
        if (last == null) {
            return IncrementalBase.none("run.base.none");
        }
        String lastId = text(last.getId());
        if (last.getStatus() == RunStatus.COMPLETED_WITH_ERRORS) {
            // a rule that threw did not see every subject: its findings cannot be carried over
            return IncrementalBase.none("run.base.ruleErrors", lastId);
        }
        if (last.getHorizonOn() == null) {
            return IncrementalBase.none("run.base.noLookAhead", lastId);
        }
        if (!last.getAuditedPeriod().equals(period)) {
            return IncrementalBase.none("run.base.periodChanged", last.getAuditedPeriod(), period);
        }
        if (asOf.isBefore(last.getAsOf()) || asOf.isAfter(last.getHorizonOn())) {
            return IncrementalBase.none(
                    "run.base.outsideLookAhead", text(asOf), lastId, text(last.getAsOf()), text(last.getHorizonOn()));
        }
        if (!last.getRuleSetHash().equals(ruleSetHash)) {
            return IncrementalBase.none("run.base.ruleSetChanged");
        }
        if (last.getLoadsThrough() == null) {
            return IncrementalBase.none("run.base.noLoads", lastId);
        }
        if (!referenceHash.equals(last.getReferenceHash())) {
            return IncrementalBase.none("run.base.referenceChanged");
        }
        return new IncrementalBase(last, null);
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
        return columns.applicationsWithoutCustomer();
    }

    /**
     * What a completed run says about itself (null: nothing): its plan note, a working-day calendar that does not
     * cover a date it counts with, and the rules in scope that the stored data cannot compute.
     */
    String notes(RuleSet ruleSet, List<RuleMeta> inScope, AuditContext ctx, String planNote) {
        List<String> said = new ArrayList<>();
        if (planNote != null) {
            said.add(planNote);
        }
        for (LocalDate d : List.of(ctx.getPeriodStart(), ctx.getAsOf(), today())) {
            if (!ruleSet.calendar().covers(d)) {
                said.add(notes.bilingual("run.note.calendar", text(d.getYear())));
                break;
            }
        }
        said.addAll(uncomputableRules(inScope));
        return said.isEmpty() ? null : String.join("; ", said);
    }

    /**
     * Rules that cannot be computed from the stored data: a column a rule {@code @requires} holds no value in
     * any stored record (e.g. an extract without reactive energy cannot check the power-factor adjustment).
     * Said in the run's report instead of silently finding nothing.
     */
    private List<String> uncomputableRules(List<RuleMeta> inScope) {
        Map<String, List<String>> rulesByColumn = new TreeMap<>();
        for (RuleMeta rule : inScope) {
            rule.requires()
                    .forEach(c -> rulesByColumn
                            .computeIfAbsent(c, k -> new ArrayList<>())
                            .add(rule.code()));
        }
        List<String> said = new ArrayList<>();
        rulesByColumn.forEach((column, codes) -> {
            String state = switch (columns.of(column)) {
                case FILLED -> null;
                case EMPTY -> "run.note.column.empty";
                case UNKNOWN -> "run.note.column.unknown";
            };
            if (state != null) {
                said.add(notes.bilingual(
                        "run.note.uncomputable", String.join(", ", codes), column, RunNotes.part(state)));
            }
        });
        return said;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** An argument as text: a number said without grouping, a date as ISO. */
    private static String text(Object value) {
        return String.valueOf(value);
    }
}
