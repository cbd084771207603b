/**
 * Five checks (BIL-01, BIL-02, BIL-06, BIL-07, BIL-08) three ways on the same data in one process: the Drools rule
 * set over the assembled facts, SQL only ({@link SqlChecks}) and a plain Java loop over the same facts
 * ({@link JavaChecks}), timed side by side by {@link CheckComparison}, to show what the rule engine costs and that
 * the three agree. Reads the facts a run reads through {@code audit}; used by the benchmark ({@code tools.bench})
 * and tests only.
 */
package org.jicha.tools.compare;
