package org.jicha.web;

import org.jicha.audit.RunView;
import org.jicha.plans.PlanNotFoundException;
import org.jicha.plans.PlanService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping("/plans/{id}/run")
    String runNow(@PathVariable long id, RedirectAttributes redirect) {
        try {
            RunView run = plans.runNow(id);
            redirect.addFlashAttribute("notice", "runs.started");
            return "redirect:/runs/" + run.id();
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        }
    }

    @PostMapping("/plans/{id}/enabled")
    String enable(@PathVariable long id, @org.springframework.web.bind.annotation.RequestParam boolean value,
                  RedirectAttributes redirect) {
        try {
            if (value) {
                plans.enable(id);
            } else {
                plans.disable(id);
            }
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        }
        redirect.addFlashAttribute("notice", value ? "plans.enabled" : "plans.disabled");
        return "redirect:/plans";
    }
}
