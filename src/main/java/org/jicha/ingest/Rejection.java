package org.jicha.ingest;

/**
 * A row that was not loaded, and why: the file, the physical line in it (the header is line 1), the column
 * and value at fault (null when the whole row is at fault, e.g. a wrong number of fields) and the reason.
 */
public record Rejection(String file, long line, String column, String value, String reason) {

    /** The rejection in one line, e.g. {@code readings.csv:17 column consumption_kwh value "-5": must be >= 0}. */
    public String describe() {
        String where = file + ":" + line;
        return column == null
                ? where + ": " + reason
                : where + " column " + column + " value \"" + (value == null ? "" : value) + "\": " + reason;
    }
}
