package org.jicha.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.RunInProgressException;
import org.jicha.audit.RunNotFoundException;
import org.jicha.audit.RunNotRunningException;
import org.jicha.audit.RunNotWithdrawableException;
import org.jicha.ingest.ByteCount;
import org.jicha.people.InvalidUserException;
import org.jicha.people.PasswordRejectedException;
import org.jicha.plans.PlanStateException;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.RuleSetException;
import org.jicha.tickets.EvidenceRejectedException;
import org.jicha.tickets.HeldTicketsDecidedException;
import org.jicha.tickets.EvidenceRemovedException;
import org.jicha.tickets.IllegalTicketTransitionException;
import org.jicha.tickets.MissingTicketFieldException;
import org.jicha.tickets.StaleTicketException;
import org.jicha.tickets.TicketActionForbiddenException;
import org.jicha.tickets.TicketNotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the domain's named exceptions to HTTP responses (RFC 9457 problem details), and every bad request to a
 * 400 that says where and why ({@link BadInput}): bad input is never answered 500. A plain
 * {@link IllegalStateException} is a programming error, not a conflict: only named exceptions answer 409.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private final ObjectProvider<MultipartConfigElement> multipart;

    ApiExceptionHandler(ObjectProvider<MultipartConfigElement> multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler({RunNotFoundException.class, TicketNotFoundException.class,
            RuleCandidateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({RunInProgressException.class, RunNotRunningException.class, RunNotWithdrawableException.class,
            PlanStateException.class, HeldTicketsDecidedException.class})
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

    // --- issue 11, sign-in and accounts: a user's field refused, named (a password: every rule it breaks)
    @ExceptionHandler(InvalidUserException.class)
    ProblemDetail invalidUser(InvalidUserException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        if (e instanceof PasswordRejectedException rejected) {
            problem.setProperty("reasons", rejected.reasons().stream().map(Enum::name).toList());
        }
        return problem;
    }
    // --- end of issue 11, sign-in and accounts

    /** An evidence file removed after its retention: 410, its record (with SHA-256) stays. */
    @ExceptionHandler(EvidenceRemovedException.class)
    ProblemDetail evidenceRemoved(EvidenceRemovedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.GONE, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    // --- bad requests: 400 naming the field or parameter and the reason ---

    /** A body that is not JSON or not of the expected shape: the field path or the line and column, and why. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return BadInput.body(e.getCause());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return BadInput.parameter(e.getName(), e.getValue(), e.getRequiredType());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail problem = BadInput.problem("缺少参数 " + e.getParameterName() + " / the parameter "
                + e.getParameterName() + " is missing");
        problem.setProperty("parameter", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = BadInput.problem("缺少上传部分 " + e.getRequestPartName() + " / the multipart part "
                + e.getRequestPartName() + " is missing");
        problem.setProperty("parameter", e.getRequestPartName());
        return problem;
    }

    /** A parameter out of its bounds (e.g. {@code page}, {@code size}): each named with the bound it breaks. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterOutOfBounds(HandlerMethodValidationException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            violations.put(name, violation(result.unwrap(error, ConstraintViolation.class), error.getDefaultMessage()));
        }));
        return BadInput.violations("parameter", violations);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.put(error.getField(), error.contains(ConstraintViolation.class)
                    ? error.unwrap(ConstraintViolation.class) : error.getDefaultMessage());
        }
        return BadInput.violations("field", violations);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> violations.put(v.getPropertyPath().toString(), v));
        return BadInput.violations("field", violations);
    }

    /** An upload over the multipart limit (checked before any controller): 413 naming the limit. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        MultipartConfigElement config = multipart.getIfAvailable();
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : config == null ? -1 : config.getMaxFileSize();
        String size = limit > 0 ? ByteCount.of(limit) : "?";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "上传超过 " + size
                + " 的上限（spring.servlet.multipart.max-file-size，随 jicha.ingest.max-upload-size）/ the upload is "
                + "larger than the limit of " + size
                + " (spring.servlet.multipart.max-file-size, from jicha.ingest.max-upload-size)");
        problem.setProperty("limit", size);
        return problem;
    }

    /** A multipart body that cannot be parsed (no boundary, cut short). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return BadInput.problem("上传请求无法解析 / the multipart request cannot be read");
    }

    /**
     * An address under {@code /api} that nothing answers: 404 as JSON. Any other address is passed on (rethrown)
     * to the error page.
     */
    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noSuchApi(NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
        if (!api(request)) {
            throw e;
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有这个接口 / no such API: "
                + request.getMethod() + " " + request.getRequestURI());
    }

    /** A method or content type the API address does not take: 405 / 415 naming what it takes. */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ProblemDetail unsupported(ServletException e, HttpServletRequest request) throws ServletException {
        if (!api(request)) {
            throw e;
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = String.join(", ", method.getSupportedHttpMethods() == null ? List.of()
                    : method.getSupportedHttpMethods().stream().map(Object::toString).toList());
            return ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "此地址不支持 " + method.getMethod()
                    + " 请求，可用：" + allowed + " / " + method.getMethod() + " is not supported here; use " + allowed);
        }
        HttpMediaTypeNotSupportedException media = (HttpMediaTypeNotSupportedException) e;
        String supported = media.getSupportedMediaTypes().stream().map(Object::toString).reduce((a, b) -> a + ", " + b)
                .orElse("?");
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 "
                + media.getContentType() + "，应为 " + supported + " / content type " + media.getContentType()
                + " is not supported; send " + supported);
    }

    private static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Object violation(ConstraintViolation<?> violation, String message) {
        return violation != null ? violation : message;
    }
}
