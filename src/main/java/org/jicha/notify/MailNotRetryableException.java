package org.jicha.notify;

/** A retry of a mail that is not FAILED (HTTP 409): the message names its status. */
public class MailNotRetryableException extends IllegalStateException {

    public MailNotRetryableException(String message) {
        super(message);
    }
}
