package org.jicha.people;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link UserAccounts} refuses a conflicting change (a user name already taken) with an
 * {@link IllegalStateException}: 409 for the user API. Elsewhere a plain IllegalStateException is a programming
 * error and only named exceptions answer 409 ({@code web.ApiExceptionHandler}).
 */
@RestControllerAdvice(assignableTypes = UserController.class)
class AccountConflicts {

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
