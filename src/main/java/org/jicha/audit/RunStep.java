package org.jicha.audit;

/**
 * The steps of a run, named on a failed run's page (where it failed) and in the health component
 * {@code nightlyRun}: READ the records in batches, EVALUATE a batch (facts and rules, also as of the horizon),
 * RECORD a batch (findings, ticket refreshes, rule errors, progress), CARRY the base's findings (incremental run),
 * FINISH the run (counts, new tickets through the brake, "not detected").
 */
public enum RunStep {
    READ,
    EVALUATE,
    RECORD,
    CARRY,
    FINISH
}
