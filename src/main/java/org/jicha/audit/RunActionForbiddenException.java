package org.jicha.audit;

/** An action on runs the actor's role may not do, e.g. forcing or withdrawing a run (HTTP 403). */
public class RunActionForbiddenException extends RuntimeException {

    public RunActionForbiddenException(String zh, String en) {
        super(zh + " / " + en);
    }
}
