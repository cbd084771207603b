package org.jicha.audit;

/**
 * Where an audit run is. CANCELLED: stopped on request between batches; its findings so far are kept. HELD: a
 * nightly or plan run whose period's data had not arrived (待数据): recorded with the figures, nothing audited.
 */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    HELD,
    /** Completed, but a rule threw on some subjects: its errors are listed, every other finding is kept (issue 11). */
    COMPLETED_WITH_ERRORS
}
