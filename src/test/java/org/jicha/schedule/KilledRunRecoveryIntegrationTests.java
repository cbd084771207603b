package org.jicha.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jicha.Deadline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A run killed mid-way (SIGKILL of the packaged server) completes after restart, by Quartz recovery, with
 * every ticket exactly once. The server runs as a child process on an H2 file database opened with
 * AUTO_SERVER, so this test reads the same database while the child runs; the nightly cron fires within
 * seconds of the first start, and one customer batch of ten with a pause between batches keeps the run slow
 * enough to be killed half-way.
 */
class KilledRunRecoveryIntegrationTests {

    private static final Path JAR = Path.of("target/jicha.jar");
    private static final Duration WAIT = Duration.ofSeconds(240); // generous: a loaded CI box compiles the rules slowly

    @TempDir
    Path work;

    private Process child;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRunKilledMidwayIsReRunAfterRestartWithEveryTicketOnce() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "target/jicha.jar is missing: the kill test needs `mvn package` first");
        Path inbox = Files.createDirectories(work.resolve("inbox/sample"));
        try (Stream<Path> files = Files.list(Path.of("sample-data"))) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(csv, inbox.resolve(csv.getFileName()));
            }
        }
        String url = "jdbc:h2:file:" + work.resolve("db/jicha").toAbsolutePath() + ";AUTO_SERVER=TRUE";

        child = start(url, "0/5 * * * * ?", "first");
        awaitStarted("first");
        Map<String, Object> crashed = await(
                        url,
                        "SELECT id, as_of FROM audit_runs WHERE status = 'RUNNING' " + "AND subjects_done > 0",
                        rows -> !rows.isEmpty(),
                        "first")
                .get(0);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long crashedId = ((Number) crashed.get("ID")).longValue();

        // restarted with a cron that does not fire: whatever runs now is Quartz's recovery of the killed job
        child = start(url, "0 0 0 1 1 ? 2099", "second");
        awaitStarted("second");
        Map<String, Object> recovered = await(
                        url,
                        "SELECT * FROM audit_runs WHERE recovers_run_id = " + crashedId + " AND status <> 'RUNNING'",
                        rows -> !rows.isEmpty(),
                        "second")
                .get(0);
        long recoveredId = ((Number) recovered.get("ID")).longValue();

        JdbcTemplate jdbc = jdbc(url);
        try {
            assertThat(recovered.get("STATUS")).isEqualTo("COMPLETED");
            assertThat(recovered.get("TRIGGER_KIND")).isEqualTo("NIGHTLY");
            assertThat(recovered.get("AS_OF")).isEqualTo(crashed.get("AS_OF"));
            assertThat(jdbc.queryForMap("SELECT status, message FROM audit_runs WHERE id = ?", crashedId))
                    .containsEntry("STATUS", "FAILED")
                    .containsEntry(
                            "MESSAGE", "中断后已由运行 " + recoveredId + " 重新执行 / interrupted; re-run as run " + recoveredId);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs", Long.class))
                    .isEqualTo(2L);

            List<String> tickets = jdbc.queryForList("SELECT fingerprint FROM inspection_tickets", String.class);
            assertThat(tickets).doesNotHaveDuplicates().isNotEmpty();
            Set<String> uninterrupted = new HashSet<>(
                    jdbc.queryForList("SELECT fingerprint FROM findings WHERE run_id = ?", String.class, recoveredId));
            assertThat(new HashSet<>(tickets))
                    .as("the tickets are those of one whole run")
                    .isEqualTo(uninterrupted);
            assertThat(uninterrupted)
                    .containsAll(jdbc.queryForList(
                            "SELECT fingerprint FROM findings WHERE run_id = ?", String.class, crashedId));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings WHERE run_id = ?", Long.class, crashedId))
                    .as("the killed run was part-way")
                    .isLessThan((long) uninterrupted.size());
        } finally {
            ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
        }
    }

    private Process start(String url, String nightlyCron, String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--spring.datasource.url=" + url,
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--jicha.data-dir=" + work.resolve("db"),
                "--jicha.rules.dir=" + Path.of("rules").toAbsolutePath(),
                "--jicha.ingest.inbox=" + work.resolve("inbox"),
                "--jicha.ingest.archive=" + work.resolve("archive"),
                "--jicha.ingest.failed=" + work.resolve("archive/_failed"),
                "--jicha.audit.batch-size=10",
                "--jicha.audit.batch-pause=250ms",
                // the nightly cron fires on the wall clock's date, whatever month the sample holds: the data-arrival
                // check (SafeRunIntegrationTests) would hold the run this test needs to kill
                "--jicha.audit.arrival.min-reading-share=0",
                "--jicha.audit.arrival.min-bill-share=0",
                "--jicha.schedule.nightly-cron=" + nightlyCron));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile())
                .start();
    }

    /**
     * Waits for the child's "Started" line: only then does this test open the database, as a client of the
     * child's H2 server (were it first, it would hold the database itself).
     */
    private void awaitStarted(String name) throws Exception {
        Deadline deadline = Deadline.in(WAIT);
        while (deadline.pending()) {
            if (!child.isAlive()) {
                throw new AssertionError("the " + name + " server exited:\n" + tail(name));
            }
            Path log = work.resolve(name + ".log");
            if (Files.exists(log)
                    && new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                            .contains("Started JichaApplication")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the " + name + " server did not start within " + WAIT + ":\n" + tail(name));
    }

    /** Polls the child's database (a fresh connection each time) until the rows satisfy the condition. */
    private List<Map<String, Object>> await(
            String url, String sql, Predicate<List<Map<String, Object>>> done, String childName) throws Exception {
        Deadline deadline = Deadline.in(WAIT);
        while (deadline.pending()) {
            if (!child.isAlive()) {
                throw new AssertionError("the " + childName + " server exited:\n" + tail(childName));
            }
            List<Map<String, Object>> rows = query(url, sql);
            if (rows != null && done.test(rows)) {
                return rows;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + WAIT + " for: " + sql + "\n" + tail(childName));
    }

    private static List<Map<String, Object>> query(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "")) {
            return new JdbcTemplate(new SingleConnectionDataSource(c, true)).queryForList(sql);
        } catch (SQLException | DataAccessException e) {
            return null; // not up yet, or the schema is still being made
        }
    }

    private static JdbcTemplate jdbc(String url) {
        SingleConnectionDataSource ds = new SingleConnectionDataSource(url + ";IFEXISTS=TRUE", "sa", "", true);
        return new JdbcTemplate(ds);
    }

    private String tail(String name) {
        try {
            List<String> lines = new String(Files.readAllBytes(work.resolve(name + ".log")), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
