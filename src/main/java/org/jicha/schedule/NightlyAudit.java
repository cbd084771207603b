package org.jicha.schedule;

import java.util.List;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.ingest.InboxService;
import org.jicha.ingest.LoadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The nightly work: load the batches waiting in the inbox, then audit as of today. */
@Service
public class NightlyAudit {

    private static final Logger log = LoggerFactory.getLogger(NightlyAudit.class);

    private final InboxService inbox;
    private final AuditService audits;

    public NightlyAudit(InboxService inbox, AuditService audits) {
        this.inbox = inbox;
        this.audits = audits;
    }

    public RunView run() {
        List<LoadResult> loads = inbox.loadPendingBatches();
        loads.forEach(l -> log.info("Nightly load of {}: {} ({} rows accepted, {} rejected)", l.batchName(),
                l.status(), l.rowsAccepted(), l.rowsRejected()));
        return audits.run(audits.today(), RunTrigger.NIGHTLY);
    }
}
