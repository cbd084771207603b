package org.jicha.tickets.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.people.AppUser;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.jicha.records.CustomerNames;
import org.jicha.records.UnitRecords;
import org.jicha.rules.Theme;
import org.jicha.tickets.EvidenceRejectedException;
import org.jicha.tickets.FalsePositiveReason;
import org.jicha.tickets.IllegalTicketTransitionException;
import org.jicha.tickets.InspectionTicket;
import org.jicha.tickets.StaleTicketException;
import org.jicha.tickets.TicketAction;
import org.jicha.tickets.TicketActionForbiddenException;
import org.jicha.tickets.TicketCommand;
import org.jicha.tickets.TicketDetails;
import org.jicha.tickets.TicketFilter;
import org.jicha.tickets.TicketNotFoundException;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketStatus;
import org.jicha.tickets.TicketTransition;
import org.jicha.tickets.TicketWorkflow;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.Paging;
import org.jicha.web.WebPage;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inspection tickets: the list with filters and paging (and bulk dispatch for auditors), limited to the viewer's
 * units, and a ticket's page with its evidence, history, evidence files and only the actions the viewer may do
 * now. A ticket outside the viewer's units is answered 404, as if it did not exist. The workflow checks every
 * action again; a refusal comes back to the page as a message. Teams and stations are shown by name beside their
 * codes, people by name beside their user names; the ticket page puts the team's latest feedback first.
 */
@Controller
@WebPage
class TicketPages {

    static final int PAGE_SIZE = 25;

    private final TicketService tickets;
    private final TicketWorkflow workflow;
    private final CustomerNames customers;
    private final UnitRecords units;
    private final UserAccounts people;
    private final Clock clock;

    TicketPages(
            TicketService tickets,
            TicketWorkflow workflow,
            CustomerNames customers,
            UnitRecords units,
            UserAccounts people,
            Clock clock) {
        this.tickets = tickets;
        this.workflow = workflow;
        this.customers = customers;
        this.units = units;
        this.people = people;
        this.clock = clock;
    }

    @GetMapping("/tickets")
    String list(
            Actor actor,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        TicketFilter filter = new TicketFilter(
                blankToNull(theme),
                blankToNull(rule),
                blankToNull(unit),
                status,
                null,
                Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null);
        Page<InspectionTicket> found =
                tickets.search(filter, actor, PageRequest.of(Paging.safePage(page), PAGE_SIZE, Sort.by("dueOn", "id")));
        model.addAttribute("tickets", Paging.of(found));
        model.addAttribute(
                "names",
                customers.of(found.getContent().stream()
                        .map(InspectionTicket::getCustomerNo)
                        .toList()));
        model.addAttribute(
                "unitNames",
                units.namesOf(Stream.concat(
                                Stream.of(actor.unitCode()),
                                found.getContent().stream()
                                        .flatMap(t -> Stream.of(t.getTeamUnitCode(), t.getStationCode())))
                        .filter(Objects::nonNull)
                        .toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("themes", Theme.values());
        // a team never sees tickets the brake holds for the auditors: not offered as a filter either
        model.addAttribute(
                "statuses",
                Arrays.stream(TicketStatus.values())
                        .filter(st -> !(actor.is(Role.TEAM) && st == TicketStatus.AWAITING_CONFIRMATION))
                        .toList());
        model.addAttribute("falsePositiveReasons", FalsePositiveReason.values());
        model.addAttribute("today", ChinaTime.today(clock));
        return htmx != null ? "tickets/list :: results" : "tickets/list";
    }

    /** Bulk dispatch: each ticket checked as {@code id:version}; every refusal is reported, the rest go through. */
    @PostMapping("/tickets/dispatch")
    String dispatch(
            Actor actor,
            @RequestParam(name = "ticket", required = false) List<String> selected,
            @RequestParam String teamUnitCode,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        List<TicketWorkflow.TicketRef> refs = refs(selected);
        if (refs.isEmpty()) {
            redirect.addFlashAttribute("problem", "tickets.dispatch.none");
            return "redirect:/tickets";
        }
        List<TicketWorkflow.DispatchResult> results = workflow.dispatchAll(
                new TicketWorkflow.BulkDispatch(teamUnitCode.strip(), blankToNull(comment), refs), actor);
        redirect.addFlashAttribute("dispatchResults", results);
        redirect.addFlashAttribute("notice", "tickets.dispatch.done");
        return "redirect:/tickets?status=DISPATCHED&unit="
                + URLEncoder.encode(teamUnitCode.strip(), StandardCharsets.UTF_8);
    }

    /**
     * Bulk false positive (the same form's second button): one reason code and comment for every ticket checked as
     * {@code id:version}; each ticket's result is reported.
     */
    @PostMapping("/tickets/false-positive")
    String falsePositive(
            Actor actor,
            @RequestParam(name = "ticket", required = false) List<String> selected,
            @RequestParam(required = false) FalsePositiveReason reasonCode,
            @RequestParam(required = false) String fpComment,
            RedirectAttributes redirect) {
        List<TicketWorkflow.TicketRef> refs = refs(selected);
        if (refs.isEmpty()) {
            redirect.addFlashAttribute("problem", "tickets.dispatch.none");
            return "redirect:/tickets";
        }
        try {
            redirect.addFlashAttribute(
                    "bulkResults",
                    workflow.falsePositiveAll(
                            new TicketWorkflow.BulkFalsePositive(reasonCode, blankToNull(fpComment), refs), actor));
            redirect.addFlashAttribute("notice", "tickets.falsePositive.done");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "tickets.action.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/tickets?status=FALSE_POSITIVE";
    }

    /** The checked tickets, {@code id:version} each. */
    private static List<TicketWorkflow.TicketRef> refs(List<String> selected) {
        return selected == null
                ? List.of()
                : selected.stream().map(TicketWorkflow.TicketRef::parse).toList();
    }

    @GetMapping("/tickets/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        TicketDetails details;
        try {
            details = workflow.details(id, actor);
        } catch (TicketNotFoundException e) {
            throw new PageNotFoundException("ticket " + id);
        }
        InspectionTicket ticket = details.ticket();
        Map<String, String> names = customers.of(Collections.singletonList(ticket.getCustomerNo()));
        model.addAttribute("ticket", ticket);
        model.addAttribute("details", details);
        model.addAttribute(
                "actions",
                details.allowedActions().stream()
                        .filter(a -> !a.isSystemOnly())
                        .map(Enum::name)
                        .toList());
        model.addAttribute("falsePositiveReasons", FalsePositiveReason.values());
        model.addAttribute("customerName", names.get(ticket.getCustomerNo()));
        model.addAttribute(
                "unitNames",
                units.namesOf(Stream.of(ticket.getTeamUnitCode(), ticket.getStationCode())
                        .filter(Objects::nonNull)
                        .toList()));
        model.addAttribute("peopleNames", peopleNames());
        model.addAttribute("feedback", latestFeedback(details.transitions()));
        model.addAttribute("today", ChinaTime.today(clock));
        return "tickets/show";
    }

    /** The team's latest word on the ticket: its last feedback, or its last rejection as not its own; null if none. */
    private static TicketTransition latestFeedback(List<TicketTransition> history) {
        TicketTransition latest = null;
        for (TicketTransition t : history) {
            if (t.getAction() == TicketAction.SUBMIT_FEEDBACK || t.getAction() == TicketAction.REJECT_SCOPE) {
                latest = t;
            }
        }
        return latest;
    }

    /** User name -> display name, for the history and the evidence files. */
    private Map<String, String> peopleNames() {
        return people.list().stream()
                .filter(u -> u.getDisplayName() != null)
                .collect(Collectors.toMap(AppUser::getUsername, AppUser::getDisplayName, (a, b) -> a));
    }

    /** One workflow action from the ticket page's form; the form names the ticket version it was read at. */
    @PostMapping("/tickets/{id}/actions/{action}")
    String act(
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) FalsePositiveReason reasonCode,
            @RequestParam(required = false) String teamUnitCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate exemptUntil,
            RedirectAttributes redirect) {
        TicketCommand command = new TicketCommand(
                version, blankToNull(comment), blankToNull(reason), reasonCode, blankToNull(teamUnitCode), exemptUntil);
        return refusalsAsMessages(id, redirect, () -> workflow.act(id, TicketAction.parse(action), command, actor));
    }

    /** The team's feedback: what was done, with evidence files (photos, PDF). */
    @PostMapping("/tickets/{id}/feedback")
    String feedback(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comment,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        List<MultipartFile> chosen = files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        return refusalsAsMessages(
                id,
                redirect,
                () -> workflow.submitFeedback(
                        id, new TicketCommand(version, blankToNull(comment), null, null, null, null), chosen, actor));
    }

    private String refusalsAsMessages(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", "tickets.action.done");
        } catch (TicketNotFoundException e) {
            throw new PageNotFoundException("ticket " + id);
        } catch (IllegalTicketTransitionException
                | StaleTicketException
                | TicketActionForbiddenException
                | EvidenceRejectedException
                | IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", "tickets.action.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/tickets/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
