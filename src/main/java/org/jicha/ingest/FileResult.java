package org.jicha.ingest;

import java.util.List;

/**
 * The outcome of loading one file of a batch.
 *
 * @param encoding the detected encoding (UTF-8 or GB18030), null when the file could not be decoded
 * @param fault why the whole file was rejected; null when it loaded
 * @param rejections the rejected rows, at most {@code jicha.ingest.max-rejections-per-file} of them;
 *                   {@code rowsRejected} counts them all
 * @param millis how long the file took to load, from opening it to its commit (0 for a file refused at once)
 */
public record FileResult(
        String fileName,
        String encoding,
        FileStatus status,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        String fault,
        List<String> warnings,
        List<Rejection> rejections,
        long millis) {

    public FileResult {
        warnings = List.copyOf(warnings);
        rejections = List.copyOf(rejections);
    }

    /** The same result, with the time the file took. */
    public FileResult took(long elapsedMillis) {
        return new FileResult(
                fileName,
                encoding,
                status,
                rowsRead,
                rowsAccepted,
                rowsRejected,
                fault,
                warnings,
                rejections,
                elapsedMillis);
    }

    /** Accepted rows per second of loading, 0 when nothing was timed. */
    public double rowsPerSecond() {
        return millis <= 0 ? 0 : rowsAccepted * 1000.0 / millis;
    }

    public static FileResult rejected(String fileName, String encoding, String fault) {
        return new FileResult(fileName, encoding, FileStatus.REJECTED, 0, 0, 0, fault, List.of(), List.of(), 0);
    }
}
