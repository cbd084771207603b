package org.jicha.audit;

/** A withdrawal of a run that opened nothing to withdraw: still running, or held for its data (HTTP 409). */
public class RunNotWithdrawableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public RunNotWithdrawableException(long id, RunStatus status) {
        super("稽查运行 " + id + (status == RunStatus.HELD ? " 待数据" : " 正在运行") + "，不能撤回 / run " + id + " is " + status
                + ": only a finished run can be withdrawn");
    }
}
