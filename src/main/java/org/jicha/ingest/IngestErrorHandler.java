package org.jicha.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the ingest API's own faults to HTTP answers with one clear message. */
@RestControllerAdvice(assignableTypes = LoadController.class)
class IngestErrorHandler {

    @ExceptionHandler
    ProblemDetail loadNotFound(LoadNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidArchive(InvalidBatchArchiveException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
