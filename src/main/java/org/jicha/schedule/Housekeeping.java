package org.jicha.schedule;

import org.jicha.ingest.ArchiveRetention;
import org.jicha.tickets.EvidenceRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The nightly job's first step: delete what has passed its retention (archived and failed batches, abandoned
 * uploads; evidence of long-closed tickets when that retention is switched on), so the night's batch finds room
 * in the disk budget. A failure here is logged and never stops the load and the audit.
 */
@Component
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final ArchiveRetention archive;
    private final EvidenceRetention evidence;

    Housekeeping(ArchiveRetention archive, EvidenceRetention evidence) {
        this.archive = archive;
        this.evidence = evidence;
    }

    void run() {
        try {
            archive.removeExpired();
        } catch (RuntimeException e) {
            log.error("Housekeeping of the batch archive failed; the night goes on", e);
        }
        try {
            evidence.removeExpired();
        } catch (RuntimeException e) {
            log.error("Housekeeping of the evidence files failed; the night goes on", e);
        }
    }
}
