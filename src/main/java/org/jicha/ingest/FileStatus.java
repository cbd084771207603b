package org.jicha.ingest;

/** What became of one file of a batch. */
public enum FileStatus {
    /** Every accepted row is stored; rejected rows, if any, are listed. */
    LOADED,
    /** Nothing of the file is stored: a file-level fault (see the fault message). */
    REJECTED
}
