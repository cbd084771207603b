package org.jicha.audit;

/**
 * What a run does when the extract of its audited period has not arrived ({@link DataArrival}): the entry points
 * that a schedule or a person reaches ask for the check; runs started by code on data it chose do not.
 */
enum DataCheck {
    /** Started by code on the data it was given (the command line, the benchmark, tests): not checked. */
    NONE,
    /** A schedule's run (nightly, plan, the demo's start-up run): recorded HELD with the figures, nothing audited. */
    HOLD,
    /** A person's run-now: refused (HTTP 409) with the figures. */
    REFUSE,
    /** A person's forced run: audits anyway; the reason and the figures go onto the run and into the trail. */
    FORCE
}
