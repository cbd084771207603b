package org.jicha.notify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A mail to be written to the outbox.
 *
 * @param dedupKey what makes this mail unique (e.g. {@code DIGEST:qc01re:2026-11-30}); a second mail with
 *                 the same key is never enqueued
 * @param attachments files sent with the mail (read when it is sent)
 */
record NewMail(MailKind kind, String recipient, String subject, String body, String dedupKey, List<Path> attachments) {

    /** A mail without attachments. */
    public NewMail(MailKind kind, String recipient, String subject, String body, String dedupKey) {
        this(kind, recipient, subject, body, dedupKey, List.of());
    }

    public NewMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
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
