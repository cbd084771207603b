package org.jicha.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the due mails of the outbox. Each mail is first claimed (PENDING -> SENDING by a conditional
 * update that only one node can win), then handed to the mail server, then marked SENT; a failure counts
 * an attempt and schedules the next one after an exponential back-off, and the last allowed attempt marks
 * the mail FAILED with its error. No database transaction is held while talking to the mail server.
 *
 * <p>A mail claimed longer ago than {@code claim-timeout} belongs to a dispatcher that died while sending;
 * it may or may not have gone out, so it is marked FAILED (to be retried by hand) rather than sent twice.
 *
 * <p>Without a mail server ({@code spring.mail.host} unset, so no {@link JavaMailSender}) nothing is sent,
 * mails stay PENDING, and a warning is logged once.
 */
@Service
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int ERROR_MAX = 2000;

    private final JdbcTemplate jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotifyProperties properties;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final AtomicBoolean warnedNoServer = new AtomicBoolean();

    public OutboxDispatcher(
            JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender, NotifyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.backoff = RetryBackoff.of(properties);
    }

    /** What one run did. */
    public record Dispatched(int sent, int retryLater, int failed, boolean noMailServer) {}

    /** Sends the mails that are due now, at most {@code batch-size} of them. */
    public Dispatched dispatchDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (warnedNoServer.compareAndSet(false, true)) {
                log.warn("未配置邮件服务器（spring.mail.host），邮件保留在发件箱中待发 / no mail server configured "
                        + "(spring.mail.host): mails stay PENDING in the outbox");
            }
            return new Dispatched(0, 0, 0, true);
        }
        LocalDateTime now = now();
        failInterruptedClaims(now);
        List<Long> due = jdbc.queryForList(
                "SELECT id FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id FETCH FIRST " + Math.max(1, properties.batchSize())
                        + " ROWS ONLY",
                Long.class,
                MailStatus.PENDING.name(),
                Timestamp.valueOf(now));
        int sent = 0;
        int later = 0;
        int failed = 0;
        for (long id : due) {
            if (!claim(id, now)) {
                continue; // another node has it
            }
            OutboxMail mail = jdbc.queryForObject("SELECT * FROM mail_outbox WHERE id = ?", Outbox::map, id);
            try {
                sender.send(message(sender, mail));
            } catch (RuntimeException | MessagingException e) {
                if (attemptFailed(mail, e, now()) == MailStatus.FAILED) {
                    failed++;
                } else {
                    later++;
                }
                continue;
            }
            jdbc.update(
                    "UPDATE mail_outbox SET status = ?, attempts = attempts + 1, sent_at = ?, claimed_at = NULL "
                            + "WHERE id = ? AND status = ?",
                    MailStatus.SENT.name(),
                    Timestamp.valueOf(now()),
                    id,
                    MailStatus.SENDING.name());
            sent++;
        }
        if (sent + later + failed > 0) {
            log.info("Outbox: {} sent, {} to retry later, {} failed", sent, later, failed);
        }
        return new Dispatched(sent, later, failed, false);
    }

    private boolean claim(long id, LocalDateTime now) {
        return jdbc.update(
                        "UPDATE mail_outbox SET status = ?, claimed_at = ? WHERE id = ? AND status = ? "
                                + "AND next_attempt_at <= ?",
                        MailStatus.SENDING.name(),
                        Timestamp.valueOf(now),
                        id,
                        MailStatus.PENDING.name(),
                        Timestamp.valueOf(now))
                == 1;
    }

    private MimeMessage message(JavaMailSender sender, OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper =
                new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        for (String attachment : mail.attachments()) {
            File file = new File(attachment);
            if (!file.isFile()) {
                // counts as a failed attempt, with the reason kept for the administrator
                throw new MessagingException("附件不存在 / attachment missing: " + attachment);
            }
            helper.addAttachment(file.getName(), file);
        }
        message.setHeader("X-Jicha-Mail-Id", Long.toString(mail.id()));
        return message;
    }

    private MailStatus attemptFailed(OutboxMail mail, Exception e, LocalDateTime now) {
        int attempts = mail.attempts() + 1;
        MailStatus next = attempts >= properties.maxAttempts() ? MailStatus.FAILED : MailStatus.PENDING;
        jdbc.update(
                "UPDATE mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claimed_at = NULL "
                        + "WHERE id = ? AND status = ?",
                next.name(),
                attempts,
                Timestamp.valueOf(next == MailStatus.FAILED ? now : now.plus(backoff.after(attempts))),
                truncate(describe(e)),
                mail.id(),
                MailStatus.SENDING.name());
        if (next == MailStatus.FAILED) {
            log.warn("Mail {} to {} failed after {} attempts: {}", mail.id(), mail.recipient(), attempts, describe(e));
        } else {
            log.info(
                    "Mail {} to {} not sent (attempt {}), retrying after {}: {}",
                    mail.id(),
                    mail.recipient(),
                    attempts,
                    backoff.after(attempts),
                    describe(e));
        }
        return next;
    }

    private void failInterruptedClaims(LocalDateTime now) {
        int stale = jdbc.update(
                "UPDATE mail_outbox SET status = ?, last_error = ?, claimed_at = NULL "
                        + "WHERE status = ? AND claimed_at < ?",
                MailStatus.FAILED.name(),
                "发送中断（节点停止），可能已送达，请核实后手工重发 / interrupted while sending (node stopped): it may "
                        + "have been delivered; check and retry by hand",
                MailStatus.SENDING.name(),
                Timestamp.valueOf(now.minus(properties.claimTimeout())));
        if (stale > 0) {
            log.warn("Outbox: {} mails were interrupted while sending and are marked FAILED", stale);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < ERROR_MAX; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String truncate(String s) {
        return s.length() <= ERROR_MAX ? s : s.substring(0, ERROR_MAX);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }
}
