package org.jicha.people;

/** The change would leave no enabled ADMIN, and nobody could manage users any more (409). */
public class LastAdministratorException extends IllegalStateException {

    LastAdministratorException(String username, String zhChange, String enChange) {
        super("不能" + zhChange + " " + username + "：它是最后一个启用的系统管理员 / cannot " + enChange + " " + username
                + ": it is the last enabled ADMIN");
    }
}
