package org.jicha.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jicha.audit.internal.RunErrorStore;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.RunTickets;
import org.jicha.tickets.TicketService.BrakeBasis;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the audit tables say about runs and their findings, for the API, the pages, reports and plans: the run
 * history, one run with its counts, partitions, data gaps and rule errors, its findings page by page or streamed,
 * and each rule's trend over the last runs. Reads only; the runs are written by {@link RunRecorder}.
 */
@Service
public class RunQueries {

    /** The statuses of a run that covered its whole scope: reports and the dashboard read such runs. */
    static final List<RunStatus> COMPLETED = List.of(RunStatus.COMPLETED, RunStatus.COMPLETED_WITH_ERRORS);

    private final AuditRunRepository runs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ActiveRuleSet rules;
    private final RunErrorStore errorStore;
    private final RunTickets runTickets;
    private final AuditProperties properties;

    RunQueries(
            AuditRunRepository runs,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            ActiveRuleSet rules,
            RunErrorStore errorStore,
            RunTickets runTickets,
            AuditProperties properties) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.tx = tx;
        this.rules = rules;
        this.errorStore = errorStore;
        this.runTickets = runTickets;
        this.properties = properties;
    }

    /** How many findings a rule raised in one run. */
    public record RuleRunCount(String ruleCode, long runId, LocalDate asOf, long findings) {}

    /** A page of runs, newest first; a held or forced run with the stations that lacked data. */
    public Page<RunView> list(Pageable pageable) {
        return runs.findAllByOrderByIdDesc(pageable)
                .map(run -> RunView.of(
                        run,
                        Map.of(),
                        List.of(),
                        run.getStatus() == RunStatus.HELD || run.getForceReason() != null
                                ? gapsOf(run.getId())
                                : List.of(),
                        List.of(),
                        List.of()));
    }

    /** A run with its findings per rule, its partitions and the errors of the rules that threw in it. */
    public RunView get(long id) {
        AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
        RuleSet ruleSet = rules.current();
        List<RunErrorView> errors = errorStore.of(
                id,
                properties.maxErrorsPerRule(),
                code -> ruleSet.rule(code).map(RuleMeta::title).orElse(null));
        return RunView.of(
                run,
                ruleCounts(id),
                run.isPartitioned() ? PartitionView.of(jdbc, id) : List.of(),
                gapsOf(id),
                runTickets.held(id),
                errors);
    }

    /**
     * The latest held run, unless a run completed (with or without rule errors) after it (the data arrived
     * meanwhile): what the dashboard warns about.
     */
    public Optional<RunView> unresolvedHeld() {
        return runs.findFirstByStatusOrderByIdDesc(RunStatus.HELD)
                .filter(held -> runs.findFirstByStatusInOrderByIdDesc(COMPLETED)
                        .map(done -> done.getId() < held.getId())
                        .orElse(true))
                .map(held -> RunView.of(held, Map.of(), List.of(), gapsOf(held.getId()), List.of(), List.of()));
    }

    /** The latest completed run, also one that completed with rule errors (its other results are whole). */
    public Optional<RunView> latestCompleted() {
        return runs.findFirstByStatusInOrderByIdDesc(COMPLETED).map(r -> RunView.of(r, ruleCounts(r.getId())));
    }

    /** A page of a run's findings, optionally of one rule, in a stable order. */
    public List<FindingView> findings(long runId, String ruleCode, int offset, int limit) {
        if (!runs.existsById(runId)) {
            throw new RunNotFoundException(runId);
        }
        String where = ruleCode == null ? "run_id = ?" : "run_id = ? AND rule_code = ?";
        Object[] args =
                ruleCode == null ? new Object[] {runId, limit, offset} : new Object[] {runId, ruleCode, limit, offset};
        return jdbc.query(
                "SELECT * FROM findings WHERE " + where
                        + " ORDER BY rule_code, subject_type, subject_id, period LIMIT ? OFFSET ?",
                RunQueries::finding,
                args);
    }

    /**
     * Every finding of a run, in the order of {@link #findings}, handed over one at a time from a single query read
     * with a fetch size (in a transaction, so PostgreSQL streams it through a cursor; H2 keeps a large result on
     * disk): an export of any size costs one sort, where pages by OFFSET sort the run's findings again for each page.
     *
     * @return how many findings were handed over
     */
    public long forEachFinding(long runId, Consumer<FindingView> sink) {
        if (!runs.existsById(runId)) {
            throw new RunNotFoundException(runId);
        }
        Long count = tx.execute(status -> {
            long[] n = {0};
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement("SELECT * FROM findings WHERE run_id = ?"
                                + " ORDER BY rule_code, subject_type, subject_id, period");
                        statement.setFetchSize(1_000);
                        statement.setLong(1, runId);
                        return statement;
                    },
                    (RowCallbackHandler) rs -> {
                        sink.accept(finding(rs, 0));
                        n[0]++;
                    });
            return n[0];
        });
        return count == null ? 0 : count;
    }

    /** Findings per rule in the last {@code runs} completed runs, oldest first: each rule's trend. */
    public List<RuleRunCount> findingsPerRuleOfLastRuns(int runs) {
        return jdbc.query(
                "SELECT c.rule_code, r.id, r.as_of, c.findings FROM audit_run_rule_counts c "
                        + "JOIN audit_runs r ON r.id = c.run_id WHERE r.id IN (SELECT id FROM audit_runs "
                        + "WHERE status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') ORDER BY id DESC FETCH FIRST "
                        + Math.max(1, runs) + " ROWS ONLY) "
                        + "ORDER BY c.rule_code, r.id",
                (rs, i) -> new RuleRunCount(
                        rs.getString("rule_code"),
                        rs.getLong("id"),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getLong("findings")));
    }

    /** The rules of the set in force. */
    public List<RuleMeta> ruleCatalogue() {
        return rules.current().rules();
    }

    /**
     * What the brake compares a run of {@code period} with: per rule, the earlier audited periods (newest first) in
     * which a completed, not withdrawn run over everything (full or incremental) evaluated it. (A run whose rule
     * threw on some subjects, COMPLETED_WITH_ERRORS, has completed too.)
     */
    BrakeBasis brakeBasis(String period) {
        Map<String, List<String>> earlier = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT c.rule_code, r.audited_period FROM audit_run_rule_counts c "
                        + "JOIN audit_runs r ON r.id = c.run_id WHERE r.status IN ('COMPLETED', 'COMPLETED_WITH_ERRORS') "
                        + "AND r.withdrawn_at IS NULL AND r.run_mode IN ('FULL', 'INCREMENTAL') AND r.audited_period < ? "
                        + "ORDER BY c.rule_code, r.audited_period DESC",
                rs -> {
                    earlier.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                },
                period);
        return new BrakeBasis(period, earlier);
    }

    /** The stations of a held or forced run whose data had not arrived. */
    List<DataGap> gapsOf(long runId) {
        return jdbc.query(
                "SELECT * FROM audit_run_data_gaps WHERE run_id = ? ORDER BY station_code",
                (rs, i) -> new DataGap(
                        rs.getString("station_code"),
                        rs.getString("station_name"),
                        rs.getLong("meters"),
                        rs.getLong("readings"),
                        rs.getLong("customers"),
                        rs.getLong("bills")),
                runId);
    }

    private Map<String, Long> ruleCounts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT rule_code, findings FROM audit_run_rule_counts WHERE run_id = ? ORDER BY rule_code",
                rs -> {
                    counts.put(rs.getString("rule_code"), rs.getLong("findings"));
                },
                runId);
        return counts;
    }

    private static FindingView finding(ResultSet rs, int row) throws SQLException {
        return new FindingView(
                rs.getLong("id"),
                rs.getLong("run_id"),
                rs.getString("rule_code"),
                rs.getString("theme"),
                rs.getString("severity"),
                rs.getString("subject_type"),
                rs.getString("subject_id"),
                rs.getString("customer_no"),
                rs.getString("station_code"),
                rs.getString("period"),
                rs.getString("message"));
    }
}
