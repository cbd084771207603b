package org.jicha.tickets;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.internal.TeamDirectory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens and refreshes tickets from a run's findings, in bulk. A finding whose fingerprint has a ticket
 * refreshes its last-seen run; a new one opens a ticket (DISPATCHED when the responsible team exists,
 * else NEW for an auditor to dispatch). At the end of a run, tickets the run covered but did not see
 * again are marked as not detected since that run.
 */
@Service
public class TicketService {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TicketRepository repository;

    public TicketService(JdbcTemplate jdbc, TicketRepository repository) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.repository = repository;
    }

    /** Per run: who receives tickets, and the dates tickets open on. */
    public TicketRound startRound(long runId, RuleSet ruleSet, LocalDate today, LocalDateTime now) {
        return new TicketRound(runId, ruleSet, TeamDirectory.read(jdbc), today, now);
    }

    /** A round of a scoped run: only tickets within {@code scope} can be marked "not detected" by it. */
    public TicketRound startRound(long runId, RuleSet ruleSet, LocalDate today, LocalDateTime now, RoundScope scope) {
        return new TicketRound(runId, ruleSet, TeamDirectory.read(jdbc), today, now, scope);
    }

    /** Opens or refreshes the tickets of a batch of findings; joins the caller's transaction. */
    @Transactional
    public void record(TicketRound round, Collection<Finding> findings) {
        List<Finding> all = new ArrayList<>(findings);
        for (int from = 0; from < all.size(); from += CHUNK) {
            recordChunk(round, all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }

    private void recordChunk(TicketRound round, List<Finding> chunk) {
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        chunk.forEach(f -> byFingerprint.putIfAbsent(f.fingerprint(), f));
        Set<String> existing = new HashSet<>(named.queryForList(
                "SELECT fingerprint FROM inspection_tickets WHERE fingerprint IN (:fps)",
                new MapSqlParameterSource("fps", byFingerprint.keySet()), String.class));
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (Finding f : byFingerprint.values()) {
            if (existing.contains(f.fingerprint())) {
                updates.add(new Object[] {round.runId(), f.message(), f.fingerprint()});
                continue;
            }
            RuleMeta meta = round.ruleSet().rule(f.ruleCode()).orElseThrow();
            String team = round.teams().teamFor(f.stationCode(), meta.teamKind().name());
            LocalDate due = round.ruleSet().calendar().plusWorkingDays(round.today(), meta.rectifyDays());
            inserts.add(new Object[] {f.fingerprint(), f.ruleCode(), f.theme().name(), f.severity().name(),
                    meta.title(), f.subjectType().name(), f.subjectId(), f.customerNo(), f.period(), f.stationCode(),
                    meta.teamKind().name(), team, f.message(), meta.remedy(),
                    (team == null ? TicketStatus.NEW : TicketStatus.DISPATCHED).name(),
                    Timestamp.valueOf(round.now()), due, round.runId(), round.runId()});
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE inspection_tickets SET last_seen_run_id = ?, message = ?, "
                    + "not_detected_since_run_id = NULL, version = version + 1 WHERE fingerprint = ?", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO inspection_tickets (fingerprint, rule_code, theme, severity, title, "
                    + "subject_type, subject_id, customer_no, period, station_code, team_kind, team_unit_code, message, "
                    + "remedy, status, opened_at, due_on, first_run_id, last_seen_run_id, occurrences, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)", inserts);
        }
    }

    /**
     * Marks the tickets this run covered but did not see again: tickets of the run's rules whose period
     * is empty (state rules) or the run's audited period.
     *
     * @return how many tickets were marked
     */
    @Transactional
    public int markNotDetected(TicketRound round, String auditedPeriod) {
        List<String> codes = round.coveredRuleCodes();
        Set<String> stations = round.scope().stationCodes();
        if (codes.isEmpty() || (stations != null && stations.isEmpty())) {
            return 0;
        }
        return named.update("UPDATE inspection_tickets SET not_detected_since_run_id = :run, version = version + 1 "
                        + "WHERE last_seen_run_id < :run AND not_detected_since_run_id IS NULL "
                        + "AND rule_code IN (:codes) AND (period IS NULL OR period = :period)"
                        + (stations == null ? "" : " AND station_code IN (:stations)"),
                new MapSqlParameterSource("run", round.runId()).addValue("codes", codes).addValue("period", auditedPeriod)
                        .addValue("stations", stations));
    }

    @Transactional(readOnly = true)
    public Page<InspectionTicket> search(TicketFilter filter, Pageable pageable) {
        Specification<InspectionTicket> spec = (root, query, cb) -> cb.conjunction();
        if (filter.theme() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("theme"), filter.theme()));
        }
        if (filter.rule() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("ruleCode"), filter.rule()));
        }
        if (filter.unit() != null) {
            spec = spec.and((root, query, cb) -> cb.or(cb.equal(root.get("teamUnitCode"), filter.unit()),
                    cb.equal(root.get("stationCode"), filter.unit())));
        }
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        return repository.findAll(spec, pageable);
    }

    @Transactional(readOnly = true)
    public InspectionTicket get(long id) {
        return repository.findById(id).orElseThrow(() -> new TicketNotFoundException(id));
    }

    /** Tickets per rule and status: open work and, once auditors judge tickets, each rule's precision. */
    @Transactional(readOnly = true)
    public Map<String, Map<TicketStatus, Long>> countsByRuleAndStatus() {
        Map<String, Map<TicketStatus, Long>> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT rule_code, status, COUNT(*) AS n FROM inspection_tickets GROUP BY rule_code, status",
                rs -> {
                    counts.computeIfAbsent(rs.getString("rule_code"), k -> new java.util.EnumMap<>(TicketStatus.class))
                            .put(TicketStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Open tickets per theme, for the overview. */
    @Transactional(readOnly = true)
    public Map<String, Long> openByTheme() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT theme, COUNT(*) AS n FROM inspection_tickets WHERE status IN ('NEW', 'DISPATCHED', "
                + "'FEEDBACK_SUBMITTED', 'RETURNED', 'SCOPE_REJECTED') GROUP BY theme ORDER BY theme",
                rs -> {
                    counts.put(rs.getString("theme"), rs.getLong("n"));
                });
        return counts;
    }

    /** Per-run context for ticket bookkeeping; {@code scope} says which tickets the run covers. */
    public record TicketRound(long runId, RuleSet ruleSet, TeamDirectory teams, LocalDate today, LocalDateTime now,
                              RoundScope scope) {

        public TicketRound {
            scope = scope == null ? RoundScope.ALL : scope;
        }

        /** An unscoped round: every rule of the set, every station. */
        public TicketRound(long runId, RuleSet ruleSet, TeamDirectory teams, LocalDate today, LocalDateTime now) {
            this(runId, ruleSet, teams, today, now, RoundScope.ALL);
        }

        /** The codes of the rules this round covers: the scope's, else every rule of the set. */
        public List<String> coveredRuleCodes() {
            return ruleSet.rules().stream().map(RuleMeta::code)
                    .filter(c -> scope.ruleCodes() == null || scope.ruleCodes().contains(c)).toList();
        }
    }

    /**
     * What a scoped run covers for ticket bookkeeping: rule codes and station codes; null = all. A run marks
     * "not detected" only the tickets of rules in scope AND of stations in scope.
     */
    public record RoundScope(Set<String> ruleCodes, Set<String> stationCodes) {

        public static final RoundScope ALL = new RoundScope(null, null);

        public RoundScope {
            ruleCodes = ruleCodes == null ? null : Set.copyOf(ruleCodes);
            stationCodes = stationCodes == null ? null : Set.copyOf(stationCodes);
        }
    }
}
