package org.jicha.audit;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.config.HealthLimits;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health component {@code heldRuns}: nightly and plan runs held (待数据) because their period's extract had not
 * arrived, and not resolved since: no run completed after them (the data arrived and a run went through) and no
 * auditor released them. Warns while there is one: the period's tickets are not opened until then.
 */
@Component
class HeldRunsHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;

    HeldRunsHealthIndicator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Map<String, Object> details = jdbc.query(
                "SELECT COUNT(*) AS n, MIN(id) AS oldest FROM audit_runs WHERE status = 'HELD' AND id > "
                        + "COALESCE((SELECT MAX(id) FROM audit_runs WHERE status IN ('COMPLETED', "
                        + "'COMPLETED_WITH_ERRORS')), 0)",
                rs -> {
                    rs.next();
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("held", rs.getLong("n"));
                    long oldest = rs.getLong("oldest");
                    if (!rs.wasNull()) {
                        d.put("oldestRun", oldest);
                    }
                    return d;
                });
        if (details.get("oldestRun") instanceof Long oldest) {
            jdbc.query(
                    "SELECT audited_period, as_of, started_at FROM audit_runs WHERE id = ?",
                    rs -> {
                        details.put("oldestPeriod", rs.getString("audited_period"));
                        details.put("oldestAsOf", rs.getDate("as_of").toLocalDate());
                        Timestamp at = rs.getTimestamp("started_at");
                        details.put("oldestHeldAt", at.toLocalDateTime().toString());
                    },
                    oldest);
            details.put(
                    "problem",
                    "有稽查因数据未到而暂停，请检查抽取数据或在运行页面放行 / runs are held for lack of an extract: check the "
                            + "extract, or release the run on its page");
            return Health.status(HealthLimits.WARNING).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
