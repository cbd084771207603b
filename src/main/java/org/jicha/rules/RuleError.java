package org.jicha.rules;

/**
 * A rule that threw while it was evaluated on one subject (a customer with everything that hangs from it, or
 * an application without a customer): its code, where it is defined ({@code bil/consumption.drl:38}, a
 * decision table's row), the subject ({@code CUSTOMER:C002}) and the root cause's message
 * ({@code ArithmeticException: / by zero}). Every other rule's findings on that subject are kept.
 * {@code ruleCode} is {@link #UNKNOWN_RULE} when Drools named no rule of the set: then the subject's findings
 * could not be kept.
 */
public record RuleError(String ruleCode, String location, String subject, String customerNo, String message) {

    /** The code of an error whose rule Drools did not name. */
    public static final String UNKNOWN_RULE = "?";

    public boolean ruleKnown() {
        return !UNKNOWN_RULE.equals(ruleCode);
    }
}
