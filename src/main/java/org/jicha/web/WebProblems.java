package org.jicha.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The JDK's own refusal of a bad argument: the parsers of request values (an action name, a date range, a ticket
 * reference) throw {@link IllegalArgumentException} naming the value, a 400. Its named subclasses are declared by
 * their features. A plain {@link IllegalStateException} is not declared: it is a programming error, a 500.
 */
@Component
class WebProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(IllegalArgumentException.class, HttpStatus.BAD_REQUEST);
    }
}
