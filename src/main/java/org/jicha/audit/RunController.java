package org.jicha.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.util.List;
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

/** Audit runs: start one now, list them, read one (with its progress) and its findings, cancel one. */
@RestController
@RequestMapping("/api/runs")
class RunController {

    /** The last page number: with at most 1,000 per page the offset stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final AuditService audits;
    private final PartitionedAudits partitioned;

    RunController(AuditService audits, PartitionedAudits partitioned) {
        this.audits = audits;
        this.partitioned = partitioned;
    }

    /**
     * Starts a run now (as of today in Asia/Shanghai unless {@code asOf} is given); 409 while one runs. With
     * {@code partitions} > 0 the run is split into that many customer key ranges, run as Quartz jobs by the nodes
     * of the cluster (docs/SCALING.md); 409 while another partitioned run is running.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView start(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(defaultValue = "0") int partitions) {
        LocalDate date = asOf == null ? audits.today() : asOf;
        return partitions > 0 ? partitioned.start(RunRequest.of(date, RunTrigger.MANUAL), partitions)
                : audits.start(date, RunTrigger.MANUAL);
    }

    @GetMapping
    Page<RunView> list(@RequestParam(defaultValue = "0") @PositiveOrZero @Max(MAX_PAGE) int page,
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
    RunView cancel(@PathVariable long id) {
        return audits.cancel(id);
    }

    @GetMapping("/{id}/findings")
    List<FindingView> findings(@PathVariable long id, @RequestParam(required = false) String rule,
                               @RequestParam(defaultValue = "0") @PositiveOrZero @Max(MAX_PAGE) int page,
                               @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return audits.findings(id, rule, page * size, size);
    }
}
