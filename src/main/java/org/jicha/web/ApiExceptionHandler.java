package org.jicha.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where the API's exceptions become HTTP answers, all RFC 9457 problem details: each feature's named
 * exceptions as the feature declares them ({@link Problems}), every bad request a 400 that says where and why
 * ({@link BadInput}; bad input is never a 500), an unknown address 404, a wrong method or content type 405 / 415.
 * A plain {@link IllegalStateException} or any other unexpected exception is a programming error: a logged 500,
 * never a 409. Pages are answered as pages by {@link PageErrors}.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemCatalogue catalogue;

    ApiExceptionHandler(ProblemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A named exception of a feature, answered as its feature declared ({@link Problems}). Anything else is
     * unexpected: under {@code /api} a 500 that is logged with its stack; elsewhere (pages), and for the
     * framework's and Spring Security's own exceptions, passed on to their usual handling.
     */
    @ExceptionHandler(Exception.class)
    ProblemDetail named(Exception e, HttpServletRequest request) throws Exception {
        Optional<ProblemMap.Answer> answer = catalogue.find(e, request);
        if (answer.isPresent()) {
            return answer.get().problem();
        }
        if (!api(request) || passedOn(e)) {
            throw e;
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，已记录日志 / internal server error, logged");
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
        ProblemDetail problem = BadInput.problem(
                "缺少参数 " + e.getParameterName() + " / the parameter " + e.getParameterName() + " is missing");
        problem.setProperty("parameter", e.getParameterName());
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        ProblemDetail problem = BadInput.problem(
                "缺少上传部分 " + e.getRequestPartName() + " / the multipart part " + e.getRequestPartName() + " is missing");
        problem.setProperty("parameter", e.getRequestPartName());
        return problem;
    }

    /** A parameter out of its bounds (e.g. {@code page}, {@code size}): each named with the bound it breaks. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail parameterOutOfBounds(HandlerMethodValidationException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors().forEach(error -> {
                    String name = result.getMethodParameter().getParameterName();
                    violations.put(
                            name,
                            violation(result.unwrap(error, ConstraintViolation.class), error.getDefaultMessage()));
                }));
        return BadInput.violations("parameter", violations);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            violations.put(
                    error.getField(),
                    error.contains(ConstraintViolation.class)
                            ? error.unwrap(ConstraintViolation.class)
                            : error.getDefaultMessage());
        }
        return BadInput.violations("field", violations);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolated(ConstraintViolationException e) {
        Map<String, Object> violations = new LinkedHashMap<>();
        e.getConstraintViolations()
                .forEach(v -> violations.put(v.getPropertyPath().toString(), v));
        return BadInput.violations("field", violations);
    }

    /** An upload over the multipart limit (checked before any controller): as the ingest feature declares it. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) throws Exception {
        return named(e, request);
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
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "没有这个接口 / no such API: " + request.getMethod() + " " + request.getRequestURI());
    }

    /** A method or content type the API address does not take: 405 / 415 naming what it takes. */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ProblemDetail unsupported(ServletException e, HttpServletRequest request) throws ServletException {
        if (!api(request)) {
            throw e;
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = String.join(
                    ", ",
                    method.getSupportedHttpMethods() == null
                            ? List.of()
                            : method.getSupportedHttpMethods().stream()
                                    .map(Object::toString)
                                    .toList());
            return ProblemDetail.forStatusAndDetail(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "此地址不支持 " + method.getMethod() + " 请求，可用：" + allowed + " / " + method.getMethod()
                            + " is not supported here; use " + allowed);
        }
        HttpMediaTypeNotSupportedException media = (HttpMediaTypeNotSupportedException) e;
        String supported = media.getSupportedMediaTypes().stream()
                .map(Object::toString)
                .reduce((a, b) -> a + ", " + b)
                .orElse("?");
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "不支持的内容类型 "
                        + media.getContentType() + "，应为 " + supported + " / content type " + media.getContentType()
                        + " is not supported; send " + supported);
    }

    /** Exceptions with their own handling: Spring Security's (sign-in, 403) and the framework's status-bearing ones. */
    private static boolean passedOn(Exception e) {
        return e instanceof AccessDeniedException
                || e instanceof AuthenticationException
                || e instanceof ErrorResponse
                || AnnotatedElementUtils.hasAnnotation(e.getClass(), ResponseStatus.class);
    }

    static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Object violation(ConstraintViolation<?> violation, String message) {
        return violation != null ? violation : message;
    }
}
