package org.jicha.audit;

/** Where an audit run is. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED
}
