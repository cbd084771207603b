package org.jicha.ingest;

/** What became of a batch. */
public enum LoadStatus {
    RUNNING,
    /** Every file loaded and no row was rejected. */
    LOADED,
    /** Something was not stored: a file was rejected or rows were. */
    PARTIAL,
    /** Nothing was stored: no file loaded. */
    FAILED
}
