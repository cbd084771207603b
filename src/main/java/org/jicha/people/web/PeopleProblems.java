package org.jicha.people.web;

import org.jicha.people.InvalidUserException;
import org.jicha.people.LastAdministratorException;
import org.jicha.people.PasswordRejectedException;
import org.jicha.people.UsernameTakenException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The user accounts' refusals: a field refused 400 naming it (a password: every rule it breaks, as
 * {@code reasons}); a user name already taken, or a change that would leave no enabled administrator, 409.
 */
@Component
class PeopleProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(InvalidUserException.class, HttpStatus.BAD_REQUEST).with((e, problem) -> {
            problem.setProperty("field", e.field());
            if (e instanceof PasswordRejectedException rejected) {
                problem.setProperty(
                        "reasons", rejected.reasons().stream().map(Enum::name).toList());
            }
        });
        problems.map(UsernameTakenException.class, HttpStatus.CONFLICT);
        problems.map(LastAdministratorException.class, HttpStatus.CONFLICT);
    }
}
