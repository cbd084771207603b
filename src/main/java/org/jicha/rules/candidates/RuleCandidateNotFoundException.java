package org.jicha.rules.candidates;

/** No candidate rule set has this id (or its files are not on this server): 404. */
public class RuleCandidateNotFoundException extends RuntimeException {

    public RuleCandidateNotFoundException(String message) {
        super(message);
    }
}
