package org.jicha.audit.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jicha.audit.RunErrorView;
import org.jicha.rules.RuleError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rule errors of runs ({@code audit_run_errors}, {@code audit_run_error_counts}): written with a batch's
 * findings, in its transaction, so a batch that rolls back (a partition taken over) counts nothing twice.
 */
@Component
public class RunErrorStore {

    private final JdbcTemplate jdbc;

    public RunErrorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a batch's errors to the run: every error to its rule's count (of partition {@code partNo}, 0 for a run
     * that is not partitioned), and the first {@code keepPerRule} of each rule in the run as rows.
     */
    public void record(long runId, int partNo, List<RuleError> errors, int keepPerRule, LocalDateTime at) {
        Map<String, List<RuleError>> byRule = new LinkedHashMap<>();
        errors.forEach(e ->
                byRule.computeIfAbsent(e.ruleCode(), k -> new ArrayList<>()).add(e));
        for (Map.Entry<String, List<RuleError>> rule : byRule.entrySet()) {
            String code = rule.getKey();
            int n = rule.getValue().size();
            if (jdbc.update(
                            "UPDATE audit_run_error_counts SET errors = errors + ? WHERE run_id = ? AND part_no = ? "
                                    + "AND rule_code = ?",
                            n,
                            runId,
                            partNo,
                            code)
                    == 0) {
                jdbc.update(
                        "INSERT INTO audit_run_error_counts (run_id, part_no, rule_code, errors) VALUES (?, ?, ?, ?)",
                        runId,
                        partNo,
                        code,
                        n);
            }
            Integer kept = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_run_errors WHERE run_id = ? AND rule_code = ?",
                    Integer.class,
                    runId,
                    code);
            List<Object[]> rows = rule.getValue().stream()
                    .limit(Math.max(0, keepPerRule - (kept == null ? 0 : kept)))
                    .map(e -> new Object[] {
                        runId,
                        code,
                        clip(e.location(), 300),
                        clip(e.subject(), 120),
                        clip(e.message(), 2000),
                        Timestamp.valueOf(at)
                    })
                    .toList();
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO audit_run_errors (run_id, rule_code, location, subject, message, at) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        rows);
            }
        }
    }

    /** The codes of the rules that threw in the run ({@link RuleError#UNKNOWN_RULE} among them if Drools named none). */
    public Set<String> failedRules(long runId) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT DISTINCT rule_code FROM audit_run_error_counts WHERE run_id = ?", String.class, runId));
    }

    /** Each rule's errors in the run, with its first {@code shownPerRule} subjects; titles by rule code. */
    public List<RunErrorView> of(long runId, int shownPerRule, Function<String, String> titles) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT rule_code, SUM(errors) AS n FROM audit_run_error_counts WHERE run_id = ? GROUP BY rule_code "
                        + "ORDER BY rule_code",
                rs -> {
                    counts.put(rs.getString("rule_code"), rs.getLong("n"));
                },
                runId);
        List<RunErrorView> views = new ArrayList<>();
        counts.forEach((code, count) -> {
            List<String> location = new ArrayList<>();
            List<RunErrorView.Occurrence> first = jdbc.query(
                    "SELECT location, subject, message, at FROM audit_run_errors "
                            + "WHERE run_id = ? AND rule_code = ? ORDER BY id FETCH FIRST " + Math.max(1, shownPerRule)
                            + " ROWS ONLY",
                    (rs, i) -> {
                        location.add(rs.getString("location"));
                        return new RunErrorView.Occurrence(
                                rs.getString("subject"),
                                rs.getString("message"),
                                rs.getTimestamp("at").toLocalDateTime());
                    },
                    runId,
                    code);
            views.add(new RunErrorView(
                    code, titles.apply(code), location.isEmpty() ? "" : location.get(0), count, first));
        });
        return views;
    }

    /** One line per rule for the run's message: {@code MET-97 2 次 / 2 times}. */
    public String summary(long runId) {
        List<String> parts = new ArrayList<>();
        jdbc.query(
                "SELECT rule_code, SUM(errors) AS n FROM audit_run_error_counts WHERE run_id = ? GROUP BY rule_code "
                        + "ORDER BY rule_code",
                rs -> {
                    parts.add(rs.getString("rule_code") + " × " + rs.getLong("n"));
                },
                runId);
        return String.join(", ", parts);
    }

    private static String clip(String s, int max) {
        String value = s == null ? "" : s;
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
