package org.jicha.tickets;

/**
 * Why an auditor judged a finding not to be a deviation; counts against the rule's precision. Each reason's text is
 * {@code falsePositive.<REASON>} in the message bundles.
 */
public enum FalsePositiveReason {
    RULE_LOGIC,
    SOURCE_DATA,
    POLICY_EXCEPTION,
    DUPLICATE
}
