package org.jicha.tickets;

/** No ticket with that id. */
public class TicketNotFoundException extends RuntimeException {

    public TicketNotFoundException(long id) {
        super("督办单不存在 / no ticket " + id);
    }
}
