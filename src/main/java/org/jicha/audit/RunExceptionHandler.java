package org.jicha.audit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of runs as problem details, for every API controller (a plan's run-now is refused the same way):
 * data not arrived 409 with the figures per station, a role that may not force or withdraw 403, a missing field
 * 400 naming it.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RunExceptionHandler {

    @ExceptionHandler(DataNotArrivedException.class)
    ProblemDetail dataNotArrived(DataNotArrivedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("asOf", e.asOf().toString());
        problem.setProperty("auditedPeriod", e.verdict().period());
        problem.setProperty("stations", e.verdict().gaps());
        return problem;
    }

    @ExceptionHandler(RunActionForbiddenException.class)
    ProblemDetail forbidden(RunActionForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidRunRequestException.class)
    ProblemDetail invalid(InvalidRunRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }
}
