package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.jicha.reports.FeedbackReportArchived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The monthly feedback report reaches its team by mail, files attached, once, and no other station. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:notify-feedback;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false"
        })
class FeedbackReportMailIntegrationTests {

    static final int SMTP = SmtpPort.free();

    @RegisterExtension
    static GreenMailExtension mailServer =
            new GreenMailExtension(new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP);
    }

    @TempDir
    Path archive;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void organisation() {
        jdbc.update("DELETE FROM mail_outbox");
        jdbc.update("DELETE FROM app_users WHERE username <> 'admin'");
        jdbc.update("DELETE FROM units");
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('QC', '青川县供电公司', NULL, 'COUNTY', NULL), ('QC01', '城关供电所', 'QC', 'STATION', NULL), "
                + "('QC01RE', '城关抄表班', 'QC01', 'TEAM', 'READING'), ('QC02', '河口供电所', 'QC', 'STATION', NULL), "
                + "('QC02RE', '河口抄表班', 'QC02', 'TEAM', 'READING')");
        user("qc01re", "QC01RE", "wx@example.cn");
        user("qc01", "QC01", "md@example.cn");
        user("qc01nomail", "QC01RE", null);
        user("qc02re", "QC02RE", "mt@example.cn");
    }

    private void user(String name, String unit, String email) {
        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser(name, "password-123", name, Role.TEAM, unit, email, false));
    }

    @Test
    void theTeamAndItsStationManagerReceiveTheReportWithBothFilesOnce() throws Exception {
        Path xlsx = Files.write(archive.resolve("信息反馈-2026-10-QC01RE.xlsx"), new byte[] {'P', 'K', 3, 4});
        Path pdf = Files.write(archive.resolve("信息反馈-2026-10-QC01RE.pdf"), "%PDF-1.7".getBytes());
        FeedbackReportArchived event = new FeedbackReportArchived("2026-10", "QC01RE", List.of(xlsx, pdf));

        events.publishEvent(event);
        events.publishEvent(event);
        assertThat(dispatcher.dispatchDue().sent()).isEqualTo(2);

        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received)
                .extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrder("wx@example.cn", "md@example.cn");
        for (MimeMessage m : received) {
            assertThat(m.getSubject()).startsWith("【稽查信息反馈】2026-10 QC01RE");
            assertThat(attachmentNames(m))
                    .containsExactlyInAnyOrder("信息反馈-2026-10-QC01RE.xlsx", "信息反馈-2026-10-QC01RE.pdf");
            assertThat(GreenMailUtil.getBody(m)).isNotBlank();
        }
    }

    @Test
    void aReportWhoseFileVanishedIsNotSentButKeptWithTheReason() throws Exception {
        Path gone = archive.resolve("gone.pdf");
        events.publishEvent(new FeedbackReportArchived("2026-10", "QC02RE", List.of(gone)));

        assertThat(dispatcher.dispatchDue().sent()).isZero();
        assertThat(mailServer.getReceivedMessages()).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT last_error FROM mail_outbox WHERE recipient = 'mt@example.cn'", String.class))
                .contains("attachment missing", "gone.pdf");
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart multipart = (Multipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(MimeUtility.decodeText(part.getFileName()));
            }
        }
        return names;
    }
}
