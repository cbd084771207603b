package org.jicha.notify;

import java.time.LocalDateTime;
import java.util.List;

/** A mail of the outbox as stored; times are local to {@code jicha.notify.zone}. */
record OutboxMail(
        long id,
        MailKind kind,
        String recipient,
        String subject,
        String body,
        String dedupKey,
        MailStatus status,
        int attempts,
        LocalDateTime nextAttemptAt,
        String lastError,
        LocalDateTime createdAt,
        LocalDateTime sentAt,
        List<String> attachments) {

    public OutboxMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
