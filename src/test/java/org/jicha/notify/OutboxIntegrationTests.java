package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.jicha.MutableClock;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against an in-process SMTP server that can be stopped: nothing lost while it is down, nothing
 * sent twice, FAILED after the last attempt, and the outbox API for administrators and auditors only.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:notify-outbox;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "spring.mail.properties.mail.smtp.connectiontimeout=3000",
            "spring.mail.properties.mail.smtp.timeout=3000",
            "jicha.notify.max-attempts=3",
            "jicha.notify.from=jicha@example.com"
        })
@AutoConfigureMockMvc
class OutboxIntegrationTests {

    static final int SMTP = SmtpPort.free();

    @RegisterExtension
    static GreenMailExtension mailServer =
            new GreenMailExtension(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.parse("2026-10-08T00:00:00Z"));
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MutableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM mail_outbox");
        jdbc.update("DELETE FROM app_users WHERE username <> 'admin'");
        clock.setShanghai(LocalDateTime.of(2026, 11, 30, 9, 0));
    }

    @Test
    void aMailIsSentOnceWithItsChineseSubjectAndBody() throws Exception {
        assertThat(outbox.enqueue(mail("K1"))).isTrue();
        assertThat(outbox.enqueue(mail("K1"))).as("same dedup key").isFalse();

        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue().sent()).isZero();

        assertThat(mailServer.getReceivedMessages()).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【测试】督办 / [Test] escalation");
            assertThat(m.getFrom()[0].toString()).isEqualTo("jicha@example.com");
            assertThat(OverdueEscalationIntegrationTests.text(m)).contains("王欣，您好", "Hello");
        });
        assertThat(row("K1")).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 1);
        assertThat(row("K1").get("SENT_AT")).isNotNull();
    }

    @Test
    void aMailEnqueuedInATransactionThatRollsBackIsNeverSent() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    outbox.enqueue(mail("ROLLED-BACK"));
                    throw new IllegalStateException("the caller failed");
                }))
                .hasMessage("the caller failed");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class))
                .isZero();
    }

    @Test
    void whileTheMailServerIsDownTheMailWaitsAndIsDeliveredExactlyOnceWhenItIsBack() {
        mailServer.stop();
        outbox.enqueue(mail("DOWN"));

        OutboxDispatcher.Dispatched down = dispatcher.dispatchDue();

        assertThat(down.retryLater()).isEqualTo(1);
        Map<String, Object> waiting = row("DOWN");
        assertThat(waiting).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
        assertThat(((Timestamp) waiting.get("NEXT_ATTEMPT_AT")).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 1));
        assertThat((String) waiting.get("LAST_ERROR")).isNotBlank();

        mailServer.start();
        assertThat(dispatcher.dispatchDue().sent()).as("not due yet").isZero();
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofSeconds(61));
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();

        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        assertThat(row("DOWN")).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedWithItsErrorAndCanBeRetriedByAnAdministrator() throws Exception {
        mailServer.stop();
        outbox.enqueue(mail("GIVE-UP"));

        dispatcher.dispatchDue();
        clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertThat(row("GIVE-UP")).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 2);
        clock.advance(Duration.ofMinutes(2)); // back-off 1, 2 minutes
        assertThat(dispatcher.dispatchDue().failed()).isEqualTo(1);

        Map<String, Object> failed = row("GIVE-UP");
        assertThat(failed).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", 3);
        assertThat((String) failed.get("LAST_ERROR")).containsIgnoringCase("connect");
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertThat(row("GIVE-UP")).containsEntry("ATTEMPTS", 3);

        mailServer.start();
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser(
                        "auditor1", "password-a", "陈华", Role.AUDITOR, null, "auditor1@example.com", false));
        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser("team1", "password-t", "王欣", Role.TEAM, "ST1", null, true));
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser("sup1", "password-s", "闫海玉", Role.SUPERVISOR, null, null, false));
        long id = ((Number) failed.get("ID")).longValue();

        mvc.perform(get("/api/notify/outbox").param("status", "FAILED").with(httpBasic("auditor1", "password-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].status").value("FAILED"));
        mvc.perform(get("/api/notify/outbox").with(httpBasic("team1", "password-t")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/notify/outbox").with(httpBasic("sup1", "password-s")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notify/outbox/{id}/retry", id).with(httpBasic("team1", "password-t")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notify/outbox/{id}/retry", 999_999).with(httpBasic("auditor1", "password-a")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notify/outbox/{id}/retry", id).with(httpBasic("auditor1", "password-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));

        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(1);
        assertThat(mailServer.getReceivedMessages()).hasSize(1);
        mvc.perform(post("/api/notify/outbox/{id}/retry", id).with(httpBasic("auditor1", "password-a")))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForList("SELECT actor FROM audit_trail WHERE action = 'MAIL_RETRIED'", String.class))
                .containsExactly("auditor1");
    }

    @Test
    void aMailClaimedByAnotherNodeIsNotSentHereAndAnInterruptedClaimIsFailedNotResent() {
        outbox.enqueue(mail("OTHER-NODE"));
        outbox.enqueue(mail("CRASHED"));
        jdbc.update(
                "UPDATE mail_outbox SET status = 'SENDING', claimed_at = ? WHERE dedup_key = 'OTHER-NODE'",
                Timestamp.valueOf(LocalDateTime.of(2026, 11, 30, 8, 59)));
        jdbc.update(
                "UPDATE mail_outbox SET status = 'SENDING', claimed_at = ? WHERE dedup_key = 'CRASHED'",
                Timestamp.valueOf(LocalDateTime.of(2026, 11, 30, 8, 30)));

        dispatcher.dispatchDue();

        assertThat(mailServer.getReceivedMessages()).isEmpty();
        assertThat(row("OTHER-NODE")).containsEntry("STATUS", "SENDING");
        assertThat(row("CRASHED")).containsEntry("STATUS", "FAILED");
        assertThat((String) row("CRASHED").get("LAST_ERROR")).contains("may have been delivered");
    }

    private Map<String, Object> row(String key) {
        return jdbc.queryForMap("SELECT * FROM mail_outbox WHERE dedup_key = ?", key);
    }

    private static NewMail mail(String key) {
        return new NewMail(
                MailKind.ESCALATION_L1,
                "leader1@example.com",
                "【测试】督办 / [Test] escalation",
                "王欣，您好：\n请尽快整改。\n\nHello, please rectify.\n",
                key);
    }
}
