package org.jicha.audit;

/**
 * How a run chose its customers. FULL: every customer (the base of incremental runs when it looked ahead);
 * INCREMENTAL: only those whose records changed or whose findings time may change, the others' findings
 * carried over from the run before; SCOPED: the customers and rules of a plan's scope.
 */
public enum RunMode {
    FULL,
    INCREMENTAL,
    SCOPED
}
