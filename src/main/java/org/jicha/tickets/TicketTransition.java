package org.jicha.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One step of a ticket's history: who did what, when, from which state to which, and why. Written by
 * {@link InspectionTicket} for people's actions and in bulk by {@link TicketService} for the re-audit's
 * (actor "system"). Never changed afterwards.
 */
@Entity
@Table(name = "ticket_transitions")
public class TicketTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private LocalDateTime at;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    private TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    private TicketStatus toStatus;

    @Column(length = 2000)
    private String comment;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    private FalsePositiveReason reasonCode;

    @Column(name = "team_unit_code")
    private String teamUnitCode;

    @Column(name = "exempt_until")
    private LocalDate exemptUntil;

    @Column(name = "run_id")
    private Long runId;

    protected TicketTransition() {}

    TicketTransition(
            LocalDateTime at,
            String actor,
            TicketAction action,
            TicketStatus from,
            TicketStatus to,
            String comment,
            FalsePositiveReason reasonCode,
            String teamUnitCode,
            LocalDate exemptUntil) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = from;
        this.toStatus = to;
        this.comment = comment;
        this.reasonCode = reasonCode;
        this.teamUnitCode = teamUnitCode;
        this.exemptUntil = exemptUntil;
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public TicketAction getAction() {
        return action;
    }

    public TicketStatus getFromStatus() {
        return fromStatus;
    }

    public TicketStatus getToStatus() {
        return toStatus;
    }

    public String getComment() {
        return comment;
    }

    public FalsePositiveReason getReasonCode() {
        return reasonCode;
    }

    public String getTeamUnitCode() {
        return teamUnitCode;
    }

    public LocalDate getExemptUntil() {
        return exemptUntil;
    }

    public Long getRunId() {
        return runId;
    }
}
