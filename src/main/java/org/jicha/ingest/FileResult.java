package org.jicha.ingest;

import java.util.List;

/**
 * The outcome of loading one file of a batch.
 *
 * @param encoding the detected encoding (UTF-8 or GB18030), null when the file could not be decoded
 * @param fault why the whole file was rejected; null when it loaded
 * @param rejections the rejected rows, at most {@code jicha.ingest.max-rejections-per-file} of them;
 *                   {@code rowsRejected} counts them all
 */
public record FileResult(String fileName, String encoding, FileStatus status, long rowsRead, long rowsAccepted,
                         long rowsRejected, String fault, List<String> warnings, List<Rejection> rejections) {

    public FileResult {
        warnings = List.copyOf(warnings);
        rejections = List.copyOf(rejections);
    }

    public static FileResult rejected(String fileName, String encoding, String fault) {
        return new FileResult(fileName, encoding, FileStatus.REJECTED, 0, 0, 0, fault, List.of(), List.of());
    }
}
