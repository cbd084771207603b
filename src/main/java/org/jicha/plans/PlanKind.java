package org.jicha.plans;

/** ROUTINE: on a cron without end (monthly, quarterly). SPECIAL (专项稽查): on a cron within a date range. */
public enum PlanKind {
    ROUTINE,
    SPECIAL
}
