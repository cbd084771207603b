package org.jicha.tickets;

/** No ticket with that id, or none the actor may see (not told apart, so existence is not revealed). */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(long id) {
        super("督办单不存在 / no ticket " + id);
    }

    public TicketNotFoundException(long id, long attachmentId) {
        super("督办单 " + id + " 没有附件 " + attachmentId + " / ticket " + id + " has no attachment " + attachmentId);
    }
}
