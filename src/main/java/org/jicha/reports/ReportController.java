package org.jicha.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jicha.people.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: the deviation report, a team's feedback report (JSON, XLSX or PDF, files as
 * attachments named in UTF-8 per RFC 5987 with an ASCII fallback) and the monthly archive, its files for
 * download. A report comes in the user's language ({@code ?lang=en} or the language cookie): its codes and rule
 * titles in English or Chinese, its headers bilingual in both. Who may read what is the services' job.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private final DeviationReportService deviation;
    private final FeedbackReportService feedback;
    private final ReportArchive archive;
    private final ReportRenderer renderer;

    ReportController(
            DeviationReportService deviation,
            FeedbackReportService feedback,
            ReportArchive archive,
            ReportRenderer renderer) {
        this.deviation = deviation;
        this.feedback = feedback;
        this.archive = archive;
        this.renderer = renderer;
    }

    @GetMapping("/deviation")
    ResponseEntity<?> deviation(
            Actor actor,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String format,
            Locale locale) {
        ReportFormat f = ReportFormat.parse(format);
        return respond(deviation.deviation(actor, period, unit, locale), f, locale);
    }

    @GetMapping("/feedback")
    ResponseEntity<?> feedback(
            Actor actor,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String format,
            Locale locale) {
        ReportFormat f = ReportFormat.parse(format);
        return respond(feedback.feedback(actor, period, team, locale), f, locale);
    }

    @GetMapping("/archive")
    List<ArchivedReport> archive(Actor actor, @RequestParam(required = false) String period) {
        return archive.list(actor, period);
    }

    private ResponseEntity<?> respond(GeneratedReport report, ReportFormat format, Locale locale) {
        if (format == ReportFormat.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReportJson.of(report.document()));
        }
        byte[] bytes = renderer.render(report.document(), format, locale);
        return download(report.fileName(format), report.asciiFileName(format), format.mediaType(), bytes);
    }

    /**
     * An archived report file (XLSX or PDF of a team's monthly feedback), by its id in the archive list: any
     * signed-in user whose scope holds the file's unit (a TEAM user its own unit's files, 403 otherwise).
     */
    @GetMapping("/archive/{id}")
    ResponseEntity<byte[]> archived(Actor actor, @PathVariable long id) {
        ReportArchive.ArchivedFile file = archive.read(actor, id);
        return download(file.fileName(), file.asciiFileName(), file.mediaType(), file.bytes());
    }

    private static ResponseEntity<byte[]> download(String name, String asciiName, String mediaType, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name, asciiName))
                .contentType(MediaType.parseMediaType(mediaType))
                .body(bytes);
    }

    /**
     * {@code attachment; filename="deviation-report-2026-10.xlsx"; filename*=UTF-8''%E7%A8%BD...}: the UTF-8
     * name per RFC 5987 for browsers and {@code curl -OJ}, and a readable ASCII name for clients that only read
     * the plain {@code filename} (Spring would put one underscore there per Chinese character).
     */
    static String contentDisposition(String name, String asciiName) {
        String utf8 = ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
        return ContentDisposition.attachment().filename(asciiName).build() + "; "
                + utf8.substring(utf8.indexOf("filename*="));
    }
}
