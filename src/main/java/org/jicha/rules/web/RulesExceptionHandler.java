package org.jicha.rules.web;

import org.jicha.rules.RuleSetRejectedException;
import org.jicha.rules.candidates.RuleCandidateRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps a rejected reload to 422 with the attempt and its problems, and a refused candidate upload to 400 (or
 * 413 when too large) naming the entry (RFC 9457 problem details).
 */
@RestControllerAdvice(assignableTypes = {RuleCatalogueController.class, RuleCandidateController.class})
class RulesExceptionHandler {

    @ExceptionHandler(RuleSetRejectedException.class)
    ProblemDetail rejected(RuleSetRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("attempt", e.attempt());
        problem.setProperty("activeContentHash", e.inForce().contentHash());
        return problem;
    }

    @ExceptionHandler(RuleCandidateRefusedException.class)
    ProblemDetail refused(RuleCandidateRefusedException e) {
        return ProblemDetail.forStatusAndDetail(e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }
}
