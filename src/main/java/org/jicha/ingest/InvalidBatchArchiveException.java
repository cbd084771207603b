package org.jicha.ingest;

/** An uploaded batch archive cannot be used: not a zip, empty, too big, or an unsafe entry path. */
public class InvalidBatchArchiveException extends RuntimeException {

    public InvalidBatchArchiveException(String message) {
        super(message);
    }

    public InvalidBatchArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
