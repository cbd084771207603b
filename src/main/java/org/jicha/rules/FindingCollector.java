package org.jicha.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jicha.facts.AuditSubject;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The one thing a rule action may do: raise a finding on a subject, with the evidence as its message.
 * Rules see it as the global {@code findings}; the rule's metadata is looked up from the firing rule.
 * One collector per evaluation call; not thread-safe.
 */
public final class FindingCollector {

    private final Map<String, RuleMeta> metaByRuleName;
    private final List<Finding> findings = new ArrayList<>();

    FindingCollector(Map<String, RuleMeta> metaByRuleName) {
        this.metaByRuleName = metaByRuleName;
    }

    /** Raises a finding for the subject's own period (readings, bills) or none (state records). */
    public void raise(RuleContext drools, AuditSubject subject, String message) {
        raise(drools, subject, subject.getPeriod(), message);
    }

    /** Raises a finding for an explicit period, e.g. the audited period of a meter or customer rule. */
    public void raise(RuleContext drools, AuditSubject subject, String period, String message) {
        String ruleName =
                drools.getRule().getPackageName() + "." + drools.getRule().getName();
        RuleMeta meta = metaByRuleName.get(ruleName);
        if (meta == null) {
            throw new IllegalStateException("rule " + ruleName + " has no metadata");
        }
        findings.add(new Finding(
                meta.code(),
                meta.theme(),
                meta.severity(),
                subject.getSubjectType(),
                subject.getSubjectId(),
                subject.getCustomerNo(),
                subject.getStationCode(),
                period,
                message));
    }

    List<Finding> findings() {
        return Collections.unmodifiableList(findings);
    }
}
