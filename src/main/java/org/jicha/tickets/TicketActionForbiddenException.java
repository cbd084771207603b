package org.jicha.tickets;

/**
 * The actor may not do that action: the wrong role (an ADMIN has no ticket actions), a person trying a
 * system action, or a TEAM user acting on a ticket of a team outside its unit (HTTP 403).
 */
public class TicketActionForbiddenException extends RuntimeException {

    public TicketActionForbiddenException(String message) {
        super(message);
    }
}
