package org.jicha.rules;

import java.util.List;

/** What evaluating a batch gave: the findings of every rule that ran, and the errors of the rules that threw. */
public record Evaluation(List<Finding> findings, List<RuleError> errors) {

    public Evaluation {
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
    }
}
