/**
 * The rule set, as the rest of the system uses it: {@link org.jicha.rules.RuleSetLoader} compiles the rules
 * folder into an immutable {@link org.jicha.rules.RuleSet} (each rule's {@link org.jicha.rules.RuleMeta}, the
 * typed {@link org.jicha.rules.RuleParameters}, the working-day calendar), {@link org.jicha.rules.ActiveRuleSet}
 * holds the one in force, and evaluating a batch of facts yields {@link org.jicha.rules.Finding}s with
 * {@link org.jicha.rules.Evidence} and isolated {@link org.jicha.rules.RuleError}s. The sub-packages hold how:
 * {@code compile}, {@code tables}, {@code cases}, {@code versions}, {@code candidates}, {@code web}. The only
 * module that touches {@code org.kie} and {@code org.drools}.
 */
package org.jicha.rules;
