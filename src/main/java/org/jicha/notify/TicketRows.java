package org.jicha.notify;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jicha.records.UnitRecords;
import org.jicha.rules.RuleTitles;
import org.jicha.tickets.TicketEscalations;
import org.jicha.tickets.TicketQueries;
import org.jicha.tickets.TicketQueries.TicketLine;
import org.jicha.tickets.TicketStatus;
import org.springframework.stereotype.Component;

/**
 * The tickets the overdue check and the digest work on, asked of the tickets module ({@link TicketQueries},
 * {@link TicketEscalations}), the unit names of the records module and the rules' English titles ({@link
 * RuleTitles}): notify runs no SQL of its own.
 */
@Component
class TicketRows {

    /** Statuses in which a ticket waits for the team or for dispatch: those can be overdue. FEEDBACK_SUBMITTED
     * waits for the auditor's verification, not for the team, and is left alone. */
    static final List<String> AWAITING_ACTION = List.of(
            TicketStatus.NEW.name(),
            TicketStatus.DISPATCHED.name(),
            TicketStatus.RETURNED.name(),
            TicketStatus.SCOPE_REJECTED.name());

    /** Every status that still needs work from somebody. */
    static final List<String> OPEN = Arrays.stream(TicketStatus.values())
            .filter(TicketStatus::isOpen)
            .map(Enum::name)
            .toList();

    private final TicketQueries queries;
    private final TicketEscalations escalations;
    private final UnitRecords units;
    private final RuleTitles titles;

    TicketRows(TicketQueries queries, TicketEscalations escalations, UnitRecords units, RuleTitles titles) {
        this.queries = queries;
        this.escalations = escalations;
        this.units = units;
        this.titles = titles;
    }

    /**
     * A ticket whose due date moved to today or later (reopened, due date extended) may escalate again:
     * its level goes back to 0.
     */
    int resetNoLongerOverdue(LocalDate today) {
        return escalations.resetNoLongerOverdue(today);
    }

    /** Tickets awaiting action whose due date is before today, oldest due first. */
    List<OverdueTicket> pastDue(LocalDate today) {
        return queries.dueBefore(today, AWAITING_ACTION).stream()
                .map(this::overdue)
                .toList();
    }

    /**
     * Raises a ticket's escalation level, only if it still has the level it was read with: when two nodes run
     * the check at once, one of them escalates it.
     *
     * @return true when this call raised it
     */
    boolean escalate(long ticketId, int fromLevel, int toLevel, LocalDateTime at) {
        return escalations.raise(ticketId, fromLevel, toLevel, at);
    }

    /** Open tickets of these units: tickets of a team among them, or of a station among them. */
    List<OverdueTicket> openIn(Collection<String> units) {
        return queries.ofUnits(units, OPEN).stream().map(this::overdue).toList();
    }

    /** The name of a unit, or its code when it is not loaded. */
    String unitName(String unitCode) {
        return units.nameOf(unitCode);
    }

    private OverdueTicket overdue(TicketLine t) {
        return new OverdueTicket(
                t.id(),
                t.ruleCode(),
                t.title(),
                titles.of(t.ruleCode(), Locale.ENGLISH, t.title()),
                t.subjectType(),
                t.subjectId(),
                t.customerNo(),
                t.stationCode(),
                t.teamUnitCode(),
                t.status(),
                t.dueOn(),
                t.escalationLevel());
    }
}
