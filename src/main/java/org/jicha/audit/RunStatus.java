package org.jicha.audit;

/** Where an audit run is. CANCELLED: stopped on request between batches; its findings so far are kept. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED
}
