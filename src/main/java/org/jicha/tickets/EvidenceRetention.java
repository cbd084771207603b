package org.jicha.tickets;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jicha.people.AuditTrail;
import org.jicha.tickets.internal.EvidenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The opt-in evidence retention (nightly housekeeping): with {@code jicha.tickets.evidence.keep-after-close} set,
 * the files of tickets CLOSED longer ago than that are deleted; each attachment's record (name, size, SHA-256,
 * uploader) stays, marked {@code removed_at}, and its download answers 410. Unset (0, the default) nothing is
 * ever removed. One trail entry lists the attachments removed.
 */
@Service
public class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final JdbcTemplate jdbc;
    private final EvidenceStore store;
    private final TicketProperties properties;
    private final AuditTrail trail;
    private final Clock clock;

    EvidenceRetention(
            JdbcTemplate jdbc, EvidenceStore store, TicketProperties properties, AuditTrail trail, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.properties = properties;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Removes the expired evidence files; returns the ids of their attachments. Each file's mark is written (and
     * committed) right after the file is deleted, so records and files never disagree for long.
     */
    public List<Long> removeExpired() {
        Duration keep = properties.evidence().keepAfterClose();
        if (keep.isZero() || keep.isNegative()) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        List<Attachment> expired = jdbc.query(
                """
                        SELECT a.id, a.stored_name FROM ticket_attachments a
                        JOIN inspection_tickets t ON t.id = a.ticket_id
                        WHERE a.removed_at IS NULL AND t.status = ?
                          AND (SELECT MAX(tr.at) FROM ticket_transitions tr
                               WHERE tr.ticket_id = t.id AND tr.to_status = ?) < ?
                        ORDER BY a.id""",
                (rs, n) -> new Attachment(rs.getLong(1), rs.getString(2)),
                TicketStatus.CLOSED.name(),
                TicketStatus.CLOSED.name(),
                Timestamp.valueOf(now.minus(keep)));
        List<Long> removed = new ArrayList<>();
        for (Attachment a : expired) {
            try {
                Files.deleteIfExists(store.resolve(a.storedName()));
            } catch (IOException e) {
                log.warn("Could not delete the expired evidence file of attachment {}: {}", a.id(), e.toString());
                continue;
            }
            jdbc.update("UPDATE ticket_attachments SET removed_at = ? WHERE id = ?", Timestamp.valueOf(now), a.id());
            removed.add(a.id());
        }
        if (!removed.isEmpty()) {
            log.info(
                    "Evidence retention removed the files of {} attachment(s) of tickets closed before {}",
                    removed.size(),
                    now.minus(keep).toLocalDate());
            trail.record(
                    "system",
                    "EVIDENCE_EXPIRED",
                    "ticket_attachments",
                    removed.size() + " file(s) of tickets closed more than " + keep.toDays() + " days ago; attachments "
                            + removed);
        }
        return removed;
    }

    private record Attachment(long id, String storedName) {}
}
