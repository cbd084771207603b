/**
 * Audit runs: for an as-of date, read the stored records customer batch by customer batch, assemble
 * facts, evaluate the active rule set, record the run and its findings, and hand the findings to
 * {@code tickets}. One run at a time per node.
 */
package org.jicha.audit;
