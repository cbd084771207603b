package org.jicha.tickets;

/**
 * Ticket search criteria; null means any.
 *
 * @param unit           a team's unit code or a station's code (its tickets and its teams' tickets)
 * @param needsAttention flagged by a re-audit (the finding vanished without feedback), or not
 * @param overdue        still open and past its due date, or not
 */
public record TicketFilter(
        String theme, String rule, String unit, TicketStatus status, Boolean needsAttention, Boolean overdue) {

    public TicketFilter(String theme, String rule, String unit, TicketStatus status) {
        this(theme, rule, unit, status, null, null);
    }
}
