package org.jicha.schedule;

import java.util.List;
import org.jicha.audit.AuditProperties;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.ingest.InboxService;
import org.jicha.ingest.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The nightly work: load the batches waiting in the inbox, then audit as of the firing's date. A run that
 * meets a running one waits for it; a firing Quartz recovers after a crash re-runs the interrupted run.
 */
@Service
public class NightlyAudit {

    private static final Logger log = LoggerFactory.getLogger(NightlyAudit.class);

    private final InboxService inbox;
    private final AuditService audits;
    private final AuditProperties auditProperties;

    public NightlyAudit(InboxService inbox, AuditService audits, AuditProperties auditProperties) {
        this.inbox = inbox;
        this.audits = audits;
        this.auditProperties = auditProperties;
    }

    /** As of today, as if fired now. */
    public RunView run() {
        return run(new QuartzFiring(null, false));
    }

    public RunView run(QuartzFiring firing) {
        List<LoadResult> loads = inbox.loadPendingBatches();
        loads.forEach(l -> log.info("Nightly load of {}: {} ({} rows accepted, {} rejected)", l.batchName(),
                l.status(), l.rowsAccepted(), l.rowsRejected()));
        RunRequest request = RunRequest.of(firing.asOf(auditProperties.zone(), audits.today()), RunTrigger.NIGHTLY);
        return firing.recovering() ? audits.rerunInterrupted(request, firing.firedAt()) : audits.runQueued(request);
    }
}
