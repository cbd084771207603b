package org.jicha.audit;

import java.time.LocalDate;
import org.jicha.people.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Impact preview on the server's current data: {@code POST /api/rules/preview?candidate=ID[&asOf=DATE]} compiles
 * the stored candidate rule set {@code ID} (see {@code /api/rules/candidates}) and compares it with the set in
 * force. {@code candidate} is an id only: a path or anything else is 400, an unknown id 404, a candidate with
 * problems 422. No run, finding or ticket is recorded; the preview goes to the audit trail.
 */
@RestController
class RulePreviewController {

    private final CandidatePreview preview;

    RulePreviewController(CandidatePreview preview) {
        this.preview = preview;
    }

    @PostMapping("/api/rules/preview")
    ImpactPreview.PreviewReport preview(
            Actor actor,
            @RequestParam String candidate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return preview.preview(actor, candidate, asOf);
    }
}
