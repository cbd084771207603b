package org.jicha.rules;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps a rejected reload to 422 with the attempt and its problems (RFC 9457 problem details). */
@RestControllerAdvice(assignableTypes = RuleCatalogueController.class)
class RulesExceptionHandler {

    @ExceptionHandler(RuleSetRejectedException.class)
    ProblemDetail rejected(RuleSetRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("attempt", e.attempt());
        problem.setProperty("activeContentHash", e.inForce().contentHash());
        return problem;
    }
}
