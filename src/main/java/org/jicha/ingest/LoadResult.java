package org.jicha.ingest;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The outcome of loading one batch folder, as stored in load_batches / load_files / load_rejections and
 * written to the load report.
 *
 * @param id the load's id (GET /api/loads/{id})
 * @param message a fault of the whole batch (e.g. no files), null otherwise
 * @param reportPath where the load report was written, null when none was (e.g. {@link BatchLoader#load})
 * @param files the data contract's files of the batch, loaded or rejected
 * @param ignored the batch's other entries: neither loaded nor kept (they do not change the status)
 */
public record LoadResult(
        long id,
        String batchName,
        String sourcePath,
        LoadStatus status,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        String message,
        int filesLoaded,
        int filesFailed,
        long rowsAccepted,
        long rowsRejected,
        String reportPath,
        List<FileResult> files,
        List<IgnoredEntry> ignored) {

    public LoadResult {
        files = List.copyOf(files);
        ignored = List.copyOf(ignored);
    }

    LoadResult withReportPath(String path) {
        return new LoadResult(
                id,
                batchName,
                sourcePath,
                status,
                startedAt,
                finishedAt,
                message,
                filesLoaded,
                filesFailed,
                rowsAccepted,
                rowsRejected,
                path,
                files,
                ignored);
    }

    /** All rejected rows of all files, as far as they were kept. */
    public List<Rejection> rejections() {
        return files.stream().flatMap(file -> file.rejections().stream()).toList();
    }
}
