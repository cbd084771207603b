package org.jicha.tickets;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A run's tickets taken as a whole, by an auditor: the rules whose new tickets the brake held, confirmed (they go
 * on as any new ticket: to the team) or withdrawn per run and rule, and the withdrawal of a whole run (the tickets
 * it opened that nobody has worked on yet). Bulk SQL like the re-audit's: a transition row per ticket (the
 * auditor, the run), the change guarded by the state, one trail entry per decision.
 *
 * <p>Slightly long: confirming, withdrawing and reporting a run's tickets share the same selection of a run's
 * held or untouched tickets.
 */
@Service
public class RunTickets {

    private static final int CHUNK = 1000;

    /**
     * Worked on by a person since it was opened: any transition by a person other than the confirmation of its held
     * rule (a decision about the run, not work on the ticket), or an evidence file. Parameter-free; alias {@code t}.
     */
    static final String TOUCHED = "(EXISTS (SELECT 1 FROM ticket_transitions x WHERE x.ticket_id = t.id "
            + "AND x.actor <> 'system' AND x.action <> 'CONFIRM' AND x.at >= t.opened_at) "
            + "OR EXISTS (SELECT 1 FROM ticket_attachments a WHERE a.ticket_id = t.id AND a.uploaded_at >= t.opened_at))";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail trail;
    private final ActiveRuleSet rules;
    private final Clock clock;
    private final TicketProperties properties;

    RunTickets(JdbcTemplate jdbc, AuditTrail trail, ActiveRuleSet rules, Clock clock, TicketProperties properties) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.trail = trail;
        this.rules = rules;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * A rule whose new tickets a run held: the figures the brake judged (the run's new tickets, the rule's tickets
     * of the period with them, the median of its earlier periods, null when it had none, over how many), how many
     * still wait, and the auditors' decision (null while they wait).
     */
    public record HeldRule(
            long runId,
            String ruleCode,
            String auditedPeriod,
            long newTickets,
            long periodTickets,
            Double historyMedian,
            int historyPeriods,
            long waiting,
            String decision,
            String decidedBy,
            LocalDateTime decidedAt,
            String decisionReason) {}

    /** The tickets a decision on a rule's held tickets moved. */
    public record Outcome(List<Long> changed) {}

    /**
     * A run's withdrawal: the tickets this call withdrew, every ticket of the run now withdrawn, and those kept
     * because a person has worked on them (the same answer when the withdrawal is repeated, but nothing new).
     */
    public record Withdrawal(List<Long> newlyWithdrawn, List<Long> withdrawn, List<KeptTicket> kept) {}

    /** A ticket a withdrawal left, with its state: a person has worked on it. */
    public record KeptTicket(long id, String ruleCode, TicketStatus status) {}

    /** The rules whose new tickets the run held, with their figures and decisions. */
    @Transactional(readOnly = true)
    public List<HeldRule> held(long runId) {
        return jdbc.query(
                "SELECT b.*, (SELECT COUNT(*) FROM inspection_tickets t WHERE t.opened_run_id = b.run_id "
                        + "AND t.rule_code = b.rule_code AND t.status = 'AWAITING_CONFIRMATION') AS waiting "
                        + "FROM ticket_brakes b WHERE b.run_id = ? ORDER BY b.rule_code",
                (rs, i) -> new HeldRule(
                        rs.getLong("run_id"),
                        rs.getString("rule_code"),
                        rs.getString("audited_period"),
                        rs.getLong("new_tickets"),
                        rs.getLong("period_tickets"),
                        rs.getBigDecimal("history_median") == null
                                ? null
                                : rs.getBigDecimal("history_median").doubleValue(),
                        rs.getInt("history_periods"),
                        rs.getLong("waiting"),
                        rs.getString("decision"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null
                                ? null
                                : rs.getTimestamp("decided_at").toLocalDateTime(),
                        rs.getString("decision_reason")),
                runId);
    }

    /** Tickets of the whole company waiting for the auditors' confirmation, for the dashboard. */
    @Transactional(readOnly = true)
    public long awaitingConfirmation() {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inspection_tickets WHERE status = 'AWAITING_CONFIRMATION'", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * AUDITOR: the held tickets of a run's rule are right: each goes on as a new ticket would (DISPATCHED to its
     * team, NEW without one), due anew from today by the rule's rectification days.
     *
     * @throws TicketActionForbiddenException for another role
     * @throws HeldTicketsDecidedException    when the run held no tickets of that rule, or they were decided already
     */
    @Transactional
    public Outcome confirm(long runId, String ruleCode, String comment, Actor by) {
        TicketTransitions.checkRole(TicketAction.CONFIRM, by);
        requireUndecided(runId, ruleCode);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        RuleSet ruleSet = rules.current();
        LocalDate due = ruleSet.rule(ruleCode)
                .map(RuleMeta::rectifyDays)
                .map(days -> ruleSet.calendar().plusWorkingDays(today, days))
                .orElse(null);
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        MapSqlParameterSource p = held(runId, ruleCode)
                .addValue("actor", by.username())
                .addValue("now", now())
                .addValue("action", TicketAction.CONFIRM.name())
                .addValue("comment", note)
                .addValue("due", due == null ? null : Date.valueOf(due));
        String where = "opened_run_id = :run AND rule_code = :rule AND status = 'AWAITING_CONFIRMATION'";
        List<Long> ids =
                named.queryForList("SELECT id FROM inspection_tickets WHERE " + where + " ORDER BY id", p, Long.class);
        String to = "CASE WHEN team_unit_code IS NULL THEN 'NEW' ELSE 'DISPATCHED' END";
        named.update(
                "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, comment, "
                        + "run_id) SELECT id, CAST(:now AS TIMESTAMP), :actor, :action, status, " + to + ", "
                        + "CAST(:comment AS VARCHAR(2000)), :run "
                        + "FROM inspection_tickets WHERE " + where,
                p);
        named.update(
                "UPDATE inspection_tickets SET status = " + to + (due == null ? "" : ", due_on = :due")
                        + ", version = version + 1 WHERE " + where,
                p);
        decide(runId, ruleCode, "CONFIRMED", by, note);
        trail.record(
                by.username(),
                "TICKETS_CONFIRMED",
                "run:" + runId,
                ruleCode + ": " + summary(ids) + (note == null ? "" : " " + note));
        return new Outcome(ids);
    }

    /**
     * AUDITOR: the held tickets of a run's rule are not to go out: withdrawn (kept with their history) with the
     * reason.
     *
     * @throws TicketActionForbiddenException for another role
     * @throws MissingTicketFieldException    without a reason
     * @throws HeldTicketsDecidedException    when the run held no tickets of that rule, or they were decided already
     */
    @Transactional
    public Outcome withdrawHeld(long runId, String ruleCode, String reason, Actor by) {
        TicketTransitions.checkRole(TicketAction.WITHDRAW, by);
        String why = requiredReason(reason);
        requireUndecided(runId, ruleCode);
        List<Long> ids = withdraw(
                held(runId, ruleCode),
                "t.opened_run_id = :run AND t.rule_code = :rule " + "AND t.status = 'AWAITING_CONFIRMATION'",
                why,
                by);
        decide(runId, ruleCode, "WITHDRAWN", by, why);
        trail.record(by.username(), "TICKETS_WITHDRAWN", "run:" + runId, ruleCode + ": " + summary(ids) + " " + why);
        return new Outcome(ids);
    }

    /**
     * AUDITOR: withdraws what a run opened: its tickets that no person has worked on yet ({@link #TOUCHED}) go to
     * WITHDRAWN with the reason; the others are kept and listed. The rules the run held and nobody decided are
     * recorded as withdrawn. Safe to repeat: a second call changes nothing that the first did not.
     */
    @Transactional
    public Withdrawal withdrawRun(long runId, String reason, Actor by) {
        TicketTransitions.checkRole(TicketAction.WITHDRAW, by);
        String why = requiredReason(reason);
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId)
                .addValue("from", TicketTransitions.fromNames(TicketAction.WITHDRAW));
        List<Long> ids = withdraw(p, "t.opened_run_id = :run AND t.status IN (:from) AND NOT " + TOUCHED, why, by);
        named.update(
                "UPDATE ticket_brakes SET decision = 'WITHDRAWN', decided_by = :actor, decided_at = :now, "
                        + "decision_reason = :reason WHERE run_id = :run AND decision IS NULL",
                new MapSqlParameterSource("run", runId)
                        .addValue("actor", by.username())
                        .addValue("now", now())
                        .addValue("reason", why));
        List<Long> withdrawn = jdbc.queryForList(
                "SELECT id FROM inspection_tickets WHERE opened_run_id = ? " + "AND status = 'WITHDRAWN' ORDER BY id",
                Long.class,
                runId);
        List<KeptTicket> kept = jdbc.query(
                "SELECT id, rule_code, status FROM inspection_tickets WHERE opened_run_id = ? "
                        + "AND status <> 'WITHDRAWN' ORDER BY id",
                (rs, i) -> new KeptTicket(
                        rs.getLong("id"), rs.getString("rule_code"), TicketStatus.valueOf(rs.getString("status"))),
                runId);
        return new Withdrawal(ids, withdrawn, kept);
    }

    /** Withdraws the tickets matching {@code where} (alias {@code t}): a transition each, then the change. */
    private List<Long> withdraw(MapSqlParameterSource p, String where, String reason, Actor by) {
        p.addValue("actor", by.username())
                .addValue("now", now())
                .addValue("action", TicketAction.WITHDRAW.name())
                .addValue("comment", reason);
        List<Long> ids = named.queryForList(
                "SELECT t.id FROM inspection_tickets t WHERE " + where + " ORDER BY t.id", p, Long.class);
        if (ids.isEmpty()) {
            return ids;
        }
        // chosen first, then changed by id in chunks: the withdrawal's own transitions would count as a person's work
        for (int from = 0; from < ids.size(); from += CHUNK) {
            MapSqlParameterSource byId = new MapSqlParameterSource(p.getValues())
                    .addValue("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            named.update(
                    "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status, comment, "
                            + "run_id) SELECT id, CAST(:now AS TIMESTAMP), :actor, :action, status, 'WITHDRAWN', "
                            + "CAST(:comment AS VARCHAR(2000)), :run "
                            + "FROM inspection_tickets WHERE id IN (:ids)",
                    byId);
            named.update(
                    "UPDATE inspection_tickets SET status = 'WITHDRAWN', needs_attention = FALSE, "
                            + "attention_note = NULL, version = version + 1 WHERE id IN (:ids)",
                    byId);
        }
        return ids;
    }

    private void requireUndecided(long runId, String ruleCode) {
        List<String> decision = jdbc.query(
                "SELECT decision FROM ticket_brakes WHERE run_id = ? AND rule_code = ?",
                (rs, i) -> rs.getString(1) == null ? "" : rs.getString(1),
                runId,
                ruleCode);
        if (decision.isEmpty()) {
            throw new HeldTicketsDecidedException(
                    "稽查运行 " + runId + " 没有待确认的 " + ruleCode + " 工单 / run " + runId + " held no tickets of " + ruleCode);
        }
        if (!decision.get(0).isEmpty()) {
            throw new HeldTicketsDecidedException("稽查运行 " + runId + " 的 " + ruleCode + " 工单已处理（" + decision.get(0)
                    + "） / the held tickets of " + ruleCode + " in run " + runId + " were " + decision.get(0));
        }
    }

    private void decide(long runId, String ruleCode, String decision, Actor by, String reason) {
        jdbc.update(
                "UPDATE ticket_brakes SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ? "
                        + "WHERE run_id = ? AND rule_code = ?",
                decision,
                by.username(),
                now(),
                reason,
                runId,
                ruleCode);
    }

    private static MapSqlParameterSource held(long runId, String ruleCode) {
        return new MapSqlParameterSource("run", runId).addValue("rule", ruleCode);
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new MissingTicketFieldException("reason", "须说明撤回理由", "a reason is required");
        }
        String r = reason.strip();
        return r.length() > 2000 ? r.substring(0, 2000) : r;
    }

    private Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now(clock.withZone(properties.zone())));
    }

    private static String summary(List<Long> ids) {
        return ids.size() + " tickets: "
                + ids.stream().limit(200).map(String::valueOf).collect(Collectors.joining(","))
                + (ids.size() > 200 ? ",..." : "");
    }
}
