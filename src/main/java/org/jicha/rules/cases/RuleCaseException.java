package org.jicha.rules.cases;

/** A rule test case cannot be read or its records cannot be converted; the message names file, case and field. */
class RuleCaseException extends RuntimeException {

    public RuleCaseException(String message) {
        super(message);
    }
}
