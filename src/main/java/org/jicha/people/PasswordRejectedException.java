package org.jicha.people;

import java.util.List;
import java.util.stream.Collectors;

/** A password the policy refuses (400, naming the field), naming every rule it breaks. */
public class PasswordRejectedException extends InvalidUserException {

    private final List<PasswordRule> reasons;
    private final int minLength;

    PasswordRejectedException(String field, List<PasswordRule> reasons, int minLength) {
        super(
                field,
                "密码不符合要求：" + reasons.stream().map(r -> r.zh(minLength)).collect(Collectors.joining("；")) + " / " + field
                        + ": " + reasons.stream().map(r -> r.en(minLength)).collect(Collectors.joining("; ")));
        this.reasons = List.copyOf(reasons);
        this.minLength = minLength;
    }

    public List<PasswordRule> reasons() {
        return reasons;
    }

    /** The policy's shortest length, for the message of {@link PasswordRule#TOO_SHORT}. */
    public int minLength() {
        return minLength;
    }
}
