package org.jicha.plans;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Plan errors as problem details: unknown plan 404, invalid definition 422 naming the field, stale update 409. */
@RestControllerAdvice(assignableTypes = PlanController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlanExceptionHandler {

    @ExceptionHandler(PlanNotFoundException.class)
    ProblemDetail notFound(PlanNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidPlanException.class)
    ProblemDetail invalid(InvalidPlanException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail stale(ObjectOptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "稽查计划已被他人修改，请刷新后重试 / the plan was changed meanwhile: reload and try again");
    }
}
