package org.jicha.tickets;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A ticket's escalation level (0 = not escalated), which the overdue check raises step by step. The level
 * lives on the ticket's row but is no part of its workflow: setting it changes neither status nor version.
 */
@Component
public class TicketEscalations {

    private final JdbcTemplate jdbc;

    TicketEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A ticket whose due date moved to today or later (reopened, due date extended) may escalate again:
     * its level goes back to 0.
     *
     * @return how many tickets were reset
     */
    public int resetNoLongerOverdue(LocalDate today) {
        return jdbc.update(
                "UPDATE inspection_tickets SET escalation_level = 0, escalated_at = NULL "
                        + "WHERE escalation_level > 0 AND due_on >= ?",
                Date.valueOf(today));
    }

    /**
     * Raises a ticket's escalation level, only if it still has the level it was read with: when two nodes run
     * the check at once, one of them escalates it.
     *
     * @return true when this call raised it
     */
    public boolean raise(long ticketId, int fromLevel, int toLevel, LocalDateTime at) {
        return jdbc.update(
                        "UPDATE inspection_tickets SET escalation_level = ?, escalated_at = ? "
                                + "WHERE id = ? AND escalation_level = ?",
                        toLevel,
                        Timestamp.valueOf(at),
                        ticketId,
                        fromLevel)
                == 1;
    }
}
