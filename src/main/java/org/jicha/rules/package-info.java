/**
 * The rule set: every {@code *.drl} and {@code *.drl.xlsx} under the rules folder compiled with Drools,
 * each rule's metadata (code, theme, title, severity, team kind, rectify limit, basis, remedy), the
 * thresholds of {@code parameters.yml} and the working-day calendar; and its evaluation over a batch of
 * facts, which yields {@link org.jicha.rules.Finding}s. The only package that touches {@code org.kie}
 * and {@code org.drools}.
 */
package org.jicha.rules;
