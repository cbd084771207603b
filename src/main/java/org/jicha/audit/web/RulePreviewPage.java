package org.jicha.audit.web;

import java.time.LocalDate;
import org.jicha.audit.CandidatePreview;
import org.jicha.people.Actor;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.web.RulePages;
import org.jicha.web.WebPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The impact preview of a stored candidate rule set, shown on the rules page: the same {@link CandidatePreview}
 * as {@code POST /api/rules/preview}. A candidate with problems lists them; an unknown or unusable one says so.
 */
@Controller
@WebPage
class RulePreviewPage {

    private final CandidatePreview preview;
    private final RulePages rules;

    RulePreviewPage(CandidatePreview preview, RulePages rules) {
        this.preview = preview;
        this.rules = rules;
    }

    @PostMapping("/rules/preview")
    String preview(
            Actor actor,
            @RequestParam(required = false) String candidate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        model.addAttribute("candidate", candidate);
        model.addAttribute("asOf", asOf);
        try {
            model.addAttribute("report", preview.preview(actor, candidate, asOf));
        } catch (RuleSetException e) {
            model.addAttribute("previewError", "rules.preview.rejected");
            model.addAttribute(
                    "problems", e.problems().stream().map(Object::toString).toList());
        } catch (RuleCandidateNotFoundException | IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("previewError", "rules.preview.noCandidate");
        }
        return rules.catalogue(model);
    }
}
