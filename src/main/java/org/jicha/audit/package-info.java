/**
 * Audit runs: for an as-of date, read the stored records customer batch by customer batch, assemble
 * facts, evaluate the active rule set, record the run and its findings, and hand the findings to
 * {@code tickets}. One class per step: launching ({@link org.jicha.audit.RunLauncher}, one run at a time per
 * node), planning ({@link org.jicha.audit.RunPlanner}), the batch loop ({@link org.jicha.audit.RunExecution}) over
 * the one {@link org.jicha.audit.BatchStep} every run and the preview use, recording
 * ({@link org.jicha.audit.RunRecorder}) and reading ({@link org.jicha.audit.RunQueries}). Before a nightly, plan or
 * person's run audits a period, {@link org.jicha.audit.DataArrival} checks that the period's extract has arrived at
 * each station: else the run is held (schedules) or refused unless an auditor forces it with a reason (people). An
 * auditor can withdraw a finished run.
 */
package org.jicha.audit;
