package org.jicha.tickets;

/** The states of the closed loop (督办闭环). The workflow between them is built on {@link InspectionTicket}. */
public enum TicketStatus {
    NEW, DISPATCHED, FEEDBACK_SUBMITTED, VERIFIED, CLOSED, RETURNED, SCOPE_REJECTED, FALSE_POSITIVE, EXEMPTED;

    /** Still needs work from somebody. */
    public boolean isOpen() {
        return this != CLOSED && this != FALSE_POSITIVE && this != EXEMPTED && this != VERIFIED;
    }
}
