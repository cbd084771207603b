package org.jicha.reports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the reports' named exceptions to HTTP (RFC 9457 problem details): 400 naming the parameter, 403, 404, 503 without a PDF font. */
@RestControllerAdvice(assignableTypes = ReportController.class)
class ReportsExceptionHandler {

    @ExceptionHandler(ReportParameterException.class)
    ProblemDetail badParameter(ReportParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(ReportForbiddenException.class)
    ProblemDetail forbidden(ReportForbiddenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(PdfFontMissingException.class)
    ProblemDetail noFont(PdfFontMissingException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(NoCompletedRunException.class)
    ProblemDetail noRun(NoCompletedRunException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
