package org.jicha.tickets;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jicha.records.UnitRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ticket figures for the dashboard, counted in the database and limited to a scope: the units a user sees
 * ({@code null} = the whole company). A ticket lies in a scope when its responsible team or its station does.
 * Open means still needing work ({@link TicketStatus#isOpen()}); overdue means open past its due date. Tickets out
 * of the loop (awaiting the auditors' confirmation, withdrawn) count in no figure.
 */
@Service
public class TicketFigures {

    private static final String OPEN =
            "status IN ('NEW', 'DISPATCHED', 'FEEDBACK_SUBMITTED', 'RETURNED', 'SCOPE_REJECTED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRecords units;

    public TicketFigures(JdbcTemplate jdbc, UnitRecords units) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.units = units;
    }

    /** Open and overdue tickets of one theme, unit or rule. */
    public record Count(String key, String label, long open, long overdue) {}

    /**
     * The rectification rate (整改率): rectified (VERIFIED or CLOSED) over the tickets that called for
     * rectification (all but FALSE_POSITIVE and EXEMPTED, as the plans' figures count them); {@code rate} is null
     * when there are none.
     */
    public record Rectification(long rectified, long total, Double rate) {}

    /** Tickets whose deviation concerns a month: their period, or the month opened for a period-less rule. */
    public record MonthCount(YearMonth month, long tickets) {}

    @Transactional(readOnly = true)
    public List<Count> byTheme(Collection<String> scope, LocalDate today) {
        return counts("theme", "theme", scope, today, Integer.MAX_VALUE);
    }

    /** The units with the most open tickets, most first, labelled with their names from the extract. */
    @Transactional(readOnly = true)
    public List<Count> byUnit(Collection<String> scope, LocalDate today, int limit) {
        Map<String, String> names = new HashMap<>();
        for (UnitRecords.Unit u : units.all()) {
            names.put(u.code(), u.name());
        }
        String unit = "COALESCE(team_unit_code, station_code, '-')";
        return counts(unit, unit, scope, today, Integer.MAX_VALUE).stream()
                .sorted((a, b) -> a.open() != b.open()
                        ? Long.compare(b.open(), a.open())
                        : a.key().compareTo(b.key()))
                .limit(limit)
                .map(c -> new Count(
                        c.key(),
                        names.containsKey(c.key()) ? names.get(c.key()) + " " + c.key() : c.key(),
                        c.open(),
                        c.overdue()))
                .toList();
    }

    /** The rules with the most open tickets, most first, with their titles. */
    @Transactional(readOnly = true)
    public List<Count> topRules(Collection<String> scope, LocalDate today, int limit) {
        List<Count> all = counts("rule_code", "MAX(title)", scope, today, Integer.MAX_VALUE);
        return all.stream()
                .filter(c -> c.open() > 0)
                .sorted((a, b) -> a.open() != b.open()
                        ? Long.compare(b.open(), a.open())
                        : a.key().compareTo(b.key()))
                .limit(limit)
                .toList();
    }

    private List<Count> counts(String key, String label, Collection<String> scope, LocalDate today, int limit) {
        MapSqlParameterSource params = params(scope).addValue("today", today);
        List<Count> rows = jdbc.query(
                "SELECT " + key + " AS k, " + (label.equals(key) ? key : label) + " AS l, "
                        + "SUM(CASE WHEN " + OPEN + " THEN 1 ELSE 0 END) AS open_n, "
                        + "SUM(CASE WHEN " + OPEN + " AND due_on < :today THEN 1 ELSE 0 END) AS overdue_n "
                        + "FROM inspection_tickets WHERE " + where(scope) + " GROUP BY " + key + " ORDER BY " + key,
                params,
                (rs, i) ->
                        new Count(rs.getString("k"), rs.getString("l"), rs.getLong("open_n"), rs.getLong("overdue_n")));
        return rows.stream().filter(c -> c.open() > 0).limit(limit).toList();
    }

    @Transactional(readOnly = true)
    public Rectification rectification(Collection<String> scope) {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT "
                        + "SUM(CASE WHEN status IN ('VERIFIED', 'CLOSED') THEN 1 ELSE 0 END) AS done_n, "
                        + "SUM(CASE WHEN status NOT IN ('FALSE_POSITIVE', 'EXEMPTED') THEN 1 ELSE 0 END) AS total_n "
                        + "FROM inspection_tickets WHERE " + inLoop(scope),
                params(scope));
        long done = row.get("done_n") == null ? 0 : ((Number) row.get("done_n")).longValue();
        long total = row.get("total_n") == null ? 0 : ((Number) row.get("total_n")).longValue();
        return new Rectification(done, total, total == 0 ? null : (double) done / total);
    }

    /** Tickets per month for the {@code months} months ending with {@code last}, oldest first, zeros included. */
    @Transactional(readOnly = true)
    public List<MonthCount> trend(Collection<String> scope, YearMonth last, int months) {
        Map<YearMonth, Long> counts = new TreeMap<>();
        YearMonth first = last.minusMonths(months - 1L);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, 0L);
        }
        jdbc.query(
                "SELECT period, EXTRACT(YEAR FROM opened_at) AS y, EXTRACT(MONTH FROM opened_at) AS m, "
                        + "COUNT(*) AS n FROM inspection_tickets WHERE " + inLoop(scope)
                        + " GROUP BY period, EXTRACT(YEAR FROM opened_at), EXTRACT(MONTH FROM opened_at)",
                params(scope),
                rs -> {
                    String period = rs.getString("period");
                    YearMonth month;
                    try {
                        month = period != null ? YearMonth.parse(period) : YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    } catch (DateTimeParseException e) {
                        month = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
                    }
                    long n = rs.getLong("n");
                    counts.computeIfPresent(month, (k, v) -> v + n);
                });
        List<MonthCount> out = new ArrayList<>();
        counts.forEach((m, n) -> out.add(new MonthCount(m, n)));
        return out;
    }

    /** In scope and in the loop: neither held by the brake nor withdrawn (those count in no figure). */
    private static String inLoop(Collection<String> scope) {
        return where(scope) + " AND status NOT IN ('AWAITING_CONFIRMATION', 'WITHDRAWN')";
    }

    private static String where(Collection<String> scope) {
        return scope == null ? "1 = 1" : "(team_unit_code IN (:scope) OR station_code IN (:scope))";
    }

    private static MapSqlParameterSource params(Collection<String> scope) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (scope != null) {
            params.addValue("scope", scope.isEmpty() ? List.of("-") : scope);
        }
        return params;
    }
}
