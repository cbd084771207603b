package org.jicha.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jicha.audit.AuditService;
import org.jicha.audit.DataNotArrivedException;
import org.jicha.audit.FindingView;
import org.jicha.audit.InvalidRunRequestException;
import org.jicha.audit.RunActionForbiddenException;
import org.jicha.audit.RunNotRunningException;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.audit.RunWithdrawal;
import org.jicha.people.Actor;
import org.jicha.rules.RuleMeta;
import org.jicha.tickets.MissingTicketFieldException;
import org.jicha.tickets.RunTickets;
import org.jicha.tickets.TicketActionForbiddenException;
import org.jicha.web.Paging;
import org.jicha.web.WebPage;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Audit runs: the history (paged, a held run with the stations that lack data), a run with its findings per rule
 * (paged), the live progress of a running run (a fragment the page polls), the run-now form (proposing the as-of
 * date of the latest period whose data has arrived; refused with the figures while it has not, unless an auditor
 * forces it with a reason), and the auditors' undo: withdraw a run, confirm or withdraw the tickets the brake held.
 * Releasing a held run is the plans' page ({@code plans.web.HeldRunPage}): a plan's run is released over its scope.
 */
@NamedInterface("pages")
@Controller
@WebPage
public class RunPages {

    static final int FINDINGS_PAGE = 50;

    private final AuditService audits;
    private final RunTickets runTickets;

    RunPages(AuditService audits, RunTickets runTickets) {
        this.audits = audits;
        this.runTickets = runTickets;
    }

    @GetMapping("/runs")
    String list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute(
                "runs", Paging.of(audits.list(PageRequest.of(Paging.safePage(page), Paging.safeSize(size, 100)))));
        return htmx != null ? "runs/list :: table" : "runs/list";
    }

    /** The run-now form: the as-of date proposed, and what of the current period's data is missing. */
    @GetMapping("/runs/new")
    String form(Model model) {
        model.addAttribute("proposal", audits.proposal());
        return "runs/new";
    }

    /**
     * Starts a run now as of the date given (the form's proposal by default). Refused (409, the form again with the
     * figures per station) while the period's data has not arrived, unless forced with a reason (auditors).
     */
    @PostMapping("/runs")
    String start(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        LocalDate date = asOf == null ? audits.proposal().asOf() : asOf;
        try {
            RunView run = audits.start(RunRequest.of(date, RunTrigger.MANUAL).byPerson(actor, force, reason));
            redirect.addFlashAttribute("notice", "runs.started");
            return "redirect:/runs/" + run.id();
        } catch (DataNotArrivedException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("refusal", e.verdict());
            model.addAttribute("asOf", e.asOf());
        } catch (InvalidRunRequestException | RunActionForbiddenException e) {
            response.setStatus(
                    e instanceof RunActionForbiddenException
                            ? HttpServletResponse.SC_FORBIDDEN
                            : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", "runs.force.refused");
            model.addAttribute("problemDetail", e.getMessage());
            model.addAttribute("asOf", date);
        }
        model.addAttribute("proposal", audits.proposal());
        return "runs/new";
    }

    @GetMapping("/runs/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        RunView run = audits.get(id);
        Map<String, RuleMeta> catalogue = new HashMap<>();
        audits.ruleCatalogue().forEach(r -> catalogue.put(r.code(), r));
        model.addAttribute("run", run);
        model.addAttribute("catalogue", catalogue);
        String selected = rule != null && !rule.isBlank() ? rule : null;
        model.addAttribute("selectedRule", selected);
        int safePage = Paging.safePage(page);
        long total =
                selected == null ? run.findingsCount() : run.findingsPerRule().getOrDefault(selected, 0L);
        List<FindingView> findings = audits.findings(id, selected, safePage * FINDINGS_PAGE, FINDINGS_PAGE);
        model.addAttribute("findings", new Paging<>(findings, safePage, FINDINGS_PAGE, total));
        return htmx != null ? "runs/show :: findings" : "runs/show";
    }

    /** Asks a running run to stop after its current batch (auditors). */
    @PostMapping("/runs/{id}/cancel")
    String cancel(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            audits.cancel(id, actor.username());
            redirect.addFlashAttribute("notice", "runs.cancelled");
        } catch (RunNotRunningException e) {
            redirect.addFlashAttribute("problem", "runs.notRunning");
        }
        return "redirect:/runs/" + id;
    }

    /** Withdraws a finished run and its untouched tickets (auditors, with a reason); the kept ones are listed. */
    @PostMapping("/runs/{id}/withdraw")
    String withdraw(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return refusalsAsMessages(id, redirect, () -> {
            RunWithdrawal done = audits.withdraw(id, reason, actor);
            redirect.addFlashAttribute("withdrawal", done);
            redirect.addFlashAttribute("notice", "runs.withdrawal.done");
            return "redirect:/runs/" + id;
        });
    }

    /** Confirms the new tickets of a rule the brake held in this run: they go to their teams (auditors). */
    @PostMapping("/runs/{id}/held/{rule}/confirm")
    String confirm(
            Actor actor,
            @PathVariable long id,
            @PathVariable String rule,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return refusalsAsMessages(id, redirect, () -> {
            runTickets.confirm(id, rule, comment, actor);
            redirect.addFlashAttribute("notice", "runs.held.confirmed");
            return "redirect:/runs/" + id;
        });
    }

    /** Withdraws the new tickets of a rule the brake held in this run (auditors, with a reason). */
    @PostMapping("/runs/{id}/held/{rule}/withdraw")
    String withdrawHeld(
            Actor actor,
            @PathVariable long id,
            @PathVariable String rule,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return refusalsAsMessages(id, redirect, () -> {
            runTickets.withdrawHeld(id, rule, reason, actor);
            redirect.addFlashAttribute("notice", "runs.held.withdrawn");
            return "redirect:/runs/" + id;
        });
    }

    /** The status and progress of a run, polled every two seconds by the run pages while it runs. */
    @GetMapping("/runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("run", audits.get(id));
        return "runs/progress :: progress";
    }

    /** An action on a run whose refusal comes back to the run's page as a message (the figures when data lack). */
    public static String refusalsAsMessages(long id, RedirectAttributes redirect, Supplier<String> action) {
        try {
            return action.get();
        } catch (DataNotArrivedException e) {
            redirect.addFlashAttribute("problem", "runs.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        } catch (IllegalArgumentException
                | IllegalStateException
                | RunActionForbiddenException
                | TicketActionForbiddenException e) {
            redirect.addFlashAttribute(
                    "problem",
                    e instanceof MissingTicketFieldException || e instanceof InvalidRunRequestException
                            ? "runs.reasonRequired"
                            : "runs.actionRefused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/runs/" + id;
    }
}
