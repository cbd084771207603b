package org.jicha.rules.web;

import org.jicha.people.Actor;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.candidates.RuleCandidateView;
import org.jicha.rules.candidates.RuleCandidates;
import org.jicha.rules.candidates.RulePromotion;
import org.jicha.rules.candidates.RulePromotionRefusedException;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One candidate rule set's page: what was uploaded over which rules, the check result (compiled, or each problem
 * with file and line: compile errors, allow-list refusals, parameter values), the preview form, and the form that
 * puts it in force (AUDITOR, ADMIN: a reason and a confirmation; {@link RulePromotion}). A refused promotion comes
 * back to this page with its reason.
 */
@Controller
@WebPage
class RuleCandidatePages {

    private final RuleCandidates candidates;
    private final RulePromotion promotion;

    RuleCandidatePages(RuleCandidates candidates, RulePromotion promotion) {
        this.candidates = candidates;
        this.promotion = promotion;
    }

    @GetMapping("/rules/candidates/{id}")
    String show(@PathVariable String id, Model model) {
        RuleCandidateView candidate = found(id);
        model.addAttribute("candidate", candidate);
        model.addAttribute("baseInForce", candidates.baseInForce(candidate));
        return "rules/candidate";
    }

    @PostMapping("/rules/candidates/{id}/promote")
    String promote(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String confirm,
            RedirectAttributes redirect) {
        found(id);
        if (confirm == null) {
            redirect.addFlashAttribute("problem", "rules.promote.confirmRequired");
            return "redirect:/rules/candidates/" + id;
        }
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("problem", "rules.promote.reasonRequired");
            return "redirect:/rules/candidates/" + id;
        }
        try {
            promotion.promote(actor, id, reason);
            redirect.addFlashAttribute("notice", "rules.promote.done");
            return "redirect:/rules";
        } catch (RulePromotionRefusedException e) {
            redirect.addFlashAttribute("problem", "rules.promote.refused");
            redirect.addFlashAttribute(
                    "problemDetail",
                    e.getMessage() + (e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems())));
            return "redirect:/rules/candidates/" + id;
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "rules.promote.reasonRequired");
            return "redirect:/rules/candidates/" + id;
        }
    }

    private RuleCandidateView found(String id) {
        try {
            return candidates.get(id);
        } catch (RuleCandidateNotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("candidate " + id);
        }
    }
}
