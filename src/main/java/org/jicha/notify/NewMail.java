package org.jicha.notify;

import java.util.Objects;

/**
 * A mail to be written to the outbox.
 *
 * @param dedupKey what makes this mail unique (e.g. {@code DIGEST:qc01re:2026-11-30}); a second mail with
 *                 the same key is never enqueued
 */
public record NewMail(MailKind kind, String recipient, String subject, String body, String dedupKey) {

    public NewMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient: an e-mail address is required");
        }
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > 200) {
            throw new IllegalArgumentException("dedupKey: 1-200 characters required");
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject: a single line required");
        }
    }
}
