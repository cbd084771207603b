package org.jicha.tickets;

/**
 * An evidence file the retention ({@code jicha.tickets.evidence.keep-after-close}) has removed (HTTP 410): its
 * record (name, size, SHA-256, who uploaded it) stays, the file does not.
 */
public class EvidenceRemovedException extends RuntimeException {

    public EvidenceRemovedException(TicketAttachment attachment) {
        super("证据文件 " + attachment.getOriginalName() + " 已于 "
                + attachment.getRemovedAt().toLocalDate()
                + " 按保留期限删除（SHA-256 " + attachment.getSha256() + "）/ evidence file " + attachment.getOriginalName()
                + " was removed on " + attachment.getRemovedAt().toLocalDate() + " after its retention (SHA-256 "
                + attachment.getSha256() + ")");
    }
}
