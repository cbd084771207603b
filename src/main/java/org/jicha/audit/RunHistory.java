package org.jicha.audit;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What other modules read about runs and their findings, without SQL on {@code audit_runs} or
 * {@code findings}: a plan's runs and findings (for the plan's figures) and the run a report rests on.
 */
@Component
public class RunHistory {

    /** A plan's latest run as the plan page shows it. */
    public record PlanRun(
            long id, String status, LocalDateTime startedAt, LocalDateTime finishedAt, long findingsCount) {}

    /**
     * A run that covered its whole scope and was not withdrawn; {@code withErrors}: it completed with rule
     * errors (every rule that did not throw has all its results; the run page lists the errors).
     */
    public record CompletedRun(
            long id,
            YearMonth period,
            LocalDate asOf,
            String ruleSetHash,
            LocalDateTime finishedAt,
            boolean withErrors) {}

    /** The statuses of a run that covered its whole scope, as SQL literals. */
    private static final String COMPLETED = "'COMPLETED', 'COMPLETED_WITH_ERRORS'";

    private final JdbcTemplate jdbc;

    RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many runs a plan has launched. */
    public long runsOfPlan(long planId) {
        Long runs = jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs WHERE plan_id = ?", Long.class, planId);
        return runs == null ? 0 : runs;
    }

    /** The latest run a plan launched, if any. */
    public Optional<PlanRun> lastRunOfPlan(long planId) {
        List<PlanRun> last = jdbc.query(
                "SELECT id, status, started_at, finished_at, findings_count "
                        + "FROM audit_runs WHERE plan_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new PlanRun(
                        rs.getLong("id"),
                        rs.getString("status"),
                        time(rs.getTimestamp("started_at")),
                        time(rs.getTimestamp("finished_at")),
                        rs.getLong("findings_count")),
                planId);
        return last.stream().findFirst();
    }

    /** How many findings the runs of a plan recorded. */
    public long findingsOfPlan(long planId) {
        Long findings = jdbc.queryForObject(
                "SELECT COUNT(*) FROM findings f JOIN audit_runs r ON r.id = f.run_id " + "WHERE r.plan_id = ?",
                Long.class,
                planId);
        return findings == null ? 0 : findings;
    }

    /**
     * The tickets of the findings of a plan's runs, counted by status, without those held by the brake or
     * withdrawn (out of the loop). One statement across findings and {@code inspection_tickets} (linked by
     * the fingerprint a finding gives its ticket): a plan's findings may be many, and handing their
     * fingerprints to the tickets module would mean thousands of parameters for a count.
     */
    public Map<String, Long> ticketStatusesOfPlan(long planId) {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.query(
                "SELECT t.status, COUNT(*) AS n FROM inspection_tickets t WHERE t.fingerprint IN "
                        + "(SELECT f.fingerprint FROM findings f JOIN audit_runs r ON r.id = f.run_id WHERE r.plan_id = ?) "
                        + "AND t.status NOT IN ('AWAITING_CONFIRMATION', 'WITHDRAWN') GROUP BY t.status",
                rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                },
                planId);
        return byStatus;
    }

    /** The latest completed, not withdrawn run that audited the period. */
    public Optional<CompletedRun> latestCompleted(YearMonth period) {
        List<CompletedRun> runs = jdbc.query(
                "SELECT id, audited_period, as_of, rule_set_hash, finished_at, status FROM audit_runs "
                        + "WHERE status IN (" + COMPLETED
                        + ") AND withdrawn_at IS NULL AND audited_period = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new CompletedRun(
                        rs.getLong(1),
                        YearMonth.parse(rs.getString(2)),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getObject(5, LocalDateTime.class),
                        !"COMPLETED".equals(rs.getString(6))),
                period.toString());
        return runs.stream().findFirst();
    }

    /** The latest completed, not withdrawn run of each of the given months that has one. */
    public Map<YearMonth, CompletedRun> latestCompletedOf(YearMonth from, YearMonth to) {
        Map<YearMonth, CompletedRun> result = new HashMap<>();
        jdbc.query(
                "SELECT id, audited_period, as_of, rule_set_hash, finished_at, status FROM audit_runs WHERE status IN ("
                        + COMPLETED
                        + ") AND withdrawn_at IS NULL AND audited_period >= ? AND audited_period <= ? ORDER BY id",
                rs -> {
                    YearMonth p = YearMonth.parse(rs.getString(2));
                    result.put(
                            p,
                            new CompletedRun(
                                    rs.getLong(1),
                                    p,
                                    rs.getObject(3, LocalDate.class),
                                    rs.getString(4),
                                    rs.getObject(5, LocalDateTime.class),
                                    !"COMPLETED".equals(rs.getString(6))));
                },
                from.toString(),
                to.toString());
        return result;
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
