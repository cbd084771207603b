package org.jicha.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.jicha.people.Actor;
import org.springframework.data.domain.Page;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Impact preview on the server's current data: {@code POST /api/rules/preview?candidate=ID[&asOf=DATE]} compiles
 * the stored candidate rule set {@code ID} (see {@code /api/rules/candidates}) and compares it with the set in
 * force (AUDITOR, ADMIN). {@code candidate} is an id only: a path or anything else is 400, an unknown id 404, a
 * candidate with problems 422. No run, finding or ticket is recorded; the preview is stored with the findings that
 * differ ({@code previewId}) and goes to the audit trail. {@code GET /api/rules/previews/{id}/subjects} pages
 * through those findings (ADMIN, AUDITOR, SUPERVISOR), optionally one direction ({@code change=NEW|GONE}) and one
 * rule.
 */
@RestController
class RulePreviewController {

    private final CandidatePreview preview;
    private final PreviewRecords records;

    RulePreviewController(CandidatePreview preview, PreviewRecords records) {
        this.preview = preview;
        this.records = records;
    }

    @PostMapping("/api/rules/preview")
    ImpactPreview.PreviewReport preview(
            Actor actor,
            @RequestParam String candidate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return preview.preview(actor, candidate, asOf);
    }

    @GetMapping("/api/rules/previews/{id}/subjects")
    Page<PreviewRecords.PreviewSubject> subjects(
            @PathVariable long id,
            @RequestParam(required = false) ImpactPreview.Change change,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (records.find(id).isEmpty()) {
            throw new PreviewNotFoundException(id);
        }
        return records.subjects(id, change, rule == null || rule.isBlank() ? null : rule, page, size);
    }
}
