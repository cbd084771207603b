package org.jicha.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail outbox (发件箱): mails are written here in the caller's transaction and sent later by
 * {@link OutboxDispatcher}, so a decision to send a mail and the mail itself commit or roll back together,
 * and a mail server that is down loses nothing.
 */
@Service
class Outbox {

    private static final RowMapper<OutboxMail> ROW = Outbox::map;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final NotifyProperties properties;
    private final AuditTrail trail;

    public Outbox(JdbcTemplate jdbc, Clock clock, NotifyProperties properties, AuditTrail trail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.trail = trail;
    }

    /**
     * Writes a mail to be sent as soon as possible, in the caller's transaction. A mail whose dedup key is
     * already in the outbox (sent or not) is not written again: a job re-run after a crash sends nothing
     * twice. The check is a conditional insert (portable SQL; PostgreSQL's ON CONFLICT is not H2's) rather than a caught key violation, which would abort the
     * caller's transaction on PostgreSQL; the unique key stays the last guard against a concurrent writer.
     *
     * @return true when the mail was written, false when its dedup key was already there
     */
    @Transactional
    public boolean enqueue(NewMail mail) {
        Timestamp now = Timestamp.valueOf(now());
        String attachments = mail.attachments().isEmpty()
                ? null
                : mail.attachments().stream()
                        .map(p -> p.toAbsolutePath().normalize().toString())
                        .collect(Collectors.joining("\n"));
        int written = jdbc.update(
                "INSERT INTO mail_outbox (kind, recipient, subject, body, dedup_key, status, attempts, "
                        + "next_attempt_at, created_at, attachments) SELECT ?, ?, ?, ?, ?, ?, 0, CAST(? AS TIMESTAMP), "
                        + "CAST(? AS TIMESTAMP), ? WHERE NOT EXISTS (SELECT 1 FROM mail_outbox WHERE dedup_key = ?)",
                mail.kind().name(),
                mail.recipient(),
                mail.subject(),
                mail.body(),
                mail.dedupKey(),
                MailStatus.PENDING.name(),
                now,
                now,
                attachments,
                mail.dedupKey());
        return written == 1;
    }

    /** The latest mails, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public List<OutboxMail> latest(MailStatus status, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM mail_outbox");
        if (status != null) {
            sql.append(" WHERE status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ")
                .append(Math.max(1, Math.min(limit, 1000)))
                .append(" ROWS ONLY");
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** @throws MailNotFoundException when there is no such mail */
    @Transactional(readOnly = true)
    public OutboxMail get(long id) {
        return jdbc.query("SELECT * FROM mail_outbox WHERE id = ?", ROW, id).stream()
                .findFirst()
                .orElseThrow(() -> new MailNotFoundException(id));
    }

    /**
     * Sends a FAILED mail again: back to PENDING, due now, with a fresh count of attempts. Recorded in the
     * audit trail.
     *
     * @throws MailNotFoundException when there is no such mail
     * @throws MailNotRetryableException when the mail is not FAILED (naming its status)
     */
    @Transactional
    public OutboxMail retry(Actor by, long id) {
        OutboxMail mail = get(id);
        int changed = jdbc.update(
                "UPDATE mail_outbox SET status = ?, attempts = 0, next_attempt_at = ?, claimed_at = NULL "
                        + "WHERE id = ? AND status = ?",
                MailStatus.PENDING.name(),
                Timestamp.valueOf(now()),
                id,
                MailStatus.FAILED.name());
        if (changed != 1) {
            throw new MailNotRetryableException("只能重发发送失败的邮件，此邮件状态为 " + mail.status()
                    + " / only a FAILED mail can be retried; mail " + id + " is " + mail.status());
        }
        trail.record(by.username(), "MAIL_RETRIED", "mail_outbox:" + id, mail.recipient() + " " + mail.dedupKey());
        return get(id);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(properties.zone()));
    }

    static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(
                rs.getLong("id"),
                MailKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("dedup_key"),
                MailStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                time(rs, "next_attempt_at"),
                rs.getString("last_error"),
                time(rs, "created_at"),
                time(rs, "sent_at"),
                rs.getString("attachments") == null
                        ? List.of()
                        : List.of(rs.getString("attachments").split("\n")));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
