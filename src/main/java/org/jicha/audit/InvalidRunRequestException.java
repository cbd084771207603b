package org.jicha.audit;

/** A run request with a missing or bad field (HTTP 400 naming it). */
public class InvalidRunRequestException extends IllegalArgumentException {

    private final String field;

    public InvalidRunRequestException(String field, String zh, String en) {
        super(field + ": " + zh + " / " + en);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
