package org.jicha.reports;

/** No completed audit run has audited the period, so there is nothing to report: HTTP 404. */
public class NoCompletedRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoCompletedRunException(String period) {
        super("没有稽查期间为 " + period + " 的已完成稽查批次，请先运行稽查 / no completed audit run has audited the period " + period
                + ": run an audit first");
    }
}
