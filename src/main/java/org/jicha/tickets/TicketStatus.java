package org.jicha.tickets;

/**
 * The states of the closed loop (督办闭环). The workflow between them is built on {@link InspectionTicket}.
 * AWAITING_CONFIRMATION (待确认): a new ticket the brake held for the auditors because its run would open far more
 * of its rule's tickets than usual; WITHDRAWN (已撤回): taken back with its run, or by the auditors from the
 * brake. Neither is in the loop: no team sees or works them, no mail, no overdue, no rate counts them.
 */
public enum TicketStatus {
    NEW,
    DISPATCHED,
    FEEDBACK_SUBMITTED,
    VERIFIED,
    CLOSED,
    RETURNED,
    SCOPE_REJECTED,
    FALSE_POSITIVE,
    EXEMPTED,
    AWAITING_CONFIRMATION,
    WITHDRAWN;

    /** Still needs work from somebody in the loop. */
    public boolean isOpen() {
        return this != CLOSED && this != FALSE_POSITIVE && this != EXEMPTED && this != VERIFIED && !isOutOfLoop();
    }

    /** Held by the brake or withdrawn: out of every list by default, every rate, every mail. */
    public boolean isOutOfLoop() {
        return this == AWAITING_CONFIRMATION || this == WITHDRAWN;
    }
}
