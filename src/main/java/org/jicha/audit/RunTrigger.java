package org.jicha.audit;

/** Who started a run. PLAN: an audit plan's schedule or its "run now". */
public enum RunTrigger {
    NIGHTLY,
    MANUAL,
    STARTUP,
    CLI,
    PLAN
}
