package org.jicha.ingest;

/**
 * Told how far a batch load has come, for a command line that shows it: called from the loading thread every
 * {@link #EVERY_ROWS} rows of a file and once when the file is read. Bytes count the batch's contract files only
 * (what is loaded), so that {@code batchBytesRead / batchBytes} is the share of the load done.
 */
@FunctionalInterface
public interface LoadProgress {

    /** Nothing is told. */
    LoadProgress NONE = (file, rows, done, batchBytesRead, batchBytes) -> {};

    int EVERY_ROWS = 10_000;

    /**
     * @param file the contract file being read (e.g. {@code readings.csv})
     * @param rows rows of that file read so far
     * @param done whether the file has been read to its end
     * @param batchBytesRead bytes of the batch's contract files read so far
     * @param batchBytes bytes of the batch's contract files in all
     */
    void read(String file, long rows, boolean done, long batchBytesRead, long batchBytes);
}
