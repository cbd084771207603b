package org.jicha.tickets;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inspection tickets: search (theme, rule, unit, status; paged) and read one. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping
    Page<InspectionTicket> search(@RequestParam(required = false) String theme, @RequestParam(required = false) String rule,
                                  @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) TicketStatus status,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return tickets.search(new TicketFilter(theme, rule, unit, status),
                PageRequest.of(Math.max(page, 0), Math.max(1, Math.min(size, 500)), Sort.by("dueOn", "id")));
    }

    @GetMapping("/{id}")
    InspectionTicket get(@PathVariable long id) {
        return tickets.get(id);
    }
}
