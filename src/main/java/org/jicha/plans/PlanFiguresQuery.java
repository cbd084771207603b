package org.jicha.plans;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a plan's execution figures from its runs, their findings and the tickets of those findings. */
@Component
class PlanFiguresQuery {

    private final JdbcTemplate jdbc;

    PlanFiguresQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    PlanFigures of(AuditPlan plan) {
        long planId = plan.getId();
        Long runs = jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs WHERE plan_id = ?", Long.class, planId);
        List<PlanFigures.LastRun> last = jdbc.query("SELECT id, status, started_at, finished_at, findings_count "
                        + "FROM audit_runs WHERE plan_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new PlanFigures.LastRun(rs.getLong("id"), rs.getString("status"),
                        time(rs.getTimestamp("started_at")), time(rs.getTimestamp("finished_at")),
                        rs.getLong("findings_count")), planId);
        Long findings = jdbc.queryForObject("SELECT COUNT(*) FROM findings f JOIN audit_runs r ON r.id = f.run_id "
                + "WHERE r.plan_id = ?", Long.class, planId);
        Map<String, Long> byStatus = new HashMap<>();
        // tickets held by the brake or withdrawn are out of the loop: not counted
        jdbc.query("SELECT t.status, COUNT(*) AS n FROM inspection_tickets t WHERE t.fingerprint IN "
                + "(SELECT f.fingerprint FROM findings f JOIN audit_runs r ON r.id = f.run_id WHERE r.plan_id = ?) "
                + "AND t.status NOT IN ('AWAITING_CONFIRMATION', 'WITHDRAWN') GROUP BY t.status", rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                }, planId);
        long tickets = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long rectified = byStatus.getOrDefault("VERIFIED", 0L) + byStatus.getOrDefault("CLOSED", 0L);
        long falsePositive = byStatus.getOrDefault("FALSE_POSITIVE", 0L);
        long exempted = byStatus.getOrDefault("EXEMPTED", 0L);
        long base = tickets - falsePositive - exempted;
        Double rate = base <= 0 ? null : Math.round(rectified * 1000.0 / base) / 10.0;
        Boolean met = plan.getTargetRectificationPct() == null || rate == null ? null
                : rate >= plan.getTargetRectificationPct();
        return new PlanFigures(runs == null ? 0 : runs, last.isEmpty() ? null : last.get(0),
                findings == null ? 0 : findings, tickets, rectified, falsePositive, exempted, rate, met);
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
