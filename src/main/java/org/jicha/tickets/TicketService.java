package org.jicha.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.records.UnitRecords;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.internal.TeamDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens and refreshes tickets from a run's findings, in bulk. A finding whose fingerprint has a ticket
 * refreshes its last-seen run; one whose ticket was verified, closed, or exempted past its expiry reopens it; a
 * new one (or one whose ticket was withdrawn) is staged, and when the run has covered its scope
 * ({@link #openNew}) the brake ({@link TicketBrake}) judges each rule's new tickets: they open DISPATCHED when the
 * responsible team exists, else NEW for an auditor to dispatch, or all AWAITING_CONFIRMATION when the run would
 * open far more of the rule's tickets than its earlier periods. At the end of a run, the tickets the run covered
 * but did not see again close the loop ({@link #markNotDetected}). Also the scoped search and read of tickets.
 *
 * <p>Long because it is the tickets' side of a run in one transaction-shaped API: record a batch's
 * findings (refresh, reopen, auto-verify, flag), stage and open new tickets through the brake, mark what was not
 * detected; each step is a JDBC batch over the same ticket columns.
 */
@Service
public class TicketService {

    private static final int CHUNK = 500;

    /** The states out of the loop (held by the brake, withdrawn), for SQL. */
    static final List<String> OUT_OF_LOOP = Arrays.stream(TicketStatus.values())
            .filter(TicketStatus::isOutOfLoop)
            .map(Enum::name)
            .toList();

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TicketRepository repository;
    private final AuditTrail trail;
    private final Clock clock;
    private final TicketProperties properties;
    private final BrakeProperties brake;
    private final UnitRecords units;
    private final MeterRegistry meters;

    public TicketService(
            JdbcTemplate jdbc,
            TicketRepository repository,
            AuditTrail trail,
            Clock clock,
            TicketProperties properties,
            BrakeProperties brake,
            UnitRecords units,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.repository = repository;
        this.trail = trail;
        this.clock = clock;
        this.properties = properties;
        this.brake = brake;
        this.units = units;
        this.meters = meters;
    }

    /**
     * Per run: who receives tickets, the dates tickets open on, which tickets the run covers ({@code scope}: a
     * scoped run marks "not detected" only tickets within it) and what the brake compares its new tickets with.
     */
    public TicketRound startRound(
            long runId, RuleSet ruleSet, LocalDate today, LocalDateTime now, RoundScope scope, BrakeBasis basis) {
        return new TicketRound(runId, ruleSet, TeamDirectory.read(units), today, now, scope, basis);
    }

    /** Opens or refreshes the tickets of a batch of findings; joins the caller's transaction. */
    @Transactional
    public void record(TicketRound round, Collection<Finding> findings) {
        List<Finding> all = new ArrayList<>(findings);
        for (int from = 0; from < all.size(); from += CHUNK) {
            recordChunk(round, all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private void recordChunk(TicketRound round, List<Finding> chunk) {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        chunk.forEach(f -> byFingerprint.putIfAbsent(f.fingerprint(), f));
        Map<String, Known> existing = new HashMap<>();
        named.query(
                "SELECT id, fingerprint, status, team_unit_code, exempt_until, version FROM inspection_tickets "
                        + "WHERE fingerprint IN (:fps)",
                new MapSqlParameterSource("fps", byFingerprint.keySet()),
                rs -> {
                    Date until = rs.getDate("exempt_until");
                    existing.put(
                            rs.getString("fingerprint"),
                            new Known(
                                    rs.getLong("id"),
                                    TicketStatus.valueOf(rs.getString("status")),
                                    rs.getString("team_unit_code"),
                                    until == null ? null : until.toLocalDate(),
                                    rs.getLong("version")));
                });
        List<Finding> refreshes = new ArrayList<>();
        List<Object[]> seenOnly = new ArrayList<>();
        List<Reopening> reopenings = new ArrayList<>();
        List<Object[]> openings = new ArrayList<>();
        for (Finding f : byFingerprint.values()) {
            Known known = existing.get(f.fingerprint());
            if (known == null || known.status() == TicketStatus.WITHDRAWN) {
                RuleMeta meta = round.ruleSet().rule(f.ruleCode()).orElseThrow();
                String team =
                        round.teams().teamFor(f.stationCode(), meta.teamKind().name());
                openings.add(new Object[] {
                    round.runId(),
                    f.fingerprint(),
                    f.ruleCode(),
                    f.theme().name(),
                    f.severity().name(),
                    meta.title(),
                    f.subjectType().name(),
                    f.subjectId(),
                    f.customerNo(),
                    f.period(),
                    f.stationCode(),
                    meta.teamKind().name(),
                    team,
                    f.message(),
                    meta.remedy(),
                    Timestamp.valueOf(round.now()),
                    dueFrom(round, f),
                    known == null ? null : known.id()
                });
            } else if (known.status() == TicketStatus.FALSE_POSITIVE) {
                seenOnly.add(new Object[] {round.runId(), f.fingerprint()});
            } else if (known.reopensOn(round.today())) {
                reopenings.add(new Reopening(known, f, dueFrom(round, f)));
            } else {
                refreshes.add(f);
            }
        }
        refreshes.addAll(reopen(round, reopenings));
        if (!refreshes.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE inspection_tickets SET last_seen_run_id = ?, message = ?, "
                            + "not_detected_since_run_id = NULL, needs_attention = FALSE, attention_note = NULL, "
                            + "version = version + 1 WHERE fingerprint = ?",
                    refreshes.stream()
                            .map(f -> new Object[] {round.runId(), f.message(), f.fingerprint()})
                            .toList());
        }
        if (!seenOnly.isEmpty()) {
            jdbc.batchUpdate(
                    "UPDATE inspection_tickets SET last_seen_run_id = ?, not_detected_since_run_id = NULL, "
                            + "version = version + 1 WHERE fingerprint = ?",
                    seenOnly);
        }
        if (!openings.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ticket_openings (run_id, fingerprint, rule_code, theme, severity, title, "
                            + "subject_type, subject_id, customer_no, period, station_code, team_kind, team_unit_code, message, "
                            + "remedy, opened_at, due_on, reopens_ticket_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    openings);
        }
    }

    /**
     * Opens the tickets the run staged (findings without a ticket, or whose ticket was withdrawn), once the run has
     * covered its scope: per rule the brake ({@link TicketBrake}) compares the new tickets with the rule's earlier
     * periods; a rule it holds opens AWAITING_CONFIRMATION (recorded in {@code ticket_brakes} for the auditors),
     * the others as any new ticket (DISPATCHED to the team, NEW without one). A withdrawn ticket found again is
     * reopened the same way. Joins the caller's transaction; call once per run, before {@link #markNotDetected}.
     *
     * @return the rules held
     */
    @Transactional
    public List<String> openNew(TicketRound round) {
        MapSqlParameterSource params = new MapSqlParameterSource("run", round.runId())
                .addValue("period", round.basis().auditedPeriod());
        Map<String, Long> staged = new TreeMap<>();
        named.query(
                "SELECT rule_code, COUNT(*) AS n FROM ticket_openings WHERE run_id = :run GROUP BY rule_code",
                params,
                rs -> {
                    staged.put(rs.getString("rule_code"), rs.getLong("n"));
                });
        if (staged.isEmpty()) {
            return List.of();
        }
        List<TicketBrake.Judgement> judged = judge(round.basis(), staged);
        List<String> held = judged.stream()
                .filter(TicketBrake.Judgement::held)
                .map(TicketBrake.Judgement::ruleCode)
                .toList();
        List<String> dispatched =
                staged.keySet().stream().filter(r -> !held.contains(r)).toList();
        String insert = "INSERT INTO inspection_tickets (fingerprint, rule_code, theme, severity, title, subject_type, "
                + "subject_id, customer_no, period, station_code, team_kind, team_unit_code, message, remedy, status, "
                + "opened_at, due_on, first_run_id, last_seen_run_id, opened_run_id, opened_period, occurrences, version) "
                + "SELECT o.fingerprint, o.rule_code, o.theme, o.severity, o.title, o.subject_type, o.subject_id, "
                + "o.customer_no, o.period, o.station_code, o.team_kind, o.team_unit_code, o.message, o.remedy, %s, "
                + "o.opened_at, o.due_on, o.run_id, o.run_id, o.run_id, CAST(:period AS VARCHAR(7)), 1, 0 "
                + "FROM ticket_openings o WHERE o.run_id = :run AND o.reopens_ticket_id IS NULL AND o.rule_code IN (:rules) "
                + "AND NOT EXISTS (SELECT 1 FROM inspection_tickets t WHERE t.fingerprint = o.fingerprint)";
        if (!dispatched.isEmpty()) {
            named.update(
                    insert.formatted("CASE WHEN o.team_unit_code IS NULL THEN 'NEW' ELSE 'DISPATCHED' END"),
                    new MapSqlParameterSource(params.getValues()).addValue("rules", dispatched));
            recordSystemDispatches(round);
        }
        if (!held.isEmpty()) {
            named.update(
                    insert.formatted("'" + TicketStatus.AWAITING_CONFIRMATION.name() + "'"),
                    new MapSqlParameterSource(params.getValues()).addValue("rules", held));
            recordBrakes(
                    round, judged.stream().filter(TicketBrake.Judgement::held).toList());
        }
        reopenWithdrawn(round, held);
        named.update("DELETE FROM ticket_openings WHERE run_id = :run", params);
        countOpened(staged);
        return held;
    }

    /**
     * The first entry of the history of each ticket the run just opened DISPATCHED: the system dispatched it to its
     * team for this run, when it opened (DISPATCH, NEW to DISPATCHED, actor "system", the run). One INSERT ...
     * SELECT: a run opens tens of thousands of tickets. A held ticket gets its entry when an auditor confirms it
     * (CONFIRM, by the auditor), one opened NEW when an auditor dispatches it.
     */
    private void recordSystemDispatches(TicketRound round) {
        named.update(
                "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, team_unit_code, "
                        + "run_id) SELECT t.id, t.opened_at, :actor, :action, :from, :to, t.team_unit_code, :run "
                        + "FROM inspection_tickets t WHERE t.opened_run_id = :run AND t.first_run_id = :run "
                        + "AND t.status = :to "
                        + "AND NOT EXISTS (SELECT 1 FROM ticket_transitions x WHERE x.ticket_id = t.id)",
                new MapSqlParameterSource("run", round.runId())
                        .addValue("actor", Actor.SYSTEM.username())
                        .addValue("action", TicketAction.DISPATCH.name())
                        .addValue("from", TicketStatus.NEW.name())
                        .addValue("to", TicketStatus.DISPATCHED.name()));
    }

    /**
     * {@code jicha.tickets.opened} per rule (the rule codes bound the series), once the run's transaction has
     * committed: tickets opened (dispatched, new, or held by the brake for confirmation) and withdrawn ones reopened.
     */
    private void countOpened(Map<String, Long> perRule) {
        Runnable count = () -> perRule.forEach((rule, n) -> Counter.builder("jicha.tickets.opened")
                .description("Inspection tickets opened by audit runs, per rule")
                .tag("rule", rule)
                .register(meters)
                .increment(n));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    /** Forgets what a run staged and will not open (it failed, or was interrupted). */
    @Transactional
    public void discardOpenings(long runId) {
        jdbc.update("DELETE FROM ticket_openings WHERE run_id = ?", runId);
    }

    /** The brake's judgement of each rule with staged tickets. */
    private List<TicketBrake.Judgement> judge(BrakeBasis basis, Map<String, Long> staged) {
        MapSqlParameterSource params = new MapSqlParameterSource("rules", staged.keySet()).addValue("out", OUT_OF_LOOP);
        Map<String, List<String>> earlier = new HashMap<>();
        Set<String> periods = new TreeSet<>();
        periods.add(basis.auditedPeriod());
        for (String rule : staged.keySet()) {
            List<String> list = basis.earlierPeriods().getOrDefault(rule, List.of()).stream()
                    .limit(brake.lookbackPeriods())
                    .toList();
            earlier.put(rule, list);
            periods.addAll(list);
        }
        Map<String, Long> counts = new HashMap<>();
        named.query(
                "SELECT rule_code, opened_period, COUNT(*) AS n FROM inspection_tickets WHERE rule_code IN (:rules) "
                        + "AND opened_period IN (:periods) AND status NOT IN (:out) GROUP BY rule_code, opened_period",
                params.addValue("periods", periods),
                rs -> {
                    counts.put(rs.getString("rule_code") + "|" + rs.getString("opened_period"), rs.getLong("n"));
                });
        List<TicketBrake.Judgement> judged = new ArrayList<>();
        staged.forEach((rule, n) -> {
            List<Long> history = earlier.get(rule).stream()
                    .map(p -> counts.getOrDefault(rule + "|" + p, 0L))
                    .toList();
            judged.add(TicketBrake.judge(
                    rule, n, counts.getOrDefault(rule + "|" + basis.auditedPeriod(), 0L), history, brake));
        });
        return judged;
    }

    private void recordBrakes(TicketRound round, List<TicketBrake.Judgement> held) {
        jdbc.batchUpdate(
                "INSERT INTO ticket_brakes (run_id, rule_code, audited_period, new_tickets, period_tickets, "
                        + "history_median, history_periods) VALUES (?, ?, ?, ?, ?, ?, ?)",
                held.stream()
                        .map(j -> new Object[] {
                            round.runId(),
                            j.ruleCode(),
                            round.basis().auditedPeriod(),
                            j.newTickets(),
                            j.periodTickets(),
                            j.median() == null ? null : BigDecimal.valueOf(j.median()),
                            j.periods()
                        })
                        .toList());
        trail.record(
                Actor.SYSTEM.username(),
                "TICKETS_HELD",
                "run:" + round.runId(),
                held.stream()
                        .map(j -> j.ruleCode() + " " + j.newTickets() + " new, " + j.periodTickets() + " in "
                                + round.basis().auditedPeriod() + ", median " + (j.median() == null ? "-" : j.median())
                                + " over " + j.periods() + " periods")
                        .collect(Collectors.joining("; ")));
    }

    /**
     * The withdrawn tickets the run found again: reopened (REOPEN, by the system) as a new ticket would open, held
     * with their rule when the brake holds it, due anew, counted once more, opened by this run.
     */
    private void reopenWithdrawn(TicketRound round, List<String> heldRules) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        named.query(
                "SELECT reopens_ticket_id, rule_code, team_unit_code, message, opened_at, due_on FROM ticket_openings "
                        + "WHERE run_id = :run AND reopens_ticket_id IS NOT NULL",
                new MapSqlParameterSource("run", round.runId()),
                rs -> {
                    String team = rs.getString("team_unit_code");
                    TicketStatus to = heldRules.contains(rs.getString("rule_code"))
                            ? TicketStatus.AWAITING_CONFIRMATION
                            : team == null ? TicketStatus.NEW : TicketStatus.DISPATCHED;
                    long id = rs.getLong("reopens_ticket_id");
                    updates.add(new Object[] {
                        to.name(),
                        team,
                        rs.getString("message"),
                        rs.getTimestamp("opened_at"),
                        rs.getDate("due_on"),
                        round.runId(),
                        round.runId(),
                        round.basis().auditedPeriod(),
                        id
                    });
                    transitions.add(new Object[] {
                        id,
                        Timestamp.valueOf(round.now()),
                        Actor.SYSTEM.username(),
                        TicketAction.REOPEN.name(),
                        TicketStatus.WITHDRAWN.name(),
                        to.name(),
                        InspectionTicket.REOPEN_COMMENT,
                        round.runId()
                    });
                });
        if (updates.isEmpty()) {
            return;
        }
        int[] counts = jdbc.batchUpdate(
                "UPDATE inspection_tickets SET status = ?, team_unit_code = ?, message = ?, "
                        + "opened_at = ?, due_on = ?, opened_run_id = ?, last_seen_run_id = ?, opened_period = ?, "
                        + "occurrences = occurrences + 1, not_detected_since_run_id = NULL, needs_attention = FALSE, "
                        + "attention_note = NULL, version = version + 1 WHERE id = ? AND status = 'WITHDRAWN'",
                updates);
        List<Object[]> done = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                done.add(transitions.get(i));
            }
        }
        if (!done.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, "
                            + "comment, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    done);
            trail.record(
                    Actor.SYSTEM.username(),
                    "TICKET_" + TicketAction.REOPEN,
                    "run:" + round.runId(),
                    summary(done.stream().map(t -> (Long) t[0]).toList()));
        }
    }

    /**
     * Reopens the tickets whose finding is back (REOPEN, by the system): to the team again when it is known, else
     * to the auditors, one more occurrence, due anew from today. An update guarded by the version read, so a
     * ticket a person changed meanwhile is only refreshed.
     *
     * @return the findings whose ticket changed meanwhile, to be refreshed instead
     */
    private List<Finding> reopen(TicketRound round, List<Reopening> reopenings) {
        if (reopenings.isEmpty()) {
            return List.of();
        }
        int[] counts = jdbc.batchUpdate(
                "UPDATE inspection_tickets SET status = ?, occurrences = occurrences + 1, "
                        + "due_on = ?, exempt_until = NULL, needs_attention = FALSE, attention_note = NULL, "
                        + "last_seen_run_id = ?, message = ?, not_detected_since_run_id = NULL, version = version + 1 "
                        + "WHERE id = ? AND version = ?",
                reopenings.stream()
                        .map(r -> new Object[] {
                            r.to().name(),
                            r.due(),
                            round.runId(),
                            r.finding().message(),
                            r.known().id(),
                            r.known().version()
                        })
                        .toList());
        List<Object[]> transitions = new ArrayList<>();
        List<Finding> changedMeanwhile = new ArrayList<>();
        for (int i = 0; i < reopenings.size(); i++) {
            Reopening r = reopenings.get(i);
            if (counts[i] == 0) {
                changedMeanwhile.add(r.finding());
                continue;
            }
            transitions.add(new Object[] {
                r.known().id(),
                Timestamp.valueOf(round.now()),
                Actor.SYSTEM.username(),
                TicketAction.REOPEN.name(),
                r.known().status().name(),
                r.to().name(),
                InspectionTicket.REOPEN_COMMENT,
                round.runId()
            });
        }
        if (!transitions.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, "
                            + "comment, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    transitions);
            trail.record(
                    Actor.SYSTEM.username(),
                    "TICKET_" + TicketAction.REOPEN,
                    "run:" + round.runId(),
                    summary(transitions.stream().map(t -> (Long) t[0]).toList()));
        }
        return changedMeanwhile;
    }

    private static LocalDate dueFrom(TicketRound round, Finding f) {
        RuleMeta meta = round.ruleSet().rule(f.ruleCode()).orElseThrow();
        return round.ruleSet().calendar().plusWorkingDays(round.today(), meta.rectifyDays());
    }

    /**
     * Closes the loop for the tickets this run covered but did not see again: a FEEDBACK_SUBMITTED ticket is
     * verified (AUTO_VERIFY), a DISPATCHED or RETURNED one is flagged for the auditor (FLAG; its team never
     * reported back), and every such ticket is marked as not detected since this run. Bulk SQL; the transition
     * rows are inserted with INSERT ... SELECT before each update, over the same condition.
     *
     * @return how many tickets were marked not detected
     */
    @Transactional
    public int markNotDetected(TicketRound round, String auditedPeriod) {
        List<String> codes = round.coveredRuleCodes();
        Set<String> stations = round.scope().stationCodes();
        if (codes.isEmpty() || (stations != null && stations.isEmpty())) {
            return 0;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("run", round.runId())
                .addValue("codes", codes)
                .addValue("period", auditedPeriod)
                .addValue("now", Timestamp.valueOf(round.now()))
                .addValue("system", Actor.SYSTEM.username())
                .addValue("stations", stations);
        String goneThisRun = "last_seen_run_id < :run AND " + coveredByRun(stations != null);

        params.addValue("verifyFrom", TicketTransitions.fromNames(TicketAction.AUTO_VERIFY));
        systemTransition(
                TicketAction.AUTO_VERIFY,
                goneThisRun + " AND status IN (:verifyFrom)",
                "'VERIFIED'",
                InspectionTicket.AUTO_VERIFY_COMMENT,
                "status = 'VERIFIED', needs_attention = FALSE, attention_note = NULL",
                params,
                round.runId());
        params.addValue("flagFrom", TicketTransitions.fromNames(TicketAction.FLAG));
        systemTransition(
                TicketAction.FLAG,
                goneThisRun + " AND status IN (:flagFrom) AND needs_attention = FALSE",
                "status",
                InspectionTicket.FLAG_NOTE,
                "needs_attention = TRUE, attention_note = :comment",
                params,
                round.runId());

        return named.update(
                "UPDATE inspection_tickets SET not_detected_since_run_id = :run, version = version + 1 "
                        + "WHERE not_detected_since_run_id IS NULL AND " + goneThisRun,
                params);
    }

    /**
     * One automatic step over every ticket matching {@code where}: a transition row each (actor system, this
     * run), the change itself, and one trail entry listing the tickets. {@code toStatus} is SQL (a literal or
     * {@code status} for a step that keeps the state); the comment is bound as {@code :comment}.
     */
    private void systemTransition(
            TicketAction action,
            String where,
            String toStatus,
            String comment,
            String set,
            MapSqlParameterSource params,
            long runId) {
        params.addValue("comment", comment).addValue("action", action.name());
        List<Long> ids = named.queryForList("SELECT id FROM inspection_tickets WHERE " + where, params, Long.class);
        if (ids.isEmpty()) {
            return;
        }
        named.update(
                "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, comment, "
                        + "run_id) SELECT id, CAST(:now AS TIMESTAMP), :system, :action, status, " + toStatus
                        + ", :comment, "
                        + ":run FROM inspection_tickets WHERE " + where,
                params);
        named.update("UPDATE inspection_tickets SET " + set + ", version = version + 1 WHERE " + where, params);
        trail.record(Actor.SYSTEM.username(), "TICKET_" + action, "run:" + runId, summary(ids));
    }

    /**
     * Which tickets this run covered, the one place that says so: tickets of the run's rules (of its scope)
     * whose period is empty (state rules) or the run's audited period, and of its stations when the run is
     * scoped. Parameters {@code :codes}, {@code :period} and {@code :stations}.
     */
    private static String coveredByRun(boolean stationScoped) {
        return "rule_code IN (:codes) AND (period IS NULL OR period = :period)"
                + (stationScoped ? " AND station_code IN (:stations)" : "");
    }

    private static String summary(List<Long> ids) {
        String shown = ids.stream().limit(200).map(String::valueOf).collect(Collectors.joining(","));
        return ids.size() + " tickets: " + shown + (ids.size() > 200 ? ",..." : "");
    }

    /**
     * Tickets the actor may see that match the filter, paged. The scope is part of the query: a user bound to a
     * unit sees the tickets whose team or station lies in that unit's subtree. Without a status filter, the tickets
     * out of the loop (awaiting confirmation, withdrawn) are left out; they are listed when asked for by status.
     */
    @Transactional(readOnly = true)
    public Page<InspectionTicket> search(TicketFilter filter, Actor actor, Pageable pageable) {
        Specification<InspectionTicket> spec = visibleTo(actor);
        if (filter.status() == null) {
            List<TicketStatus> inLoop = Arrays.stream(TicketStatus.values())
                    .filter(st -> !st.isOutOfLoop())
                    .toList();
            spec = spec.and((root, query, cb) -> root.get("status").in(inLoop));
        }
        if (filter.theme() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("theme"), filter.theme()));
        }
        if (filter.rule() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ruleCode"), filter.rule()));
        }
        if (filter.unit() != null) {
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.equal(root.get("teamUnitCode"), filter.unit()),
                    cb.equal(root.get("stationCode"), filter.unit())));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.needsAttention() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("needsAttention"), filter.needsAttention()));
        }
        if (filter.overdue() != null) {
            LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
            List<TicketStatus> open = Arrays.stream(TicketStatus.values())
                    .filter(TicketStatus::isOpen)
                    .toList();
            Specification<InspectionTicket> overdue =
                    (root, query, cb) -> cb.and(root.get("status").in(open), cb.lessThan(root.get("dueOn"), today));
            spec = spec.and(filter.overdue() ? overdue : Specification.not(overdue));
        }
        return repository.findAll(spec, pageable);
    }

    /**
     * A ticket the actor may see.
     *
     * @throws TicketNotFoundException when there is none, or the actor may not see it (its existence is not told)
     */
    @Transactional(readOnly = true)
    public InspectionTicket get(long id, Actor actor) {
        return find(id, actor);
    }

    InspectionTicket find(long id, Actor actor) {
        Specification<InspectionTicket> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return repository.findOne(byId.and(visibleTo(actor))).orElseThrow(() -> new TicketNotFoundException(id));
    }

    /**
     * The reading scope: everything, or tickets whose team or station is among the actor's units. A TEAM user never
     * sees a ticket the brake holds for the auditors (it is not the team's until confirmed).
     */
    static Specification<InspectionTicket> visibleTo(Actor actor) {
        Specification<InspectionTicket> units = unitsOf(actor);
        if (actor.is(Role.TEAM)) {
            return units.and((root, query, cb) -> cb.notEqual(root.get("status"), TicketStatus.AWAITING_CONFIRMATION));
        }
        return units;
    }

    private static Specification<InspectionTicket> unitsOf(Actor actor) {
        if (actor.seesEverything()) {
            return (root, query, cb) -> cb.conjunction();
        }
        Set<String> units = actor.visibleUnits();
        if (units.isEmpty()) {
            return (root, query, cb) -> cb.disjunction();
        }
        return (root, query, cb) -> cb.or(
                root.get("teamUnitCode").in(units), root.get("stationCode").in(units));
    }

    @Transactional(readOnly = true)
    public Map<String, Map<TicketStatus, Long>> countsByRuleAndStatus() {
        Map<String, Map<TicketStatus, Long>> counts = new TreeMap<>();
        jdbc.query("SELECT rule_code, status, COUNT(*) AS n FROM inspection_tickets GROUP BY rule_code, status", rs -> {
            counts.computeIfAbsent(rs.getString("rule_code"), k -> new EnumMap<>(TicketStatus.class))
                    .put(TicketStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    /** Open tickets per theme, for the overview. */
    @Transactional(readOnly = true)
    public Map<String, Long> openByTheme() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT theme, COUNT(*) AS n FROM inspection_tickets WHERE status IN ('NEW', 'DISPATCHED', "
                        + "'FEEDBACK_SUBMITTED', 'RETURNED', 'SCOPE_REJECTED') GROUP BY theme ORDER BY theme",
                rs -> {
                    counts.put(rs.getString("theme"), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Per-run context for ticket bookkeeping; {@code scope} says which tickets the run covers, {@code basis} what
     * the brake compares its new tickets with.
     */
    public record TicketRound(
            long runId,
            RuleSet ruleSet,
            TeamDirectory teams,
            LocalDate today,
            LocalDateTime now,
            RoundScope scope,
            BrakeBasis basis) {

        public TicketRound {
            scope = scope == null ? RoundScope.ALL : scope;
            Objects.requireNonNull(basis, "basis");
        }

        /** The codes of the rules this round covers: the scope's, else every rule of the set. */
        public List<String> coveredRuleCodes() {
            return ruleSet.rules().stream()
                    .map(RuleMeta::code)
                    .filter(c -> scope.ruleCodes() == null || scope.ruleCodes().contains(c))
                    .toList();
        }

        /**
         * This round without some rules (those that threw in the run, issue 11): their tickets are not marked
         * "not detected" by it, since the run did not see all their subjects.
         */
        public TicketRound without(Set<String> ruleCodes) {
            Set<String> covered = new HashSet<>(coveredRuleCodes());
            covered.removeAll(ruleCodes);
            return new TicketRound(
                    runId, ruleSet, teams, today, now, new RoundScope(covered, scope.stationCodes()), basis);
        }
    }

    /**
     * What a scoped run covers for ticket bookkeeping: rule codes and station codes; null = all. A run marks
     * "not detected" only the tickets of rules in scope AND of stations in scope.
     */
    public record RoundScope(Set<String> ruleCodes, Set<String> stationCodes) {

        public static final RoundScope ALL = new RoundScope(null, null);

        public RoundScope {
            ruleCodes = ruleCodes == null ? null : Set.copyOf(ruleCodes);
            stationCodes = stationCodes == null ? null : Set.copyOf(stationCodes);
        }
    }

    /**
     * What the brake compares a run's new tickets with: the run's audited period, and per rule the earlier audited
     * periods (newest first) in which a completed, not withdrawn run over everything evaluated it.
     */
    public record BrakeBasis(String auditedPeriod, Map<String, List<String>> earlierPeriods) {

        public BrakeBasis {
            Objects.requireNonNull(auditedPeriod, "auditedPeriod");
            earlierPeriods = earlierPeriods == null ? Map.of() : Map.copyOf(earlierPeriods);
        }
    }

    /** A ticket as the run found it before refreshing it. */
    private record Known(long id, TicketStatus status, String teamUnitCode, LocalDate exemptUntil, long version) {

        /** Its finding is back: a verified or closed ticket, or an exemption past its expiry. */
        boolean reopensOn(LocalDate today) {
            if (!TicketTransitions.from(TicketAction.REOPEN).contains(status)) {
                return false;
            }
            return status != TicketStatus.EXEMPTED || (exemptUntil != null && today.isAfter(exemptUntil));
        }
    }

    private record Reopening(Known known, Finding finding, LocalDate due) {

        TicketStatus to() {
            return known.teamUnitCode() == null ? TicketStatus.NEW : TicketStatus.DISPATCHED;
        }
    }
}
