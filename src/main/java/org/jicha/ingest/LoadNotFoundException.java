package org.jicha.ingest;

/** No load has the requested id. */
public class LoadNotFoundException extends RuntimeException {

    public LoadNotFoundException(long id) {
        super("no load with id " + id);
    }
}
