package org.jicha.tickets;

/** The action is not allowed in the ticket's current state (HTTP 409). */
public class IllegalTicketTransitionException extends IllegalStateException {

    private final TicketStatus status;
    private final TicketAction action;

    public IllegalTicketTransitionException(TicketStatus status, TicketAction action) {
        this(status, action, null);
    }

    public IllegalTicketTransitionException(TicketStatus status, TicketAction action, String why) {
        super("工单状态为 " + status + "，不能执行“" + action.zh() + "”" + (why == null ? "" : "：" + why)
                + " / a ticket in state " + status + " cannot be given action " + action
                + (why == null ? "" : ": " + why));
        this.status = status;
        this.action = action;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketAction action() {
        return action;
    }
}
