package org.jicha.tickets;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jicha.people.Actor;

/**
 * An inspection ticket (督办单): what is wrong (the finding's evidence), why and how to fix it (the
 * rule's remedy), for whom (the responsible team) and by when. Tickets are opened and refreshed in bulk
 * by {@link TicketService} as runs report findings; the rectification workflow (督办闭环) changes state
 * here, one method per action. Each method first asks {@link TicketTransitions} whether the actor may do
 * it in the current state, then changes the state and appends a {@link TicketTransition} to the history.
 *
 * <p>Long because it is the aggregate: every state change of a ticket is a method here that checks the
 * state and the actor before it changes anything, so the whole closed loop reads in one place.
 */
@Entity
@Table(name = "inspection_tickets")
public class InspectionTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String fingerprint;

    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    @Column(nullable = false)
    private String theme;

    @Column(nullable = false)
    private String severity;

    @Column(nullable = false)
    private String title;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(name = "customer_no")
    private String customerNo;

    private String period;

    @Column(name = "station_code")
    private String stationCode;

    @Column(name = "team_kind", nullable = false)
    private String teamKind;

    @Column(name = "team_unit_code")
    private String teamUnitCode;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(length = 2000)
    private String remedy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "opened_at", nullable = false)
    private LocalDateTime openedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "first_run_id", nullable = false)
    private long firstRunId;

    @Column(name = "last_seen_run_id", nullable = false)
    private long lastSeenRunId;

    /** The run that opened it: its first run, or the run that found it again after it was withdrawn (JDBC). */
    @Column(name = "opened_run_id", insertable = false, updatable = false)
    private Long openedRunId;

    @Column(name = "not_detected_since_run_id")
    private Long notDetectedSinceRunId;

    @Column(nullable = false)
    private int occurrences;

    @Column(name = "needs_attention", nullable = false)
    private boolean needsAttention;

    @Column(name = "attention_note", length = 500)
    private String attentionNote;

    @Column(name = "exempt_until")
    private LocalDate exemptUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "false_positive_reason")
    private FalsePositiveReason falsePositiveReason;

    @OneToMany(cascade = CascadeType.PERSIST)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<TicketTransition> transitions = new ArrayList<>();

    @Version
    private long version;

    protected InspectionTicket() {}

    /** AUDITOR: to a team unit (NEW, or SCOPE_REJECTED for a re-dispatch, possibly to another team). */
    public void dispatch(Actor by, String teamUnitCode, String comment, LocalDateTime now) {
        TicketTransitions.check(TicketAction.DISPATCH, this, by);
        String team = required("teamUnitCode", teamUnitCode, "须指定班组", "a team unit is required");
        TicketStatus from = status;
        this.teamUnitCode = team;
        move(by, TicketAction.DISPATCH, from, TicketStatus.DISPATCHED, trim(comment), null, team, null, now);
    }

    /** TEAM in scope: what was done (the evidence files are stored by the caller). */
    public void submitFeedback(Actor by, String whatWasDone, LocalDateTime now) {
        TicketTransitions.check(TicketAction.SUBMIT_FEEDBACK, this, by);
        String text = required("comment", whatWasDone, "须说明整改情况", "say what was done");
        move(by, TicketAction.SUBMIT_FEEDBACK, status, TicketStatus.FEEDBACK_SUBMITTED, text, null, null, null, now);
    }

    /** TEAM in scope: not ours; back to the auditor to dispatch again. */
    public void rejectScope(Actor by, String reason, LocalDateTime now) {
        TicketTransitions.check(TicketAction.REJECT_SCOPE, this, by);
        String text = required("reason", reason, "须说明退回理由", "a reason is required");
        move(by, TicketAction.REJECT_SCOPE, status, TicketStatus.SCOPE_REJECTED, text, null, null, null, now);
    }

    /** AUDITOR: the feedback is accepted. */
    public void verify(Actor by, String comment, LocalDateTime now) {
        TicketTransitions.check(TicketAction.VERIFY, this, by);
        move(by, TicketAction.VERIFY, status, TicketStatus.VERIFIED, trim(comment), null, null, null, now);
    }

    /** AUDITOR: the feedback is not enough; back to the team with the reason. */
    public void returnFeedback(Actor by, String reason, LocalDateTime now) {
        TicketTransitions.check(TicketAction.RETURN, this, by);
        String text = required("reason", reason, "须说明退回理由", "a reason is required");
        move(by, TicketAction.RETURN, status, TicketStatus.RETURNED, text, null, null, null, now);
    }

    /** AUDITOR: a verified ticket is closed. */
    public void close(Actor by, String comment, LocalDateTime now) {
        TicketTransitions.check(TicketAction.CLOSE, this, by);
        move(by, TicketAction.CLOSE, status, TicketStatus.CLOSED, trim(comment), null, null, null, now);
    }

    /** AUDITOR: not a deviation; the reason code counts against the rule's precision. */
    public void markFalsePositive(Actor by, FalsePositiveReason reasonCode, String comment, LocalDateTime now) {
        TicketTransitions.check(TicketAction.MARK_FALSE_POSITIVE, this, by);
        if (reasonCode == null) {
            throw new MissingTicketFieldException(
                    "reasonCode", "须选择误报原因", "one of RULE_LOGIC, SOURCE_DATA, POLICY_EXCEPTION, DUPLICATE is required");
        }
        this.falsePositiveReason = reasonCode;
        move(
                by,
                TicketAction.MARK_FALSE_POSITIVE,
                status,
                TicketStatus.FALSE_POSITIVE,
                trim(comment),
                reasonCode,
                null,
                null,
                now);
    }

    /** SUPERVISOR: exempt until a date after today, with the reason. */
    public void exempt(Actor by, LocalDate until, String reason, LocalDate today, LocalDateTime now) {
        TicketTransitions.check(TicketAction.EXEMPT, this, by);
        if (until == null || !until.isAfter(today)) {
            throw new MissingTicketFieldException(
                    "exemptUntil", "须指定晚于今天的豁免到期日", "an expiry date after today (" + today + ") is required");
        }
        String text = required("reason", reason, "须说明豁免理由", "a reason is required");
        this.exemptUntil = until;
        move(by, TicketAction.EXEMPT, status, TicketStatus.EXEMPTED, text, null, null, until, now);
    }

    /**
     * SYSTEM: a re-audit no longer finds what the feedback said was fixed. The run's bulk SQL does the same
     * for many tickets at once ({@link TicketService#markNotDetected}).
     */
    public void autoVerify(Actor by, LocalDateTime now) {
        TicketTransitions.check(TicketAction.AUTO_VERIFY, this, by);
        move(by, TicketAction.AUTO_VERIFY, status, TicketStatus.VERIFIED, AUTO_VERIFY_COMMENT, null, null, null, now);
    }

    /**
     * SYSTEM: the finding is back (a verified or closed ticket, an exemption past its expiry, or a ticket withdrawn
     * with its run): to the team again when it is known, else to the auditor, counted once more and due anew. (A
     * withdrawn ticket found again is reopened by the run's bulk SQL, through the brake like a new one.)
     */
    public void reopen(Actor by, LocalDate today, LocalDate newDue, LocalDateTime now) {
        TicketTransitions.check(TicketAction.REOPEN, this, by);
        if (status == TicketStatus.EXEMPTED && !exemptionExpired(today)) {
            throw new IllegalTicketTransitionException(
                    status, TicketAction.REOPEN, "豁免至 " + exemptUntil + " 仍有效 / exempt until " + exemptUntil);
        }
        TicketStatus from = status;
        this.occurrences++;
        this.dueOn = newDue;
        this.exemptUntil = null;
        move(
                by,
                TicketAction.REOPEN,
                from,
                teamUnitCode == null ? TicketStatus.NEW : TicketStatus.DISPATCHED,
                REOPEN_COMMENT,
                null,
                null,
                null,
                now);
    }

    /**
     * AUDITOR: the brake held this new ticket and the auditor says it is right: to its team (DISPATCHED) when it is
     * known, else NEW for dispatch. Done per run and rule in bulk ({@code RunTickets#confirm}).
     */
    public void confirm(Actor by, String comment, LocalDateTime now) {
        TicketTransitions.check(TicketAction.CONFIRM, this, by);
        move(
                by,
                TicketAction.CONFIRM,
                status,
                teamUnitCode == null ? TicketStatus.NEW : TicketStatus.DISPATCHED,
                trim(comment),
                null,
                null,
                null,
                now);
    }

    /**
     * AUDITOR: taken back, with the reason: a held ticket the auditor does not confirm, or one its run opened that
     * nobody has worked on yet when the run is withdrawn. Done in bulk ({@code RunTickets}); kept with its history.
     */
    public void withdraw(Actor by, String reason, LocalDateTime now) {
        TicketTransitions.check(TicketAction.WITHDRAW, this, by);
        String text = required("reason", reason, "须说明撤回理由", "a reason is required");
        move(by, TicketAction.WITHDRAW, status, TicketStatus.WITHDRAWN, text, null, null, null, now);
    }

    /** SYSTEM: the finding vanished but the team never reported back; the auditor should look. */
    public void flag(Actor by, String note, LocalDateTime now) {
        TicketTransitions.check(TicketAction.FLAG, this, by);
        move(by, TicketAction.FLAG, status, status, note, null, null, null, now);
    }

    /** An exemption is past its expiry from the day after its expiry date. */
    public boolean exemptionExpired(LocalDate today) {
        return exemptUntil != null && today.isAfter(exemptUntil);
    }

    /** The comment of an automatic verification. */
    public static final String AUTO_VERIFY_COMMENT = "复查确认已整改 / re-audit confirms the fix";

    /** The comment of a reopening. */
    public static final String REOPEN_COMMENT = "复查再次发现该问题 / re-audit finds the problem again";

    /** The note of a flagged ticket. */
    public static final String FLAG_NOTE = "复查未再发现该问题，但班组尚未反馈 / the finding is gone but the team has not reported back";

    private void move(
            Actor by,
            TicketAction action,
            TicketStatus from,
            TicketStatus to,
            String comment,
            FalsePositiveReason reasonCode,
            String team,
            LocalDate until,
            LocalDateTime now) {
        this.status = to;
        if (action == TicketAction.FLAG) {
            this.needsAttention = true;
            this.attentionNote = comment;
        } else {
            this.needsAttention = false;
            this.attentionNote = null;
        }
        transitions.add(new TicketTransition(now, by.username(), action, from, to, comment, reasonCode, team, until));
    }

    private static String required(String field, String value, String zh, String en) {
        String v = trim(value);
        if (v == null) {
            throw new MissingTicketFieldException(field, zh, en);
        }
        return v;
    }

    private static String trim(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > 2000 ? v.substring(0, 2000) : v;
    }

    /** The history, oldest first (loads it lazily: call inside a transaction). */
    public List<TicketTransition> history() {
        return Collections.unmodifiableList(transitions);
    }

    public Long getId() {
        return id;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getRuleCode() {
        return ruleCode;
    }

    public String getTheme() {
        return theme;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public String getPeriod() {
        return period;
    }

    public String getStationCode() {
        return stationCode;
    }

    public String getTeamKind() {
        return teamKind;
    }

    public String getTeamUnitCode() {
        return teamUnitCode;
    }

    public String getMessage() {
        return message;
    }

    public String getRemedy() {
        return remedy;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public LocalDateTime getOpenedAt() {
        return openedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public long getFirstRunId() {
        return firstRunId;
    }

    public long getLastSeenRunId() {
        return lastSeenRunId;
    }

    public Long getOpenedRunId() {
        return openedRunId;
    }

    public Long getNotDetectedSinceRunId() {
        return notDetectedSinceRunId;
    }

    public int getOccurrences() {
        return occurrences;
    }

    public boolean isNeedsAttention() {
        return needsAttention;
    }

    public String getAttentionNote() {
        return attentionNote;
    }

    public LocalDate getExemptUntil() {
        return exemptUntil;
    }

    public FalsePositiveReason getFalsePositiveReason() {
        return falsePositiveReason;
    }

    public long getVersion() {
        return version;
    }
}
