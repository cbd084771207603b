package org.jicha.rules.candidates;

import java.util.List;

/**
 * A candidate that cannot be put in force (409): it did not compile, the rules folder in force has changed since
 * it was uploaded (its base), it is already in force, or the folder with its files did not compile when reloaded
 * (the previous files are back in force). The message says which; {@code problems} lists file:line of a reload.
 */
public class RulePromotionRefusedException extends RuntimeException {

    private final List<String> problems;

    public RulePromotionRefusedException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
