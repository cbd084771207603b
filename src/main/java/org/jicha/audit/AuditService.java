package org.jicha.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jicha.audit.internal.FindingStore;
import org.jicha.audit.internal.JdbcRecordReader;
import org.jicha.facts.AuditContext;
import org.jicha.facts.AuditSubject;
import org.jicha.facts.FactAssembler;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketService.TicketRound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs audits: every rule of the active rule set over every subject, as of a date. Customers are read
 * in bounded batches; each batch is assembled into facts, evaluated in one stateless session, and its
 * findings and tickets written in one transaction. Runs never overlap on a node.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final ActiveRuleSet rules;
    private final JdbcRecordReader reader;
    private final FindingStore findingStore;
    private final TicketService tickets;
    private final AuditRunRepository runs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditProperties properties;
    private final Clock clock;
    private final Semaphore oneRunAtATime = new Semaphore(1);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "audit-run");
        t.setDaemon(true);
        return t;
    });

    public AuditService(ActiveRuleSet rules, JdbcRecordReader reader, FindingStore findingStore, TicketService tickets,
                        AuditRunRepository runs, JdbcTemplate jdbc, TransactionTemplate tx, AuditProperties properties,
                        Clock clock) {
        this.rules = rules;
        this.reader = reader;
        this.findingStore = findingStore;
        this.tickets = tickets;
        this.runs = runs;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** Today in the utility's time zone: the as-of date of a nightly run. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Runs an audit now, in the caller's thread; throws {@link RunInProgressException} if one is running. */
    public RunView run(LocalDate asOf, RunTrigger trigger) {
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            // taken once: a rule set swapped in meanwhile applies to the next run, never to half of this one
            RuleSet ruleSet = rules.current();
            AuditRun run = begin(asOf, trigger, ruleSet);
            return execute(run, ruleSet);
        } finally {
            oneRunAtATime.release();
        }
    }

    /** Starts an audit in the background and returns the run as recorded at its start. */
    public RunView start(LocalDate asOf, RunTrigger trigger) {
        if (!oneRunAtATime.tryAcquire()) {
            throw new RunInProgressException();
        }
        try {
            RuleSet ruleSet = rules.current();
            AuditRun run = begin(asOf, trigger, ruleSet);
            background.submit(() -> {
                try {
                    execute(run, ruleSet);
                } finally {
                    oneRunAtATime.release();
                }
            });
            return RunView.of(run, Map.of());
        } catch (RuntimeException e) {
            oneRunAtATime.release();
            throw e;
        }
    }

    private AuditRun begin(LocalDate asOf, RunTrigger trigger, RuleSet ruleSet) {
        AuditContext ctx = ruleSet.contextAsOf(asOf);
        return runs.save(AuditRun.start(asOf, ctx.getAuditedPeriod(), ruleSet.contentHash(), ruleSet.rules().size(),
                trigger, now()));
    }

    private RunView execute(AuditRun run, RuleSet ruleSet) {
        AuditContext ctx = ruleSet.contextAsOf(run.getAsOf());
        FactAssembler assembler = new FactAssembler(reader.tariffs());
        TicketRound round = tickets.startRound(run.getId(), ruleSet, today(), now());
        AtomicLong subjects = new AtomicLong();
        Map<String, Long> perRule = new TreeMap<>();
        ruleSet.rules().forEach(r -> perRule.put(r.code(), 0L));
        long started = System.nanoTime();
        try {
            java.util.function.Consumer<List<CustomerBundle>> evaluateBatch = batch -> {
                List<Object> facts = new ArrayList<>();
                for (CustomerBundle bundle : batch) {
                    facts.addAll(assembler.assemble(bundle, ctx));
                }
                subjects.addAndGet(facts.stream().filter(AuditSubject.class::isInstance).count());
                List<Finding> findings = ruleSet.evaluate(ctx, facts);
                findings.forEach(f -> perRule.merge(f.ruleCode(), 1L, Long::sum));
                if (!findings.isEmpty()) {
                    tx.executeWithoutResult(status -> {
                        findingStore.insert(run.getId(), findings);
                        tickets.record(round, findings);
                    });
                }
            };
            reader.forEachCustomerBatch(properties.batchSize(), FactAssembler.firstHistoryPeriod(ctx), evaluateBatch);
            reader.forEachOrphanApplicationBatch(properties.batchSize(), evaluateBatch);
            long total = perRule.values().stream().mapToLong(Long::longValue).sum();
            tx.executeWithoutResult(status -> {
                findingStore.insertRuleCounts(run.getId(), perRule);
                tickets.markNotDetected(round, ctx.getAuditedPeriod());
                run.complete(subjects.get(), total, notes(ruleSet, ctx), now());
                runs.save(run);
            });
            log.info("Audit run {} as of {} completed: {} subjects, {} findings in {} ms", run.getId(), run.getAsOf(),
                    subjects.get(), total, (System.nanoTime() - started) / 1_000_000);
            return RunView.of(run, perRule);
        } catch (RuntimeException e) {
            log.error("Audit run {} failed", run.getId(), e);
            run.fail(e.getClass().getSimpleName() + ": " + e.getMessage(), now());
            runs.save(run);
            throw e;
        }
    }

    private String notes(RuleSet ruleSet, AuditContext ctx) {
        List<String> notes = new ArrayList<>();
        for (LocalDate d : List.of(ctx.getPeriodStart(), ctx.getAsOf(), today())) {
            if (!ruleSet.calendar().covers(d)) {
                notes.add("工作日历未覆盖 " + d.getYear() + " 年，仅按周末计算工作日 / the working-day calendar does not cover "
                        + d.getYear() + ": only weekends are known");
                break;
            }
        }
        notes.addAll(uncomputableRules(ruleSet));
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /**
     * Rules that cannot be computed from the stored data: a column a rule {@code @requires} holds no value in
     * any stored record (e.g. an extract without reactive energy cannot check the power-factor adjustment).
     * Said in the run's report instead of silently finding nothing.
     */
    private List<String> uncomputableRules(RuleSet ruleSet) {
        Map<String, List<String>> rulesByColumn = new TreeMap<>();
        for (RuleMeta rule : ruleSet.rules()) {
            rule.requires().forEach(c -> rulesByColumn.computeIfAbsent(c, k -> new ArrayList<>()).add(rule.code()));
        }
        List<String> notes = new ArrayList<>();
        rulesByColumn.forEach((column, codes) -> {
            String[] parts = column.split("\\.");
            String state;
            try {
                Long filled = jdbc.queryForObject("SELECT COUNT(*) FROM " + parts[0] + " WHERE " + parts[1]
                        + " IS NOT NULL", Long.class);
                state = filled != null && filled > 0 ? null : "在已装载数据中全部为空 / is empty in every stored record";
            } catch (org.springframework.dao.DataAccessException e) {
                state = "不是数据契约中的列 / is not a column of the data contract";
            }
            if (state != null) {
                notes.add(String.join(", ", codes) + " 无法计算 / cannot be computed: " + column + " " + state);
            }
        });
        return notes;
    }

    /** Marks runs left RUNNING by a stopped server as FAILED, so the history tells the truth. */
    public int failInterruptedRuns() {
        List<AuditRun> stale = runs.findByStatus(RunStatus.RUNNING);
        for (AuditRun run : stale) {
            run.fail("服务停止导致中断 / interrupted: the server stopped during the run", now());
            runs.save(run);
        }
        return stale.size();
    }

    public Page<RunView> list(Pageable pageable) {
        return runs.findAllByOrderByIdDesc(pageable).map(run -> RunView.of(run, Map.of()));
    }

    public RunView get(long id) {
        AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
        return RunView.of(run, ruleCounts(id));
    }

    public java.util.Optional<RunView> latestCompleted() {
        return runs.findFirstByStatusOrderByIdDesc(RunStatus.COMPLETED).map(r -> RunView.of(r, ruleCounts(r.getId())));
    }

    private Map<String, Long> ruleCounts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT rule_code, findings FROM audit_run_rule_counts WHERE run_id = ? ORDER BY rule_code",
                rs -> {
                    counts.put(rs.getString("rule_code"), rs.getLong("findings"));
                }, runId);
        return counts;
    }

    /** A page of a run's findings, optionally of one rule, in a stable order. */
    public List<FindingView> findings(long runId, String ruleCode, int offset, int limit) {
        if (!runs.existsById(runId)) {
            throw new RunNotFoundException(runId);
        }
        String where = ruleCode == null ? "run_id = ?" : "run_id = ? AND rule_code = ?";
        Object[] args = ruleCode == null ? new Object[] {runId, limit, offset} : new Object[] {runId, ruleCode, limit, offset};
        return jdbc.query("SELECT * FROM findings WHERE " + where
                + " ORDER BY rule_code, subject_type, subject_id, period LIMIT ? OFFSET ?", (rs, i) -> new FindingView(
                rs.getLong("id"), rs.getLong("run_id"), rs.getString("rule_code"), rs.getString("theme"),
                rs.getString("severity"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("customer_no"), rs.getString("station_code"), rs.getString("period"),
                rs.getString("message")), args);
    }

    /** Findings per rule in the last {@code runs} completed runs, oldest first: each rule's trend. */
    public List<RuleRunCount> findingsPerRuleOfLastRuns(int runs) {
        return jdbc.query("SELECT c.rule_code, r.id, r.as_of, c.findings FROM audit_run_rule_counts c "
                        + "JOIN audit_runs r ON r.id = c.run_id WHERE r.id IN (SELECT id FROM audit_runs "
                        + "WHERE status = 'COMPLETED' ORDER BY id DESC FETCH FIRST " + Math.max(1, runs) + " ROWS ONLY) "
                        + "ORDER BY c.rule_code, r.id",
                (rs, i) -> new RuleRunCount(rs.getString("rule_code"), rs.getLong("id"),
                        rs.getObject("as_of", LocalDate.class), rs.getLong("findings")));
    }

    /** How many findings a rule raised in one run. */
    public record RuleRunCount(String ruleCode, long runId, LocalDate asOf, long findings) {
    }

    public List<RuleMeta> ruleCatalogue() {
        return rules.current().rules();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
