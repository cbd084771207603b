package org.jicha.audit.internal;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jicha.facts.SubjectType;
import org.jicha.ingest.LoadHistory;
import org.jicha.records.RecordChanges;
import org.jicha.rules.Finding;
import org.jicha.rules.Severity;
import org.jicha.rules.Theme;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SQL of incremental runs: which customers an incremental run must evaluate (their records changed since
 * the run before it, or a look-ahead said time may change their findings), carrying the other customers'
 * findings over from that run, and the look-ahead's re-check list. What changed in the records and the hash of the
 * reference tables (tariffs, units, staff: when they change, only a full run is right) come from {@code records}
 * ({@link RecordChanges}), which loads come after a run from {@code ingest} ({@link LoadHistory}).
 */
@Component
public class ChangeTracker {

    private static final String FINDING_COLUMNS = "rule_code, theme, severity, subject_type, subject_id, customer_no, "
            + "station_code, period, message, fingerprint";

    private final JdbcTemplate jdbc;
    private final RecordChanges records;
    private final LoadHistory loads;

    public ChangeTracker(JdbcTemplate jdbc, RecordChanges records, LoadHistory loads) {
        this.jdbc = jdbc;
        this.records = records;
        this.loads = loads;
    }

    /** What an incremental run will evaluate. */
    public record Candidates(long changed, long recheck) {

        public long total() {
            return changed + recheck;
        }
    }

    /**
     * The last load finished before now with no load still running before it: every row of it and of the loads
     * before is committed. A run records it, so the next incremental run knows which loads came after.
     */
    public long loadsFinished() {
        return loads.loadsFinished();
    }

    /**
     * Lists the customers run {@code runId} must evaluate: those with a record the loads after
     * {@code loadsThrough} inserted or changed (the loader stamps such rows' {@code changed_at} with its load's
     * start, on its own clock, so loads are compared with loads), and those on the re-check list.
     */
    public Candidates selectCandidates(long runId, long loadsThrough) {
        LocalDateTime since = loads.startOfLoadsAfter(loadsThrough);
        long changedCount = 0;
        if (since != null) {
            Timestamp from = Timestamp.valueOf(since);
            String changed = records.changedCustomersQuery();
            Object[] args = new Object[records.changedCustomersParameters() + 1];
            args[0] = runId;
            for (int i = 1; i < args.length; i++) {
                args[i] = from;
            }
            changedCount = jdbc.update(
                    "INSERT INTO audit_run_candidates (run_id, customer_no, reason) "
                            + "SELECT ?, x.customer_no, 'CHANGED' FROM (" + changed
                            + ") x WHERE x.customer_no IS NOT NULL",
                    args);
        }
        long recheckCount = jdbc.update(
                "INSERT INTO audit_run_candidates (run_id, customer_no, reason) "
                        + "SELECT DISTINCT ?, r.customer_no, 'RECHECK' FROM audit_recheck r WHERE NOT EXISTS (SELECT 1 FROM "
                        + "audit_run_candidates k WHERE k.run_id = ? AND k.customer_no = r.customer_no)",
                runId,
                runId);
        return new Candidates(changedCount, recheckCount);
    }

    /** Remembers customers whose findings the run's look-ahead saw change before its horizon. */
    public void recordRechecks(long runId, Collection<String> customers) {
        if (customers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO audit_recheck (run_id, customer_no) VALUES (?, ?)",
                customers.stream().map(c -> new Object[] {runId, c}).toList());
    }

    /**
     * Copies the base run's findings of every customer this run did not evaluate into this run; the
     * applications without a customer are always evaluated, so their findings are never carried.
     *
     * @return how many findings were carried over
     */
    public long carryFindings(long runId, long baseRunId) {
        return jdbc.update(
                "INSERT INTO findings (run_id, " + FINDING_COLUMNS + ") SELECT ?, " + FINDING_COLUMNS
                        + " FROM findings f WHERE f.run_id = ? AND f.customer_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                        + "audit_run_candidates k WHERE k.run_id = ? AND k.customer_no = f.customer_no)",
                runId,
                baseRunId,
                runId);
    }

    /** The findings {@link #carryFindings} copied, {@code chunk} at a time in id order (for their tickets). */
    public void forEachCarried(long runId, int chunk, Consumer<List<Finding>> consumer) {
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<Finding> findings = jdbc.query(
                    "SELECT f.id, " + FINDING_COLUMNS + " FROM findings f WHERE f.run_id = ? "
                            + "AND f.id > ? AND f.customer_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_run_candidates k "
                            + "WHERE k.run_id = ? AND k.customer_no = f.customer_no) ORDER BY f.id FETCH FIRST " + chunk
                            + " ROWS ONLY",
                    (rs, i) -> {
                        ids.add(rs.getLong("id"));
                        return new Finding(
                                rs.getString("rule_code"),
                                Theme.valueOf(rs.getString("theme")),
                                Severity.valueOf(rs.getString("severity")),
                                SubjectType.valueOf(rs.getString("subject_type")),
                                rs.getString("subject_id"),
                                rs.getString("customer_no"),
                                rs.getString("station_code"),
                                rs.getString("period"),
                                rs.getString("message"));
                    },
                    runId,
                    after,
                    runId);
            if (findings.isEmpty()) {
                return;
            }
            consumer.accept(findings);
            if (findings.size() < chunk) {
                return;
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * After a completed run: a full run's re-check list replaces every earlier one; an incremental run's replaces
     * the earlier entries of the customers it evaluated. Its candidate list is then dropped.
     */
    public void completed(long runId, boolean incremental) {
        if (incremental) {
            jdbc.update(
                    "DELETE FROM audit_recheck WHERE run_id <> ? AND customer_no IN (SELECT customer_no FROM "
                            + "audit_run_candidates WHERE run_id = ?)",
                    runId,
                    runId);
        } else {
            jdbc.update("DELETE FROM audit_recheck WHERE run_id <> ?", runId);
        }
        jdbc.update("DELETE FROM audit_run_candidates WHERE run_id = ?", runId);
    }

    /** Findings per rule of a run, counted in the database (an incremental run's include the carried ones). */
    public Map<String, Long> countsByRule(long runId) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT rule_code, COUNT(*) AS n FROM findings WHERE run_id = ? GROUP BY rule_code",
                rs -> {
                    counts.put(rs.getString("rule_code"), rs.getLong("n"));
                },
                runId);
        return counts;
    }

    /**
     * A SHA-256 of the reference tables every customer's evaluation depends on (tariffs, units, staff), so an
     * incremental run can tell that they are as its base read them.
     */
    public String referenceHash() {
        return records.referenceHash();
    }
}
