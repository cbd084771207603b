package org.jicha.web;

import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.ingest.CustomerNames;
import org.jicha.people.Actor;
import org.jicha.rules.Theme;
import org.jicha.tickets.InspectionTicket;
import org.jicha.tickets.TicketFigures;
import org.jicha.tickets.TicketFilter;
import org.jicha.tickets.TicketNotFoundException;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Inspection tickets: the list with filters and paging, limited to the viewer's units, and a ticket's page.
 * A ticket outside the viewer's units is answered 404, as if it did not exist.
 */
@Controller
@WebPage
class TicketPages {

    static final int PAGE_SIZE = 25;

    private final TicketFigures figures;
    private final TicketService tickets;
    private final CustomerNames customers;
    private final AuditService audits;

    TicketPages(TicketFigures figures, TicketService tickets, CustomerNames customers, AuditService audits) {
        this.figures = figures;
        this.tickets = tickets;
        this.customers = customers;
        this.audits = audits;
    }

    @GetMapping("/tickets")
    String list(Actor actor, @RequestParam(required = false) String theme, @RequestParam(required = false) String rule,
                @RequestParam(required = false) String unit, @RequestParam(required = false) TicketStatus status,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        TicketFilter filter = new TicketFilter(blankToNull(theme), blankToNull(rule), blankToNull(unit), status);
        Page<InspectionTicket> found = figures.search(filter, actor.visibleUnits(),
                PageRequest.of(Paging.safePage(page), PAGE_SIZE, Sort.by("dueOn", "id")));
        model.addAttribute("tickets", Paging.of(found));
        model.addAttribute("names", customers.of(found.getContent().stream().map(InspectionTicket::getCustomerNo).toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("themes", Theme.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("today", audits.today());
        return htmx != null ? "tickets/list :: results" : "tickets/list";
    }

    @GetMapping("/tickets/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        InspectionTicket ticket;
        try {
            ticket = tickets.get(id);
        } catch (TicketNotFoundException e) {
            throw new PageNotFoundException("ticket " + id);
        }
        if (!actor.sees(java.util.Arrays.asList(ticket.getTeamUnitCode(), ticket.getStationCode()))) {
            throw new PageNotFoundException("ticket " + id);
        }
        Map<String, String> names = customers.of(java.util.Collections.singletonList(ticket.getCustomerNo()));
        model.addAttribute("ticket", ticket);
        model.addAttribute("customerName", names.get(ticket.getCustomerNo()));
        model.addAttribute("today", audits.today());
        return "tickets/show";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
