package org.jicha.notify;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.config.HealthLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Component;

/**
 * Health component {@code outbox}: the mails waiting to be sent and those given up (FAILED), with the oldest
 * waiting one. Warns above {@code jicha.health.outbox-max-pending} waiting or {@code outbox-max-failed} failed
 * mails (no SMTP server configured, the server refusing, wrong addresses). Also the gauges {@code
 * jicha.mail.pending} and {@code jicha.mail.failed}, read from the outbox at each scrape.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator, MeterBinder {

    private final JdbcTemplate jdbc;
    private final HealthLimits limits;
    private final ObjectProvider<MailSender> mailServer;

    OutboxHealthIndicator(JdbcTemplate jdbc, HealthLimits limits, ObjectProvider<MailSender> mailServer) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.mailServer = mailServer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jicha.mail.pending", this, o -> o.count(MailStatus.PENDING))
                .description("Mails of the outbox waiting to be sent")
                .register(registry);
        Gauge.builder("jicha.mail.failed", this, o -> o.count(MailStatus.FAILED))
                .description("Mails of the outbox given up after their last attempt")
                .register(registry);
    }

    long count(MailStatus status) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE status = ?", Long.class, status.name());
        return n == null ? 0 : n;
    }

    @Override
    public Health health() {
        long pending = count(MailStatus.PENDING);
        long failed = count(MailStatus.FAILED);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", pending);
        details.put("failed", failed);
        details.put("mailServerConfigured", mailServer.getIfAvailable() != null);
        Timestamp oldest = jdbc.queryForObject(
                "SELECT MIN(created_at) FROM mail_outbox WHERE status = ?", Timestamp.class, MailStatus.PENDING.name());
        if (oldest != null) {
            details.put("oldestPendingSince", oldest.toLocalDateTime().toString());
        }
        if (pending > limits.outboxMaxPending() || failed > limits.outboxMaxFailed()) {
            details.put(
                    "problem",
                    "待发或发送失败的邮件过多，请检查邮件服务器（spring.mail.*）并在 /api/notify/outbox 重发 / too many mails "
                            + "waiting or failed: check the mail server (spring.mail.*), retry through /api/notify/outbox");
            return Health.status(HealthLimits.WARNING).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
