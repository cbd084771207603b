package org.jicha.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleSetLoader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Impact preview on the server's current data: {@code POST /api/rules/preview?candidate=DIR[&asOf=DATE]}
 * compiles the candidate rules folder (a broken one answers 422 with its problems) and compares it with the
 * set in force. Nothing is recorded.
 */
@RestController
class RulePreviewController {

    private final ImpactPreview preview;
    private final ActiveRuleSet active;
    private final AuditService audits;

    RulePreviewController(ImpactPreview preview, ActiveRuleSet active, AuditService audits) {
        this.preview = preview;
        this.active = active;
        this.audits = audits;
    }

    @PostMapping("/api/rules/preview")
    ImpactPreview.PreviewReport preview(@RequestParam String candidate,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                        LocalDate asOf) {
        Path dir = Path.of(candidate);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("候选规则目录不存在 / candidate rules folder does not exist: " + candidate);
        }
        return preview.compare(active.current(), new RuleSetLoader().load(dir), asOf == null ? audits.today() : asOf);
    }
}
