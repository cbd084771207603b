package org.jicha.audit;

/** Where an audit run is. CANCELLED: stopped on request between batches; its findings so far are kept. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED,
    /** Completed, but a rule threw on some subjects: its errors are listed, every other finding is kept (issue 11). */
    COMPLETED_WITH_ERRORS
}
