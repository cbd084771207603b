package org.jicha.people;

/**
 * A user's field that cannot be accepted (400): the message says what is wrong in Chinese and English and
 * {@link #field()} names the field of the request ({@code username}, {@code unitCode}, {@code password} ...).
 */
public class InvalidUserException extends IllegalArgumentException {

    private final String field;

    public InvalidUserException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
