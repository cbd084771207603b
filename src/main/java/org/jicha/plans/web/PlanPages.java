package org.jicha.plans.web;

import org.jicha.audit.DataNotArrivedException;
import org.jicha.audit.RunView;
import org.jicha.people.Actor;
import org.jicha.plans.PlanNotFoundException;
import org.jicha.plans.PlanService;
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
 * Audit plans (稽查计划): each plan with its schedule, scope, target and execution figures; auditors run a plan
 * now, and switch it on or off. Plans are written through {@code /api/plans}.
 */
@Controller
@WebPage
class PlanPages {

    private final PlanService plans;

    PlanPages(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/plans")
    String list(Model model) {
        model.addAttribute("plans", plans.list());
        return "plans/list";
    }

    /** Runs the plan now; refused with the figures while its period's data has not arrived (see the run form). */
    @PostMapping("/plans/{id}/run")
    String runNow(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            RunView run = plans.runNow(id, null, false, null, actor);
            redirect.addFlashAttribute("notice", "runs.started");
            return "redirect:/runs/" + run.id();
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        } catch (DataNotArrivedException e) {
            redirect.addFlashAttribute("problem", "runs.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
            return "redirect:/plans";
        }
    }

    @PostMapping("/plans/{id}/enabled")
    String enable(Actor actor, @PathVariable long id, @RequestParam boolean value, RedirectAttributes redirect) {
        try {
            if (value) {
                plans.enable(id, actor.username());
            } else {
                plans.disable(id, actor.username());
            }
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        }
        redirect.addFlashAttribute("notice", value ? "plans.enabled" : "plans.disabled");
        return "redirect:/plans";
    }
}
