/**
 * Rule cases in YAML ({@code rules/tests/<theme>/<topic>.yml}): records in the data contract's terms, the
 * findings expected, read by {@link org.jicha.rules.cases.RuleCaseFile} and run against a rule set by
 * {@link org.jicha.rules.cases.RuleCaseRunner} ({@code rules test}).
 */
@NamedInterface("cases")
package org.jicha.rules.cases;

import org.springframework.modulith.NamedInterface;
