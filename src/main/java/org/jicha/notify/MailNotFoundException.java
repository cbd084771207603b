package org.jicha.notify;

/** No mail of the outbox has this id. */
public class MailNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotFoundException(long id) {
        super("没有此邮件 / no such mail in the outbox: " + id);
    }
}
