package org.jicha.tickets;

/** A field the action needs is missing or invalid (HTTP 400); the message names the field. */
public class MissingTicketFieldException extends IllegalArgumentException {

    private final String field;

    public MissingTicketFieldException(String field, String zh, String en) {
        super(zh + " / " + field + ": " + en);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
