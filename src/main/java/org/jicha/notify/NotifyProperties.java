package org.jicha.notify;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail notices ({@code jicha.notify.*}). The SMTP server itself is Spring's {@code spring.mail.*}; without
 * {@code spring.mail.host} no mail is sent and the outbox keeps them PENDING.
 *
 * @param from                        the sender address of every mail
 * @param baseUrl                     where users open Jicha; ticket links are {@code baseUrl/tickets/{id}}
 * @param zone                        the zone of "today" and of the crons (default Asia/Shanghai)
 * @param dispatchCron                Quartz cron of the outbox dispatcher (default every minute)
 * @param overdueCron                 Quartz cron of the overdue check and escalation (default 07:00)
 * @param digestCron                  Quartz cron of the daily digest per team user (default 07:30)
 * @param escalateToSupervisorAfter   working days overdue after which a ticket goes to the supervisors
 *                                    (level 2: more than this many; default 3)
 * @param dueSoonWorkingDays          the digest lists tickets due within this many working days (default 3)
 * @param maxAttempts                 sending attempts before a mail is FAILED (default 8)
 * @param retryInitialDelay           delay after the first failed attempt; doubled after each (default 1m)
 * @param retryMaxDelay               the longest delay between attempts (default 1h)
 * @param claimTimeout                a mail claimed for sending longer ago than this was interrupted (node
 *                                    crash): it is marked FAILED, not resent, since it may have gone out
 * @param batchSize                   mails sent per dispatcher run at most (default 100)
 */
@ConfigurationProperties("jicha.notify")
public record NotifyProperties(
        @DefaultValue("jicha@localhost") String from,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("0 * * * * ?") String dispatchCron,
        @DefaultValue("0 0 7 * * ?") String overdueCron,
        @DefaultValue("0 30 7 * * ?") String digestCron,
        @DefaultValue("3") int escalateToSupervisorAfter,
        @DefaultValue("3") int dueSoonWorkingDays,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration retryInitialDelay,
        @DefaultValue("1h") Duration retryMaxDelay,
        @DefaultValue("10m") Duration claimTimeout,
        @DefaultValue("100") int batchSize) {

    public NotifyProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("jicha.notify.max-attempts must be at least 1, was " + maxAttempts);
        }
        if (escalateToSupervisorAfter < 0) {
            throw new IllegalArgumentException("jicha.notify.escalate-to-supervisor-after must be >= 0");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The link to a ticket's page. */
    String ticketLink(long ticketId) {
        return baseUrl + "/tickets/" + ticketId;
    }
}
