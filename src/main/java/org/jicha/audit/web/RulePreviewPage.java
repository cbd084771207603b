package org.jicha.audit.web;

import java.time.LocalDate;
import org.jicha.audit.CandidatePreview;
import org.jicha.audit.ImpactPreview;
import org.jicha.audit.PreviewRecords;
import org.jicha.people.Actor;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.candidates.RuleCandidateView;
import org.jicha.rules.candidates.RuleCandidates;
import org.jicha.rules.web.RulePages;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.Paging;
import org.jicha.web.WebPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The impact preview of a stored candidate rule set: the same {@link CandidatePreview} as
 * {@code POST /api/rules/preview}. A preview that ran opens its own page ({@code /rules/previews/{id}}): the counts
 * per rule, then the subjects newly flagged and no longer flagged with their names and evidence, a page at a time,
 * by direction and rule, and the form that puts the candidate in force. A candidate with problems lists them on the
 * rules page; an unknown or unusable one says so.
 */
@Controller
@WebPage
class RulePreviewPage {

    static final int SUBJECTS_PAGE = 50;

    private final CandidatePreview preview;
    private final PreviewRecords records;
    private final RuleCandidates candidates;
    private final RulePages rules;

    RulePreviewPage(CandidatePreview preview, PreviewRecords records, RuleCandidates candidates, RulePages rules) {
        this.preview = preview;
        this.records = records;
        this.candidates = candidates;
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
            return "redirect:/rules/previews/"
                    + preview.preview(actor, candidate, asOf).previewId();
        } catch (RuleSetException e) {
            model.addAttribute("previewError", "rules.preview.rejected");
            model.addAttribute(
                    "problems", e.problems().stream().map(Object::toString).toList());
        } catch (RuleCandidateNotFoundException | IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("previewError", "rules.preview.noCandidate");
        }
        return rules.catalogue(model);
    }

    @GetMapping("/rules/previews/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String change,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        PreviewRecords.PreviewView shown =
                records.find(id).orElseThrow(() -> new PageNotFoundException("preview " + id));
        ImpactPreview.Change direction = "NEW".equals(change)
                ? ImpactPreview.Change.NEW
                : "GONE".equals(change) ? ImpactPreview.Change.GONE : null;
        String selectedRule = rule == null || rule.isBlank() ? null : rule.strip();
        int safePage = Paging.safePage(page);
        model.addAttribute("preview", shown);
        model.addAttribute("impacts", records.rules(id));
        model.addAttribute("change", direction);
        model.addAttribute("selectedRule", selectedRule);
        model.addAttribute(
                "subjects", Paging.of(records.subjects(id, direction, selectedRule, safePage, SUBJECTS_PAGE)));
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/rules/previews/{id}");
        if (direction != null) {
            url.queryParam("change", direction.name());
        }
        if (selectedRule != null) {
            url.queryParam("rule", selectedRule);
        }
        model.addAttribute("pageUrl", url.buildAndExpand(id).encode().toUriString());
        RuleCandidateView candidate = candidateOf(shown.candidateId());
        model.addAttribute("candidate", candidate);
        model.addAttribute("baseInForce", candidate != null && candidates.baseInForce(candidate));
        model.addAttribute(
                "candidateChanged",
                candidate == null || !candidate.contentHash().equals(shown.candidateHash()));
        return htmx != null ? "rules/preview :: subjects" : "rules/preview";
    }

    private RuleCandidateView candidateOf(String id) {
        try {
            return candidates.get(id);
        } catch (RuleCandidateNotFoundException e) {
            return null;
        }
    }
}
