package org.jicha.audit;

/** Who started a run. */
public enum RunTrigger {
    NIGHTLY, MANUAL, STARTUP, CLI
}
