package org.jicha.web;

import org.jicha.audit.RunInProgressException;
import org.jicha.audit.RunNotFoundException;
import org.jicha.rules.RuleCandidateNotFoundException;
import org.jicha.rules.RuleSetException;
import org.jicha.tickets.EvidenceRejectedException;
import org.jicha.tickets.IllegalTicketTransitionException;
import org.jicha.tickets.MissingTicketFieldException;
import org.jicha.tickets.StaleTicketException;
import org.jicha.tickets.TicketActionForbiddenException;
import org.jicha.tickets.TicketNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps the domain's named exceptions to HTTP responses (RFC 9457 problem details). */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler({RunNotFoundException.class, TicketNotFoundException.class,
            RuleCandidateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({RunInProgressException.class, IllegalStateException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A candidate rule set that does not compile: 422 with every problem located by file and line. */
    @ExceptionHandler(RuleSetException.class)
    ProblemDetail ruleSetRejected(RuleSetException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setProperty("problems", e.problems().stream().map(Object::toString).toList());
        return problem;
    }

    /** An action the ticket's state does not allow: 409 naming state and action. */
    @ExceptionHandler(IllegalTicketTransitionException.class)
    ProblemDetail illegalTransition(IllegalTicketTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("ticketStatus", e.status().name());
        problem.setProperty("action", e.action().name());
        return problem;
    }

    /** The client acted on an old version of the ticket: 409 with the current version. */
    @ExceptionHandler(StaleTicketException.class)
    ProblemDetail staleTicket(StaleTicketException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    /** The wrong role for a ticket action, or a team acting outside its unit. */
    @ExceptionHandler(TicketActionForbiddenException.class)
    ProblemDetail ticketActionForbidden(TicketActionForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A missing field of a ticket action: 400 naming it. */
    @ExceptionHandler(MissingTicketFieldException.class)
    ProblemDetail missingTicketField(MissingTicketFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    /** A refused evidence file: 413 when too big, else 400; the message names the file and the limit. */
    @ExceptionHandler(EvidenceRejectedException.class)
    ProblemDetail evidenceRejected(EvidenceRejectedException e) {
        return ProblemDetail.forStatusAndDetail(e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "参数 " + e.getName() + " 的值 \"" + e.getValue() + "\" 无效 / invalid value for parameter " + e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
