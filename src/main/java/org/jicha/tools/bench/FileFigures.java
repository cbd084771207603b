package org.jicha.tools.bench;

/**
 * One loaded file: rows accepted and rejected, the rows the generator wrote ({@code expectedRows}, null when the
 * batch has no manifest), the file's own load time (open to commit, {@code FileResult.millis}) and its rate.
 */
public record FileFigures(
        String file, long rowsAccepted, long rowsRejected, Long expectedRows, long millis, double rowsPerSecond) {

    /** True when the batch does not say how many rows to expect, or when every one was accepted. */
    public boolean asExpected() {
        return expectedRows == null || (expectedRows == rowsAccepted && rowsRejected == 0);
    }
}
