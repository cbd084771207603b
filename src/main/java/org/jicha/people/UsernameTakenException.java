package org.jicha.people;

/** A new user's name is already taken (409). */
public class UsernameTakenException extends IllegalStateException {

    UsernameTakenException(String username, Throwable cause) {
        super("用户名已存在 / username already taken: " + username, cause);
    }
}
