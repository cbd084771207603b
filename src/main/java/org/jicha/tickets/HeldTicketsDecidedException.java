package org.jicha.tickets;

/** A decision on a run's held tickets of a rule that the run did not hold, or that was decided already (HTTP 409). */
public class HeldTicketsDecidedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    HeldTicketsDecidedException(String message) {
        super(message);
    }
}
