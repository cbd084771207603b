package org.jicha.dashboard;

import java.util.Map;
import java.util.Optional;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunView;
import org.jicha.tickets.TicketService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The figures of the overview page: the latest completed run and open tickets per theme. */
@RestController
class OverviewController {

    private final AuditService audits;
    private final TicketService tickets;

    OverviewController(AuditService audits, TicketService tickets) {
        this.audits = audits;
        this.tickets = tickets;
    }

    record Overview(Optional<RunView> latestRun, Map<String, Long> openTicketsByTheme) {}

    @GetMapping("/api/overview")
    Overview overview() {
        return new Overview(audits.latestCompleted(), tickets.openByTheme());
    }
}
