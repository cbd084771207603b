/**
 * Test support for rule tests: {@link org.jicha.rules.testkit.RuleTestKit} evaluates the shipped rule set over
 * bundles built with {@code org.jicha.facts.fixtures}.
 */
package org.jicha.rules.testkit;
