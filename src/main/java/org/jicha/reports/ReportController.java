package org.jicha.reports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jicha.people.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports over HTTP: the deviation report, a team's feedback report (JSON, XLSX or PDF, files as
 * attachments named in UTF-8 per RFC 5987) and the monthly archive. Who may read what is the services' job.
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
            @RequestParam(required = false) String format) {
        ReportFormat f = ReportFormat.parse(format);
        return respond(deviation.deviation(actor, period, unit), f);
    }

    @GetMapping("/feedback")
    ResponseEntity<?> feedback(
            Actor actor,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String format) {
        ReportFormat f = ReportFormat.parse(format);
        return respond(feedback.feedback(actor, period, team), f);
    }

    @GetMapping("/archive")
    List<ArchivedReport> archive(Actor actor, @RequestParam(required = false) String period) {
        return archive.list(actor, period);
    }

    private ResponseEntity<?> respond(GeneratedReport report, ReportFormat format) {
        if (format == ReportFormat.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ReportJson.of(report.document()));
        }
        byte[] bytes = renderer.render(report.document(), format);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(report.fileName(format), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .body(bytes);
    }
}
