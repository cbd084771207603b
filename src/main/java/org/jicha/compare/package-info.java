/**
 * Issue 6 item 3: the five checks BIL-01, BIL-02, BIL-06, BIL-07 and BIL-08 three ways on the same data in one
 * process — the Drools rule set over the assembled facts, SQL only ({@link org.jicha.compare.SqlChecks}) and a plain
 * Java loop over the same facts ({@link org.jicha.compare.JavaChecks}) — timed side by side by
 * {@link org.jicha.compare.CheckComparison}. Uses {@code audit} (the facts a run reads), {@code facts} and
 * {@code rules} (the rule set, its parameters); used by tests and the benchmark harness ({@code bench}) only.
 */
package org.jicha.compare;
