package org.jicha.notify;

/** Where a mail of the outbox stands. */
enum MailStatus {
    /** Waiting to be sent (again) at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by one dispatcher, which is sending it now. */
    SENDING,
    /** Accepted by the mail server. */
    SENT,
    /** Given up after the last attempt, or interrupted while sending; an administrator may retry it. */
    FAILED
}
