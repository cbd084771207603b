package org.jicha.plans;

/** A plan definition that cannot be saved; names the field at fault (HTTP 422). */
public class InvalidPlanException extends RuntimeException {

    private final String field;

    public InvalidPlanException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
