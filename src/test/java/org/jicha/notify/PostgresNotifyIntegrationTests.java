package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * V8 and the notice SQL (conditional insert, claims, escalation updates, IN lists) on the local PostgreSQL
 * (127.0.0.1:5432, database {@code test}), in a schema of its own made anew for each run.
 */
@ActiveProfiles("postgres")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresNotifyIntegrationTests.SCHEMA,
            "spring.datasource.username=postgres",
            "spring.flyway.schemas=" + PostgresNotifyIntegrationTests.SCHEMA,
            "spring.quartz.auto-startup=false"
        })
class PostgresNotifyIntegrationTests {

    static final String SCHEMA = "jicha_notify_it";
    static final int SMTP = SmtpPort.free();

    @RegisterExtension
    static GreenMailExtension mailServer =
            new GreenMailExtension(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
    }

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    OverdueEscalation escalation;

    @Autowired
    TeamDigest digest;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxDispatcher dispatcher;

    @Test
    void escalationDigestAndTheOutboxWorkOnPostgres() {
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), ('ST1', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST1-R', '城关抄表班', 'ST1', 'TEAM', 'READING')");
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser(
                        "leader1", "password-l", "王欣", Role.TEAM, "ST1-R", "leader1@example.com", true));
        accounts.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser(
                        "sup1", "password-s", "闫海玉", Role.SUPERVISOR, "CO", "sup1@example.com", false));
        jdbc.update(
                "INSERT INTO inspection_tickets (fingerprint, rule_code, theme, severity, title, subject_type, "
                        + "subject_id, station_code, team_kind, team_unit_code, message, status, opened_at, due_on, "
                        + "first_run_id, last_seen_run_id) VALUES ('fp1', 'BIL-01', 'BIL', 'MAJOR', '抄表数据异常', 'METER', "
                        + "'M1', 'ST1', 'READING', 'ST1-R', '测试', 'DISPATCHED', ?, ?, 1, 1)",
                LocalDateTime.of(2026, 9, 1, 8, 0),
                Date.valueOf("2026-11-02"));

        LocalDate today = LocalDate.of(2026, 11, 30);
        assertThat(escalation.run(today).mailsWritten()).isEqualTo(2);
        assertThat(escalation.run(today).mailsWritten()).isZero();
        assertThat(digest.run(today)).isEqualTo(1);
        assertThat(digest.run(today)).isZero();
        assertThat(outbox.enqueue(new NewMail(MailKind.DIGEST, "x@example.com", "s", "b", "DIGEST:leader1:" + today)))
                .isFalse();

        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(3);
        assertThat(mailServer.getReceivedMessages()).hasSize(3);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM mail_outbox", String.class))
                .containsExactly("SENT");
        assertThat(jdbc.queryForObject("SELECT escalation_level FROM inspection_tickets", Integer.class))
                .isEqualTo(2);
    }
}
