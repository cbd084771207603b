package org.jicha.rules.candidates;

/**
 * An upload that cannot become a candidate: an unsafe or unexpected zip entry or file (400), or more entries
 * or bytes than allowed (413). The message names the entry; nothing of the upload is kept.
 */
public class RuleCandidateRefusedException extends RuntimeException {

    private final boolean tooLarge;

    public RuleCandidateRefusedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
