package org.jicha.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the ingest API's own faults to HTTP answers with one clear message: 404, 400, 413, 507. */
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

    /** The upload is, or inflates to, more than allowed: 413 naming the limit and its setting. */
    @ExceptionHandler
    ProblemDetail tooLarge(BatchTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setProperty("limit", ByteCount.of(e.limitBytes()));
        problem.setProperty("setting", e.setting());
        return problem;
    }

    /** The disk budget or the volume's free space does not allow the upload: 507 naming the limit. */
    @ExceptionHandler
    ProblemDetail diskBudget(DiskBudgetExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INSUFFICIENT_STORAGE, e.getMessage());
        problem.setProperty("limit", ByteCount.of(e.limitBytes()));
        problem.setProperty("setting", e.setting());
        return problem;
    }
}
