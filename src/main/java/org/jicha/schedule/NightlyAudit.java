package org.jicha.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jicha.audit.AuditProperties;
import org.jicha.audit.AuditService;
import org.jicha.audit.PartitionedAudits;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.calendar.ChinaTime;
import org.jicha.ingest.InboxService;
import org.jicha.ingest.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The nightly work: housekeeping (expired archive and evidence), load the batches waiting in the inbox, then
 * audit as of the firing's date. A run that
 * meets a running one waits for it; a firing Quartz recovers after a crash re-runs the interrupted run. With
 * {@code jicha.audit.partitions} > 0 the audit is a partitioned run, shared by the nodes of a cluster. While the
 * audited period's data has not arrived (a late extract), the run is held, not run: recorded HELD with the figures,
 * the auditors mailed; the next night tries again.
 */
@Service
public class NightlyAudit {

    private static final Logger log = LoggerFactory.getLogger(NightlyAudit.class);

    private final InboxService inbox;
    private final AuditService audits;
    private final AuditProperties auditProperties;
    private final PartitionedAudits partitioned;
    private final Housekeeping housekeeping;
    private final Clock clock;

    public NightlyAudit(
            InboxService inbox,
            AuditService audits,
            AuditProperties auditProperties,
            PartitionedAudits partitioned,
            Housekeeping housekeeping,
            Clock clock) {
        this.inbox = inbox;
        this.audits = audits;
        this.auditProperties = auditProperties;
        this.partitioned = partitioned;
        this.housekeeping = housekeeping;
        this.clock = clock;
    }

    /** As of today, as if fired now. */
    public RunView run() {
        return run(new QuartzFiring(null, false));
    }

    public RunView run(QuartzFiring firing) {
        housekeeping.run();
        List<LoadResult> loads = inbox.loadPendingBatches();
        loads.forEach(l -> log.info(
                "Nightly load of {}: {} ({} rows accepted, {} rejected)",
                l.batchName(),
                l.status(),
                l.rowsAccepted(),
                l.rowsRejected()));
        LocalDate asOf = firing.asOf(auditProperties.zone(), ChinaTime.today(clock));
        RunRequest request = RunRequest.of(asOf, RunTrigger.NIGHTLY).heldWithoutData();
        if (auditProperties.partitions() > 0) {
            // starting is quick and the partitions recover themselves; a recovered firing starts it again
            // only if the crash came before the run was recorded (the start refuses a second running one)
            return partitioned.start(request, auditProperties.partitions());
        }
        if (firing.recovering()) {
            return audits.rerunInterrupted(request, firing.firedAt());
        }
        // incremental when a full run of the month can serve as its base, else full (the run says why)
        return audits.runQueued(
                auditProperties.incrementalNightly()
                        ? RunRequest.incremental(asOf, RunTrigger.NIGHTLY).heldWithoutData()
                        : request);
    }
}
