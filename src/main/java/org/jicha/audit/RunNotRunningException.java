package org.jicha.audit;

/** A cancel request for a run that is not running (HTTP 409). */
public class RunNotRunningException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RunNotRunningException(long id, RunStatus status) {
        super("稽查批次 " + id + " 未在运行（" + status + "），无法取消 / run " + id + " is " + status
                + ", not running: nothing to cancel");
    }
}
