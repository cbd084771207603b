package org.jicha.rules;

/** A reload found problems in the rules folder; the set in force stays. */
public class RuleSetRejectedException extends RuntimeException {

    private final transient ReloadAttempt attempt;
    private final transient RuleSetVersionView inForce;

    public RuleSetRejectedException(ReloadAttempt attempt, RuleSetVersionView inForce) {
        super("规则集未通过校验，原规则集 " + inForce.contentHash().substring(0, 12) + " 继续生效 / rule set rejected ("
                + attempt.messages().size() + " problem(s)); "
                + inForce.contentHash().substring(0, 12) + " stays in force");
        this.attempt = attempt;
        this.inForce = inForce;
    }

    public ReloadAttempt attempt() {
        return attempt;
    }

    public RuleSetVersionView inForce() {
        return inForce;
    }
}
