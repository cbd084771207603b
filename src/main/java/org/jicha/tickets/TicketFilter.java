package org.jicha.tickets;

/**
 * Ticket search criteria; null means any.
 *
 * @param unit a team's unit code or a station's code (its tickets and its teams' tickets)
 */
public record TicketFilter(String theme, String rule, String unit, TicketStatus status) {
}
