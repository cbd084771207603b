package org.jicha.tickets;

/**
 * An evidence file was refused: wrong type, too big, empty, or one file too many for the ticket (HTTP 400, or
 * 413 when too big). The message names the file and the limit. Nothing of the action is applied.
 */
public class EvidenceRejectedException extends RuntimeException {

    private final boolean tooLarge;

    public EvidenceRejectedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
