package org.jicha.plans.web;

import org.jicha.audit.RunView;
import org.jicha.audit.web.RunPages;
import org.jicha.people.Actor;
import org.jicha.plans.HeldRunRelease;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The release button of a held run's page: runs it again, forced with the reason (auditors). Here rather than
 * with the run pages because a plan's held run is released over the plan's scope ({@link HeldRunRelease}).
 */
@Controller
@WebPage
class HeldRunPage {

    private final HeldRunRelease release;

    HeldRunPage(HeldRunRelease release) {
        this.release = release;
    }

    @PostMapping("/runs/{id}/release")
    String release(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return RunPages.refusalsAsMessages(id, redirect, () -> {
            RunView run = release.release(id, reason, actor);
            redirect.addFlashAttribute("notice", "runs.started");
            return "redirect:/runs/" + run.id();
        });
    }
}
