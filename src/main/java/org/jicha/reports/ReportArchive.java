package org.jicha.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jicha.people.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monthly feedback archive: every team's feedback report of a month as XLSX and PDF under
 * {@code <archive-dir>/<period>/<team>/}, recorded in {@code report_archive}. Running it again for the same
 * month overwrites the same files and updates the same rows. After each team it publishes
 * {@link FeedbackReportArchived}, for mail to pick up.
 */
@Service
public class ReportArchive {

    private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);
    static final String FEEDBACK = "FEEDBACK";

    private final FeedbackReportService feedback;
    private final ReportRenderer renderer;
    private final ReportRuns runs;
    private final ReportsProperties properties;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportArchive(
            FeedbackReportService feedback,
            ReportRenderer renderer,
            ReportRuns runs,
            ReportsProperties properties,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.feedback = feedback;
        this.renderer = renderer;
        this.runs = runs;
        this.properties = properties;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The monthly job: the feedback reports of the month before today (Asia/Shanghai). */
    public List<ArchivedReport> archivePreviousMonth() {
        return archiveFeedback(
                YearMonth.from(LocalDate.now(clock.withZone(properties.zone()))).minusMonths(1));
    }

    /**
     * Archives every team's feedback report of a month. Without a completed run of that month there is
     * nothing to report: logged, and nothing archived.
     */
    public List<ArchivedReport> archiveFeedback(YearMonth period) {
        if (runs.latestCompleted(period).isEmpty()) {
            log.warn("No completed audit run of {}: no feedback reports archived", period);
            return List.of();
        }
        List<ArchivedReport> archived = new ArrayList<>();
        for (String team : feedback.teams()) {
            GeneratedReport report = feedback.feedback(Actor.SYSTEM, period.toString(), team);
            Path dir = properties.archiveDir().resolve(period.toString()).resolve(team);
            List<Path> paths = new ArrayList<>();
            for (ReportFormat format : List.of(ReportFormat.XLSX, ReportFormat.PDF)) {
                byte[] bytes = renderer.render(report.document(), format);
                Path file = write(dir, report.fileName(format), bytes);
                paths.add(file);
                archived.add(record(period, team, format, file, sha256(bytes)));
            }
            events.publishEvent(new FeedbackReportArchived(period.toString(), team, paths));
        }
        log.info(
                "Archived the feedback reports of {} for {} teams under {}",
                period,
                archived.size() / 2,
                properties.archiveDir().toAbsolutePath().normalize());
        return archived;
    }

    /** The archived reports the actor may see (its unit's subtree when bound to one), newest period first. */
    public List<ArchivedReport> list(Actor actor, String period) {
        String sql = SELECT;
        List<Object> args = new ArrayList<>();
        if (period != null && !period.isBlank()) {
            sql += " WHERE period = ?";
            args.add(ReportPeriod.parse(period).toString());
        }
        List<ArchivedReport> all =
                jdbc.query(sql + " ORDER BY period DESC, unit_code, kind, format", ReportArchive::row, args.toArray());
        return all.stream().filter(r -> mayRead(actor, r)).toList();
    }

    /**
     * An archived file for download, by its id in {@code report_archive}: the path comes from the archive's own
     * record, never from the request, and must lie under the archive folder.
     *
     * @throws ArchivedReportNotFoundException for an unknown id, or a file gone from the archive folder
     * @throws ReportForbiddenException        for a file of a unit outside the actor's scope
     */
    ArchivedFile read(Actor actor, long id) {
        ArchivedReport report = jdbc.query(SELECT + " WHERE id = ?", ReportArchive::row, id).stream()
                .findFirst()
                .orElseThrow(() -> new ArchivedReportNotFoundException(id));
        if (!mayRead(actor, report)) {
            throw new ReportForbiddenException(
                    "单位 " + report.unitCode() + " 不在您的权限范围内", "unit " + report.unitCode() + " is outside your scope");
        }
        Path root = properties.archiveDir().toAbsolutePath().normalize();
        Path file = Path.of(report.path()).toAbsolutePath().normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw new ArchivedReportNotFoundException(id);
        }
        try {
            return new ArchivedFile(report, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** An archived report's bytes, with the names to download it under. */
    record ArchivedFile(ArchivedReport report, byte[] bytes) {

        /** The archived file's own name, e.g. {@code 信息反馈-2026-10-QC01RE.pdf}. */
        public String fileName() {
            return report.fileName();
        }

        /** The name for clients that cannot read UTF-8 names, e.g. {@code feedback-report-2026-10-QC01RE.pdf}. */
        public String asciiFileName() {
            return GeneratedReport.ascii(report.kind().toLowerCase(Locale.ROOT) + "-report-" + report.period() + "-"
                    + report.unitCode() + "." + report.format().toLowerCase(Locale.ROOT));
        }

        public String mediaType() {
            return ReportFormat.parse(report.format()).mediaType();
        }
    }

    private static boolean mayRead(Actor actor, ArchivedReport report) {
        return actor.isSystem()
                || actor.seesEverything()
                || actor.visibleUnits().contains(report.unitCode());
    }

    private static final String SELECT =
            "SELECT id, period, unit_code, kind, format, path, generated_at, sha256 FROM report_archive";

    private static ArchivedReport row(ResultSet rs, int i) throws SQLException {
        return new ArchivedReport(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, LocalDateTime.class),
                rs.getString(8));
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Path temp = Files.createTempFile(dir, ".report-", ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive " + dir.resolve(name), e);
        }
    }

    private ArchivedReport record(YearMonth period, String team, ReportFormat format, Path file, String sha) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        String path = file.toString();
        int updated = jdbc.update(
                "UPDATE report_archive SET path = ?, generated_at = ?, sha256 = ? "
                        + "WHERE period = ? AND unit_code = ? AND kind = ? AND format = ?",
                path,
                Timestamp.valueOf(now),
                sha,
                period.toString(),
                team,
                FEEDBACK,
                format.name());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO report_archive (period, unit_code, kind, format, path, generated_at, sha256) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    period.toString(),
                    team,
                    FEEDBACK,
                    format.name(),
                    path,
                    Timestamp.valueOf(now),
                    sha);
        }
        Long id = jdbc.queryForObject(
                "SELECT id FROM report_archive WHERE period = ? AND unit_code = ? AND kind = ? " + "AND format = ?",
                Long.class,
                period.toString(),
                team,
                FEEDBACK,
                format.name());
        return new ArchivedReport(
                id == null ? 0 : id, period.toString(), team, FEEDBACK, format.name(), path, now, sha);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
