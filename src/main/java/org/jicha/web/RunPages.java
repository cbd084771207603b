package org.jicha.web;

import java.util.List;
import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.audit.FindingView;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.rules.RuleMeta;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Audit runs: the history (paged), a run with its findings per rule (paged), the live progress of a running
 * run (a fragment the page polls), and starting a run now (auditors).
 */
@Controller
@WebPage
class RunPages {

    static final int FINDINGS_PAGE = 50;

    private final AuditService audits;

    RunPages(AuditService audits) {
        this.audits = audits;
    }

    @GetMapping("/runs")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("runs", Paging.of(audits.list(
                PageRequest.of(Paging.safePage(page), Paging.safeSize(size, 100)))));
        return htmx != null ? "runs/list :: table" : "runs/list";
    }

    @PostMapping("/runs")
    String start(RedirectAttributes redirect) {
        RunView run = audits.start(audits.today(), RunTrigger.MANUAL);
        redirect.addFlashAttribute("notice", "runs.started");
        return "redirect:/runs/" + run.id();
    }

    @GetMapping("/runs/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String rule,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        RunView run = audits.get(id);
        Map<String, RuleMeta> catalogue = new java.util.HashMap<>();
        audits.ruleCatalogue().forEach(r -> catalogue.put(r.code(), r));
        model.addAttribute("run", run);
        model.addAttribute("catalogue", catalogue);
        String selected = rule != null && !rule.isBlank() ? rule : null;
        model.addAttribute("selectedRule", selected);
        int safePage = Paging.safePage(page);
        long total = selected == null ? run.findingsCount() : run.findingsPerRule().getOrDefault(selected, 0L);
        List<FindingView> findings = audits.findings(id, selected, safePage * FINDINGS_PAGE, FINDINGS_PAGE);
        model.addAttribute("findings", new Paging<>(findings, safePage, FINDINGS_PAGE, total));
        return htmx != null ? "runs/show :: findings" : "runs/show";
    }

    /** Asks a running run to stop after its current batch (auditors). */
    @PostMapping("/runs/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        try {
            audits.cancel(id);
            redirect.addFlashAttribute("notice", "runs.cancelled");
        } catch (org.jicha.audit.RunNotRunningException e) {
            redirect.addFlashAttribute("problem", "runs.notRunning");
        }
        return "redirect:/runs/" + id;
    }

    /** The status and progress of a run, polled every two seconds by the run pages while it runs. */
    @GetMapping("/runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("run", audits.get(id));
        return "runs/progress :: progress";
    }
}
