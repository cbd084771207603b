package org.jicha.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jicha.rules.Finding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes a run's findings and per-rule counts with JDBC batches (findings are many). */
@Component
public class FindingStore {

    private final JdbcTemplate jdbc;

    public FindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long runId, List<Finding> findings) {
        List<Object[]> rows = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            rows.add(new Object[] {
                runId,
                f.ruleCode(),
                f.theme().name(),
                f.severity().name(),
                f.subjectType().name(),
                f.subjectId(),
                f.customerNo(),
                f.stationCode(),
                f.period(),
                truncate(f.message()),
                f.fingerprint()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO findings (run_id, rule_code, theme, severity, subject_type, subject_id, "
                        + "customer_no, station_code, period, message, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    public void insertRuleCounts(long runId, Map<String, Long> countsByRule) {
        List<Object[]> rows = countsByRule.entrySet().stream()
                .map(e -> new Object[] {runId, e.getKey(), e.getValue()})
                .toList();
        jdbc.batchUpdate("INSERT INTO audit_run_rule_counts (run_id, rule_code, findings) VALUES (?, ?, ?)", rows);
    }

    private static String truncate(String message) {
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }
}
