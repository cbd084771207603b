package org.jicha.tickets;

/** The client acted on a version of the ticket that is no longer current (HTTP 409). */
public class StaleTicketException extends RuntimeException {

    private final long ticketId;
    private final Long currentVersion;

    public StaleTicketException(long ticketId, Long currentVersion) {
        super("工单已被他人修改，请刷新 / the ticket was changed by someone else: reload it (ticket " + ticketId
                + (currentVersion == null ? "" : ", current version " + currentVersion) + ")");
        this.ticketId = ticketId;
        this.currentVersion = currentVersion;
    }

    public long ticketId() {
        return ticketId;
    }

    /** The version now stored, or null when it could not be read. */
    public Long currentVersion() {
        return currentVersion;
    }
}
