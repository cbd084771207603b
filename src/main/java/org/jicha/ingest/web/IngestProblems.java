package org.jicha.ingest.web;

import jakarta.servlet.MultipartConfigElement;
import org.jicha.ingest.BatchTooLargeException;
import org.jicha.ingest.ByteCount;
import org.jicha.ingest.DiskBudgetExceededException;
import org.jicha.ingest.InvalidBatchArchiveException;
import org.jicha.ingest.LoadNotFoundException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The loads' refusals: an unknown load 404; a batch archive that cannot be read 400; an upload that is, or
 * inflates to, more than allowed 413 naming the limit and its setting (also an upload over the multipart limit,
 * which follows {@code jicha.ingest.max-upload-size}); the disk budget or free space exceeded 507.
 */
@Component
class IngestProblems implements Problems {

    private final ObjectProvider<MultipartConfigElement> multipart;

    IngestProblems(ObjectProvider<MultipartConfigElement> multipart) {
        this.multipart = multipart;
    }

    @Override
    public void declare(ProblemMap problems) {
        problems.map(LoadNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(InvalidBatchArchiveException.class, HttpStatus.BAD_REQUEST);
        problems.map(BatchTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE).with((e, problem) -> {
            problem.setProperty("limit", ByteCount.of(e.limitBytes()));
            problem.setProperty("setting", e.setting());
        });
        problems.map(DiskBudgetExceededException.class, HttpStatus.INSUFFICIENT_STORAGE)
                .with((e, problem) -> {
                    problem.setProperty("limit", ByteCount.of(e.limitBytes()));
                    problem.setProperty("setting", e.setting());
                });
        problems.map(MaxUploadSizeExceededException.class, HttpStatus.CONTENT_TOO_LARGE)
                .detail(e -> "上传超过 " + uploadLimit(e) + " 的上限（spring.servlet.multipart.max-file-size，随 "
                        + "jicha.ingest.max-upload-size）/ the upload is larger than the limit of " + uploadLimit(e)
                        + " (spring.servlet.multipart.max-file-size, from jicha.ingest.max-upload-size)")
                .with((e, problem) -> problem.setProperty("limit", uploadLimit(e)));
    }

    private String uploadLimit(MaxUploadSizeExceededException e) {
        MultipartConfigElement config = multipart.getIfAvailable();
        long limit = e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : config == null ? -1 : config.getMaxFileSize();
        return limit > 0 ? ByteCount.of(limit) : "?";
    }
}
