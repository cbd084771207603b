package org.jicha.notify;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.jicha.tickets.TicketStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads tickets from table {@code inspection_tickets} (the table is the contract with the ticket package)
 * and writes the only columns this package owns there: {@code escalation_level}, {@code escalated_at}.
 */
@Component
class TicketRows {

    /** Statuses in which a ticket waits for the team or for dispatch: those can be overdue. FEEDBACK_SUBMITTED
     * waits for the auditor's verification, not for the team, and is left alone. */
    static final List<String> AWAITING_ACTION = List.of(TicketStatus.NEW.name(), TicketStatus.DISPATCHED.name(),
            TicketStatus.RETURNED.name(), TicketStatus.SCOPE_REJECTED.name());

    /** Every status that still needs work from somebody. */
    static final List<String> OPEN = Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen)
            .map(Enum::name).toList();

    private static final String COLUMNS = "id, rule_code, title, subject_type, subject_id, customer_no, station_code, "
            + "team_unit_code, status, due_on, escalation_level";

    private static final RowMapper<OverdueTicket> ROW = (rs, i) -> new OverdueTicket(rs.getLong("id"),
            rs.getString("rule_code"), rs.getString("title"), rs.getString("subject_type"), rs.getString("subject_id"),
            rs.getString("customer_no"), rs.getString("station_code"), rs.getString("team_unit_code"),
            rs.getString("status"), rs.getDate("due_on").toLocalDate(), rs.getInt("escalation_level"));

    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TicketRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A ticket whose due date moved to today or later (reopened, due date extended) may escalate again:
     * its level goes back to 0.
     */
    int resetNoLongerOverdue(LocalDate today) {
        return jdbc.update("UPDATE inspection_tickets SET escalation_level = 0, escalated_at = NULL "
                + "WHERE escalation_level > 0 AND due_on >= ?", Date.valueOf(today));
    }

    /** Tickets awaiting action whose due date is before today, oldest due first. */
    List<OverdueTicket> pastDue(LocalDate today) {
        return named.query("SELECT " + COLUMNS + " FROM inspection_tickets WHERE status IN (:statuses) AND due_on < :today "
                        + "ORDER BY due_on, id",
                new MapSqlParameterSource("statuses", AWAITING_ACTION).addValue("today", Date.valueOf(today)), ROW);
    }

    /**
     * Raises a ticket's escalation level, only if it still has the level it was read with: when two nodes run
     * the check at once, one of them escalates it.
     *
     * @return true when this call raised it
     */
    boolean escalate(long ticketId, int fromLevel, int toLevel, LocalDateTime at) {
        return jdbc.update("UPDATE inspection_tickets SET escalation_level = ?, escalated_at = ? "
                + "WHERE id = ? AND escalation_level = ?", toLevel, Timestamp.valueOf(at), ticketId, fromLevel) == 1;
    }

    /** Open tickets of these units: tickets of a team among them, or of a station among them. */
    List<OverdueTicket> openIn(Collection<String> units) {
        List<String> all = new ArrayList<>(units);
        List<OverdueTicket> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            result.addAll(named.query("SELECT " + COLUMNS + " FROM inspection_tickets WHERE status IN (:statuses) "
                            + "AND (team_unit_code IN (:units) OR station_code IN (:units)) ORDER BY due_on, id",
                    new MapSqlParameterSource("statuses", OPEN).addValue("units", chunk), ROW));
        }
        if (all.size() > IN_CHUNK) { // a ticket may match two chunks (team in one, station in another)
            return result.stream().collect(Collectors.toMap(OverdueTicket::id, t -> t, (a, b) -> a,
                    LinkedHashMap::new)).values().stream()
                    .sorted(Comparator.comparing(OverdueTicket::dueOn).thenComparing(OverdueTicket::id)).toList();
        }
        return result;
    }

    /** The name of a unit, or its code when it is not loaded. */
    String unitName(String unitCode) {
        return jdbc.queryForList("SELECT unit_name FROM units WHERE unit_code = ?", String.class, unitCode).stream()
                .findFirst().orElse(unitCode);
    }
}
