package org.jicha.audit;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** What other modules read about a run's findings, without SQL on {@code findings}. */
@Component
public class FindingQueries {

    /** A finding of a run with the ticket it opened (ticket fields null when it has none). */
    public record FindingWithTicket(
            String ruleCode,
            String theme,
            String severity,
            String subjectType,
            String subjectId,
            String customerNo,
            String stationCode,
            String period,
            String message,
            String fingerprint,
            Long ticketId,
            String teamUnitCode,
            String ticketStatus) {}

    private final NamedParameterJdbcTemplate jdbc;

    FindingQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * The run's findings of a station among {@code units} or routed to a team among them (null: every
     * finding), and routed to {@code team} if one is given, with their tickets; by rule, then subject. One
     * statement across {@code findings} and {@code inspection_tickets}, joined on the fingerprint a finding
     * gives its ticket: a report lists thousands of them, and the scope may be the ticket's team.
     */
    public List<FindingWithTicket> withTickets(long runId, Collection<String> units, String team) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId);
        String where = "f.run_id = :run";
        if (units != null) {
            where += " AND (f.station_code IN (:units) OR t.team_unit_code IN (:units))";
            p.addValue("units", units);
        }
        if (team != null) {
            where += " AND t.team_unit_code = :team";
            p.addValue("team", team);
        }
        return jdbc.query(
                "SELECT f.rule_code, f.theme, f.severity, f.subject_type, f.subject_id, f.customer_no, "
                        + "f.station_code, f.period, f.message, f.fingerprint, t.id AS ticket_id, t.team_unit_code, t.status "
                        + "FROM findings f LEFT JOIN inspection_tickets t ON t.fingerprint = f.fingerprint WHERE "
                        + where
                        + " ORDER BY f.rule_code, f.subject_id",
                p,
                (rs, i) -> new FindingWithTicket(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11) == null ? null : rs.getLong(11),
                        rs.getString(12),
                        rs.getString(13)));
    }
}
