package org.jicha.tickets;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules read about tickets, without SQL on {@code inspection_tickets}: the tickets past their due
 * date and the open tickets of some units, for the overdue check and the team digest.
 */
@Component
public class TicketQueries {

    /** A ticket as a reminder or an escalation names it, with its current escalation level. */
    public record TicketLine(
            long id,
            String ruleCode,
            String title,
            String subjectType,
            String subjectId,
            String customerNo,
            String stationCode,
            String teamUnitCode,
            String status,
            LocalDate dueOn,
            int escalationLevel) {}

    private static final String COLUMNS = "id, rule_code, title, subject_type, subject_id, customer_no, station_code, "
            + "team_unit_code, status, due_on, escalation_level";

    private static final RowMapper<TicketLine> ROW = (rs, i) -> new TicketLine(
            rs.getLong("id"),
            rs.getString("rule_code"),
            rs.getString("title"),
            rs.getString("subject_type"),
            rs.getString("subject_id"),
            rs.getString("customer_no"),
            rs.getString("station_code"),
            rs.getString("team_unit_code"),
            rs.getString("status"),
            rs.getDate("due_on").toLocalDate(),
            rs.getInt("escalation_level"));

    private static final int IN_CHUNK = 500;

    private final NamedParameterJdbcTemplate named;

    TicketQueries(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Tickets in one of {@code statuses} whose due date is before {@code today}, oldest due first. */
    public List<TicketLine> dueBefore(LocalDate today, Collection<String> statuses) {
        return named.query(
                "SELECT " + COLUMNS + " FROM inspection_tickets WHERE status IN (:statuses) AND due_on < :today "
                        + "ORDER BY due_on, id",
                new MapSqlParameterSource("statuses", statuses).addValue("today", Date.valueOf(today)),
                ROW);
    }

    /**
     * Tickets in one of {@code statuses} whose due date is before {@code today}, of a station or team among
     * {@code units} (null: of every unit) and of {@code team} (null: of any team), oldest due first.
     */
    public List<TicketLine> dueBefore(
            LocalDate today, Collection<String> statuses, Collection<String> units, String team) {
        MapSqlParameterSource p = new MapSqlParameterSource("statuses", statuses).addValue("today", today);
        String where = "status IN (:statuses) AND due_on < :today";
        if (units != null) {
            where += " AND (station_code IN (:units) OR team_unit_code IN (:units))";
            p.addValue("units", units);
        }
        if (team != null) {
            where += " AND team_unit_code = :team";
            p.addValue("team", team);
        }
        return named.query(
                "SELECT " + COLUMNS + " FROM inspection_tickets WHERE " + where + " ORDER BY due_on, id", p, ROW);
    }

    /**
     * Tickets in one of {@code statuses} of these units: tickets of a team among them, or of a station among
     * them; oldest due first.
     */
    public List<TicketLine> ofUnits(Collection<String> units, Collection<String> statuses) {
        List<String> all = new ArrayList<>(units);
        List<TicketLine> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            result.addAll(named.query(
                    "SELECT " + COLUMNS + " FROM inspection_tickets WHERE status IN (:statuses) "
                            + "AND (team_unit_code IN (:units) OR station_code IN (:units)) ORDER BY due_on, id",
                    new MapSqlParameterSource("statuses", statuses).addValue("units", chunk),
                    ROW));
        }
        if (all.size() > IN_CHUNK) { // a ticket may match two chunks (team in one, station in another)
            return result.stream()
                    .collect(Collectors.toMap(TicketLine::id, t -> t, (a, b) -> a, LinkedHashMap::new))
                    .values()
                    .stream()
                    .sorted(Comparator.comparing(TicketLine::dueOn).thenComparing(TicketLine::id))
                    .toList();
        }
        return result;
    }
}
