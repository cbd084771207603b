package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/** Without a mail server nothing is touched: mails stay PENDING, and the warning comes once. */
@ExtendWith(OutputCaptureExtension.class)
class OutboxDispatcherTests {

    @Test
    void withoutAMailServerNothingIsSentAndTheWarningIsLoggedOnce(CapturedOutput output) {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        OutboxDispatcher dispatcher = new OutboxDispatcher(
                jdbc,
                new DefaultListableBeanFactory().getBeanProvider(JavaMailSender.class),
                properties(),
                Clock.systemUTC());

        assertThat(dispatcher.dispatchDue().noMailServer()).isTrue();
        assertThat(dispatcher.dispatchDue().noMailServer()).isTrue();

        verifyNoInteractions(jdbc);
        assertThat(output.getAll().split("no mail server configured", -1)).hasSize(2);
    }

    static NotifyProperties properties() {
        return new NotifyProperties(
                "jicha@example.com",
                "http://jicha.example.com/",
                ZoneId.of("Asia/Shanghai"),
                "0 * * * * ?",
                "0 0 7 * * ?",
                "0 30 7 * * ?",
                3,
                3,
                8,
                Duration.ofMinutes(1),
                Duration.ofHours(1),
                Duration.ofMinutes(10),
                100);
    }
}
