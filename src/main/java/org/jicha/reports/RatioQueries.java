package org.jicha.reports;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the numerators and denominators of the utility's ratios ({@link RatioKind}) for one run, period and
 * scope. Every definition lives here, in SQL portable between H2 and PostgreSQL, so that what the report
 * prints, docs/REPORTS.md and the tests that recount by hand can be compared line by line.
 */
@Component
class RatioQueries {

    private static final Logger log = LoggerFactory.getLogger(RatioQueries.class);

    /**
     * When a rectified ticket was verified: the latest VERIFY (auditor) or AUTO_VERIFY (re-audit) transition of
     * the workflow's {@code ticket_transitions} (V6). The one place that reads that table.
     */
    static final String VERIFIED_ON = "(SELECT CAST(MAX(x.at) AS DATE) FROM ticket_transitions x "
            + "WHERE x.ticket_id = t.id AND x.action IN ('VERIFY', 'AUTO_VERIFY'))";

    /**
     * A finding whose ticket is out of the loop (held by the brake for the auditors' confirmation, or withdrawn)
     * counts in no ratio: it has not been confirmed as a deviation. Alias {@code f} for the finding.
     */
    static final String IN_LOOP =
            " AND NOT EXISTS (SELECT 1 FROM inspection_tickets h WHERE h.fingerprint = f.fingerprint"
                    + " AND h.status IN ('AWAITING_CONFIRMATION', 'WITHDRAWN'))";

    private final NamedParameterJdbcTemplate jdbc;
    private final JdbcTemplate plain;

    RatioQueries(JdbcTemplate jdbc) {
        this.plain = jdbc;
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Every ratio for a run and its period.
     *
     * @param readingRules codes of the rules whose team kind is READING
     * @param billingRules codes of the rules whose team kind is BILLING
     */
    Map<RatioKind, Ratio> all(
            long runId,
            YearMonth period,
            ReportScope scope,
            Collection<String> readingRules,
            Collection<String> billingRules) {
        Map<RatioKind, Ratio> ratios = new EnumMap<>(RatioKind.class);
        ratios.put(RatioKind.READING_ERROR, readingError(runId, period, scope, readingRules));
        ratios.put(RatioKind.TARIFF_CORRECT, tariffCorrect(runId, period, scope, billingRules));
        ratios.put(RatioKind.EXPANSION_ON_TIME, expansionOnTime(runId, period, scope));
        Ratio[] rectified = rectification(runId, scope);
        ratios.put(RatioKind.RECTIFIED, rectified[0]);
        ratios.put(RatioKind.RECTIFIED_ON_TIME, rectified[1]);
        return ratios;
    }

    /** Meters with a READING-team finding / meters due for reading (a reading record of the period, or BIL-01). */
    Ratio readingError(long runId, YearMonth period, ReportScope scope, Collection<String> readingRules) {
        MapSqlParameterSource p = params(runId, period, scope).addValue("unread", RatioKind.UNREAD_RULE);
        String due = "FROM meters m JOIN customers c ON c.customer_no = m.customer_no WHERE "
                + stations("c.station_code", scope)
                + " AND (EXISTS (SELECT 1 FROM readings r WHERE r.meter_id = m.meter_id AND r.period = :period)"
                + " OR m.meter_id IN (SELECT f.subject_id FROM findings f WHERE f.run_id = :run AND f.rule_code = :unread"
                + " AND f.subject_type = 'METER'" + IN_LOOP + "))";
        long denominator = count("SELECT COUNT(*) " + due, p);
        long numerator = 0;
        if (!readingRules.isEmpty()) {
            // driven from the run's findings (few) to the meters (many): one index look-up per flagged meter
            p.addValue("rules", readingRules);
            String flagged = "SELECT f.subject_id FROM findings f" + teamJoin(scope) + " WHERE f.run_id = :run"
                    + " AND f.rule_code IN (:rules) AND f.subject_type = 'METER'" + IN_LOOP
                    + " UNION SELECT LEFT(f.subject_id, POSITION(':' IN f.subject_id) - 1) FROM findings f"
                    + teamJoin(scope)
                    + " WHERE f.run_id = :run AND f.rule_code IN (:rules) AND f.subject_type = 'READING'" + IN_LOOP
                    + " UNION SELECT fm.meter_id FROM findings f" + teamJoin(scope)
                    + " JOIN meters fm ON fm.customer_no = f.customer_no WHERE f.run_id = :run AND f.rule_code IN (:rules)"
                    + " AND f.subject_type NOT IN ('METER', 'READING')" + IN_LOOP;
            numerator = count("SELECT COUNT(*) " + due + " AND m.meter_id IN (" + flagged + ")", p);
        }
        return new Ratio(numerator, denominator);
    }

    /** Bills of the period without a BILLING-team finding / bills of the period. */
    Ratio tariffCorrect(long runId, YearMonth period, ReportScope scope, Collection<String> billingRules) {
        MapSqlParameterSource p = params(runId, period, scope);
        String bills = "FROM bills b JOIN customers c ON c.customer_no = b.customer_no WHERE b.period = :period AND "
                + stations("c.station_code", scope);
        long denominator = count("SELECT COUNT(*) " + bills, p);
        long wrong = 0;
        if (!billingRules.isEmpty()) {
            p.addValue("rules", billingRules);
            String flagged = "SELECT f.subject_id FROM findings f" + teamJoin(scope) + " WHERE f.run_id = :run"
                    + " AND f.rule_code IN (:rules) AND f.subject_type = 'BILL'" + IN_LOOP
                    + " UNION SELECT fb.bill_no FROM findings f" + teamJoin(scope)
                    + " JOIN bills fb ON fb.customer_no = f.customer_no AND fb.period = :period"
                    + " WHERE f.run_id = :run AND f.rule_code IN (:rules) AND f.subject_type <> 'BILL'"
                    + " AND (f.period IS NULL OR f.period = :period)" + IN_LOOP;
            wrong = count("SELECT COUNT(*) " + bills + " AND b.bill_no IN (" + flagged + ")", p);
        }
        return new Ratio(denominator - wrong, denominator);
    }

    /** Applications archived in the period without a time-limit finding / applications archived in the period. */
    Ratio expansionOnTime(long runId, YearMonth period, ReportScope scope) {
        MapSqlParameterSource p = params(runId, period, scope)
                .addValue("from", Timestamp.valueOf(period.atDay(1).atStartOfDay()))
                .addValue("to", Timestamp.valueOf(period.plusMonths(1).atDay(1).atStartOfDay()))
                .addValue("rules", RatioKind.TIME_LIMIT_RULES);
        String archived = "FROM applications a WHERE a.status = 'ARCHIVED' AND a.archived_at >= :from "
                + "AND a.archived_at < :to AND " + stations("a.station_code", scope);
        long denominator = count("SELECT COUNT(*) " + archived, p);
        long late = count(
                "SELECT COUNT(*) " + archived + " AND a.app_no IN (SELECT f.subject_id FROM findings f"
                        + teamJoin(scope) + " WHERE f.run_id = :run AND f.rule_code IN (:rules)"
                        + " AND f.subject_type = 'APPLICATION'" + IN_LOOP + ")",
                p);
        return new Ratio(denominator - late, denominator);
    }

    /**
     * [整改率, 按期整改率] over the tickets of the run's findings, FALSE_POSITIVE and EXEMPTED left out, and those out of
     * the loop (AWAITING_CONFIRMATION, WITHDRAWN).
     */
    Ratio[] rectification(long runId, ReportScope scope) {
        MapSqlParameterSource p = params(runId, null, scope);
        String tickets = "FROM inspection_tickets t WHERE t.fingerprint IN (SELECT f.fingerprint FROM findings f "
                + "WHERE f.run_id = :run) AND t.status NOT IN ('FALSE_POSITIVE', 'EXEMPTED', 'AWAITING_CONFIRMATION', "
                + "'WITHDRAWN') AND "
                + ticketScope(scope);
        long denominator = count("SELECT COUNT(*) " + tickets, p);
        String rectified = tickets + " AND t.status IN ('VERIFIED', 'CLOSED')";
        long done = count("SELECT COUNT(*) " + rectified, p);
        long onTime = 0;
        if (done > 0) {
            if (transitionsRecorded()) {
                onTime = count("SELECT COUNT(*) " + rectified + " AND " + VERIFIED_ON + " <= t.due_on", p);
            } else {
                log.warn("table ticket_transitions is missing: no rectified ticket can be shown to be on time");
            }
        }
        return new Ratio[] {new Ratio(done, denominator), new Ratio(onTime, denominator)};
    }

    /** The workflow's transition table exists (it arrives with V6__ticket_workflow.sql). */
    boolean transitionsRecorded() {
        Long n = plain.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables " + "WHERE LOWER(table_name) = 'ticket_transitions'",
                Long.class);
        return n != null && n > 0;
    }

    private long count(String sql, MapSqlParameterSource p) {
        Long n = jdbc.queryForObject(sql, p, Long.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource params(long runId, YearMonth period, ReportScope scope) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId);
        if (period != null) {
            p.addValue("period", period.toString());
        }
        if (!scope.wholeCompany()) {
            p.addValue("units", scope.units().isEmpty() ? List.of("-") : scope.units());
        }
        if (scope.team() != null) {
            p.addValue("team", scope.team());
        }
        return p;
    }

    /** Records of a station in scope. */
    static String stations(String column, ReportScope scope) {
        return scope.wholeCompany() ? "1 = 1" : column + " IN (:units)";
    }

    /** Tickets of a station or a team in scope, and of the team asked for. */
    static String ticketScope(ReportScope scope) {
        String s = scope.wholeCompany() ? "1 = 1" : "(t.station_code IN (:units) OR t.team_unit_code IN (:units))";
        return scope.team() == null ? s : s + " AND t.team_unit_code = :team";
    }

    /** For a team's figures: only findings whose ticket went to that team. */
    private static String teamJoin(ReportScope scope) {
        return scope.team() == null
                ? ""
                : " JOIN inspection_tickets tt ON tt.fingerprint = f.fingerprint AND tt.team_unit_code = :team";
    }
}
