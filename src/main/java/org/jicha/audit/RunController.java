package org.jicha.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.tickets.RunTickets;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit runs: propose an as-of date, start one now (refused while its period's data has not arrived, unless an
 * auditor forces it with a reason), list them, read one (with its progress) and its findings, cancel or withdraw
 * one, and confirm or withdraw the new tickets the brake held per rule.
 */
@RestController
@RequestMapping("/api/runs")
class RunController {

    /** The last page number: with at most 1,000 per page the offset stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final AuditService audits;
    private final PartitionedAudits partitioned;
    private final RunTickets runTickets;
    private final Clock clock;

    RunController(AuditService audits, PartitionedAudits partitioned, RunTickets runTickets, Clock clock) {
        this.audits = audits;
        this.partitioned = partitioned;
        this.runTickets = runTickets;
        this.clock = clock;
    }

    /**
     * Starts a run now (as of today in Asia/Shanghai unless {@code asOf} is given); 409 while one runs, and 409 with
     * the figures per station while the audited period's data has not arrived, unless {@code force} with a
     * {@code reason} (AUDITOR only). With {@code partitions} > 0 the run is split into that many customer key
     * ranges, run as Quartz jobs by the nodes of the cluster (docs/SCALING.md); 409 while another partitioned run
     * is running.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView start(
            Actor actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "0") int partitions,
            @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) String reason) {
        RunRequest request = RunRequest.of(asOf == null ? ChinaTime.today(clock) : asOf, RunTrigger.MANUAL)
                .byPerson(actor, force, reason);
        return partitions > 0 ? partitioned.start(request, partitions) : audits.start(request);
    }

    /** The as-of date a run-now should use: the latest period whose data has arrived (the form proposes it). */
    @GetMapping("/proposal")
    DataArrival.Proposal proposal() {
        return audits.proposal();
    }

    @GetMapping
    Page<RunView> list(
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return audits.list(PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    RunView get(@PathVariable long id) {
        return audits.get(id);
    }

    /** Asks a running run to stop after its current batch; 409 if it is not running. */
    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView cancel(Actor actor, @PathVariable long id) {
        return audits.cancel(id, actor.username());
    }

    /** Withdraws a finished run and the tickets it opened that nobody has worked on (AUDITOR, with a reason). */
    @PostMapping("/{id}/withdraw")
    RunWithdrawal withdraw(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason) {
        return audits.withdraw(id, reason, actor);
    }

    /** Confirms the new tickets of a rule the brake held in this run: they go to their teams (AUDITOR). */
    @PostMapping("/{id}/held/{rule}/confirm")
    RunTickets.Outcome confirmHeld(
            Actor actor,
            @PathVariable long id,
            @PathVariable String rule,
            @RequestParam(required = false) String comment) {
        return runTickets.confirm(id, rule, comment, actor);
    }

    /** Withdraws the new tickets of a rule the brake held in this run (AUDITOR, with a reason). */
    @PostMapping("/{id}/held/{rule}/withdraw")
    RunTickets.Outcome withdrawHeld(
            Actor actor,
            @PathVariable long id,
            @PathVariable String rule,
            @RequestParam(required = false) String reason) {
        return runTickets.withdrawHeld(id, rule, reason, actor);
    }

    @GetMapping("/{id}/findings")
    List<FindingView> findings(
            @PathVariable long id,
            @RequestParam(required = false) String rule,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return audits.findings(id, rule, page * size, size);
    }
}
