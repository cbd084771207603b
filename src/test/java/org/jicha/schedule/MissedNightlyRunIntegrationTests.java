package org.jicha.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.jicha.Deadline;
import org.jicha.JichaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A server stopped over the nightly fire time runs the missed audit exactly once when it starts again:
 * server A stores the trigger in an H2 file database and stops; the trigger's next fire time is moved into
 * the past (as if 02:00 passed while it was down); server B starts on the same file.
 */
class MissedNightlyRunIntegrationTests {

    @TempDir
    Path work;

    @Test
    void aNightlyFiringMissedWhileTheServerWasDownRunsOnceAtStart() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/jicha").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext a = server(url)) {
            assertThat(a.getBean(JdbcTemplate.class)
                            .queryForObject(
                                    "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE " + "TRIGGER_NAME = 'nightly-audit'",
                                    Long.class))
                    .isEqualTo(1L);
        }

        // Quartz fires on the wall clock, not on the product's Clock
        long twoHoursAgo = System.currentTimeMillis() - Duration.ofHours(2).toMillis();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement missed = c.prepareStatement("UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? "
                        + "WHERE TRIGGER_NAME = 'nightly-audit' AND TRIGGER_GROUP = 'jicha'")) {
            missed.setLong(1, twoHoursAgo);
            assertThat(missed.executeUpdate()).isEqualTo(1);
        }

        try (ConfigurableApplicationContext b = server(url)) {
            JdbcTemplate jdbc = b.getBean(JdbcTemplate.class);
            Deadline deadline = Deadline.in(Duration.ofSeconds(60));
            while (finishedRuns(jdbc).isEmpty() && deadline.pending()) {
                Thread.sleep(200);
            }
            Thread.sleep(3000); // a second firing, if any, would show by now
            assertThat(finishedRuns(jdbc)).containsExactly("NIGHTLY COMPLETED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs", Long.class))
                    .isEqualTo(1L);
            Long next = jdbc.queryForObject(
                    "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = " + "'nightly-audit'", Long.class);
            assertThat(next).as("the trigger proceeds to its next 02:00").isGreaterThan(System.currentTimeMillis());
        }
    }

    private static List<String> finishedRuns(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "SELECT trigger_kind || ' ' || status FROM audit_runs WHERE status <> 'RUNNING'", String.class);
    }

    private ConfigurableApplicationContext server(String url) {
        // as arguments: they outrank application.yml (builder "properties" are only defaults)
        return new SpringApplicationBuilder(JichaApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
                        "--spring.jmx.enabled=false",
                        "--jicha.ingest.inbox=" + work.resolve("inbox"),
                        "--jicha.ingest.archive=" + work.resolve("archive"),
                        "--jicha.ingest.failed=" + work.resolve("archive/_failed"));
    }
}
