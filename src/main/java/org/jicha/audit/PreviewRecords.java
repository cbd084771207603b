package org.jicha.audit;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jicha.audit.ImpactPreview.Change;
import org.jicha.audit.ImpactPreview.Difference;
import org.jicha.audit.ImpactPreview.RuleImpact;
import org.jicha.records.CustomerNames;
import org.jicha.rules.Finding;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Stored impact previews ({@code audit_previews}, {@code audit_preview_rules}, {@code audit_preview_subjects}):
 * the counts per rule and only the findings that differ between the candidate and the set in force, each with its
 * subject, its customer's name and its evidence, read back a page at a time. The newest {@value #KEEP} previews are
 * kept, older ones removed when a preview is stored.
 */
@Component
public class PreviewRecords {

    static final int KEEP = 20;

    private final JdbcTemplate jdbc;
    private final CustomerNames names;

    PreviewRecords(JdbcTemplate jdbc, CustomerNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** A stored preview: what was compared as of when, by whom. */
    public record PreviewView(
            long id,
            String candidateId,
            String candidateHash,
            String currentHash,
            LocalDate asOf,
            String auditedPeriod,
            String previewedBy,
            Instant previewedAt) {}

    /** A differing finding as the preview page lists it. */
    public record PreviewSubject(
            String ruleCode,
            Change change,
            String subjectType,
            String subjectId,
            String period,
            String customerNo,
            String customerName,
            String stationCode,
            String message) {}

    long start(
            String candidateId,
            String candidateHash,
            String currentHash,
            LocalDate asOf,
            String auditedPeriod,
            String actor,
            Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO audit_previews (candidate_id, candidate_hash, current_hash, as_of, "
                                    + "audited_period, previewed_by, previewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setString(1, candidateId);
                    ps.setString(2, candidateHash);
                    ps.setString(3, currentHash);
                    ps.setDate(4, Date.valueOf(asOf));
                    ps.setString(5, auditedPeriod);
                    ps.setString(6, actor);
                    ps.setTimestamp(7, Timestamp.from(at));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    /** Stores one batch's differing findings with their customers' names. */
    void add(long previewId, List<Difference> differences) {
        Map<String, String> customerNames =
                names.of(differences.stream().map(d -> d.finding().customerNo()).toList());
        List<Object[]> rows = new ArrayList<>(differences.size());
        for (Difference d : differences) {
            Finding f = d.finding();
            rows.add(new Object[] {
                previewId,
                f.ruleCode(),
                d.change().name(),
                f.subjectType().name(),
                f.subjectId(),
                f.period(),
                f.customerNo(),
                f.customerNo() == null ? null : customerNames.get(f.customerNo()),
                f.stationCode(),
                fit(f.message(), 2000)
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO audit_preview_subjects (preview_id, rule_code, change_kind, subject_type, subject_id, "
                        + "period, customer_no, customer_name, station_code, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** Stores the counts per rule and removes previews beyond the newest {@value #KEEP}. */
    void finish(long previewId, List<RuleImpact> rules) {
        jdbc.batchUpdate(
                "INSERT INTO audit_preview_rules (preview_id, rule_code, title, findings_current, findings_candidate, "
                        + "newly_flagged, no_longer_flagged, errors_current, errors_candidate, first_error) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rules.stream()
                        .map(r -> new Object[] {
                            previewId,
                            r.ruleCode(),
                            r.title() == null ? null : fit(r.title(), 400),
                            r.findingsCurrent(),
                            r.findingsCandidate(),
                            r.newlyFlaggedCount(),
                            r.noLongerFlaggedCount(),
                            r.errorsCurrent(),
                            r.errorsCandidate(),
                            r.firstError() == null ? null : fit(r.firstError(), 2000)
                        })
                        .toList());
        List<Long> old = jdbc.queryForList(
                "SELECT id FROM audit_previews ORDER BY id DESC OFFSET " + KEEP + " ROWS", Long.class);
        old.forEach(this::discard);
    }

    /** Removes a preview and what it holds (a preview that failed half-way, or one beyond those kept). */
    void discard(long previewId) {
        jdbc.update("DELETE FROM audit_preview_subjects WHERE preview_id = ?", previewId);
        jdbc.update("DELETE FROM audit_preview_rules WHERE preview_id = ?", previewId);
        jdbc.update("DELETE FROM audit_previews WHERE id = ?", previewId);
    }

    public Optional<PreviewView> find(long previewId) {
        return jdbc
                .query(
                        "SELECT id, candidate_id, candidate_hash, current_hash, as_of, audited_period, previewed_by, "
                                + "previewed_at FROM audit_previews WHERE id = ?",
                        (rs, i) -> new PreviewView(
                                rs.getLong("id"),
                                rs.getString("candidate_id"),
                                rs.getString("candidate_hash"),
                                rs.getString("current_hash"),
                                rs.getDate("as_of").toLocalDate(),
                                rs.getString("audited_period"),
                                rs.getString("previewed_by"),
                                rs.getTimestamp("previewed_at").toInstant()),
                        previewId)
                .stream()
                .findFirst();
    }

    /** The counts per rule of a preview, the rules that change first (by code). */
    public List<RuleImpact> rules(long previewId) {
        return jdbc.query(
                "SELECT rule_code, title, findings_current, findings_candidate, newly_flagged, no_longer_flagged, "
                        + "errors_current, errors_candidate, first_error FROM audit_preview_rules WHERE preview_id = ? "
                        + "ORDER BY CASE WHEN newly_flagged + no_longer_flagged > 0 THEN 0 ELSE 1 END, rule_code",
                (rs, i) -> new RuleImpact(
                        rs.getString("rule_code"),
                        rs.getString("title"),
                        rs.getLong("findings_current"),
                        rs.getLong("findings_candidate"),
                        rs.getLong("newly_flagged"),
                        List.of(),
                        rs.getLong("no_longer_flagged"),
                        List.of(),
                        rs.getLong("errors_current"),
                        rs.getLong("errors_candidate"),
                        rs.getString("first_error")),
                previewId);
    }

    /**
     * One page of a preview's differing findings, in the order they were found (customer key order), optionally
     * only one direction ({@code change}) and one rule ({@code ruleCode}).
     */
    public Page<PreviewSubject> subjects(long previewId, Change change, String ruleCode, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE preview_id = ?");
        List<Object> args = new ArrayList<>(List.of(previewId));
        if (change != null) {
            where.append(" AND change_kind = ?");
            args.add(change.name());
        }
        if (ruleCode != null) {
            where.append(" AND rule_code = ?");
            args.add(ruleCode);
        }
        Long total =
                jdbc.queryForObject("SELECT COUNT(*) FROM audit_preview_subjects" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add((long) page * size);
        paged.add(size);
        List<PreviewSubject> items = jdbc.query(
                "SELECT rule_code, change_kind, subject_type, subject_id, period, customer_no, customer_name, "
                        + "station_code, message FROM audit_preview_subjects" + where
                        + " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                (rs, i) -> new PreviewSubject(
                        rs.getString("rule_code"),
                        Change.valueOf(rs.getString("change_kind")),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        rs.getString("period"),
                        rs.getString("customer_no"),
                        rs.getString("customer_name"),
                        rs.getString("station_code"),
                        rs.getString("message")),
                paged.toArray());
        return new PageImpl<>(items, PageRequest.of(page, size), total == null ? 0 : total);
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
