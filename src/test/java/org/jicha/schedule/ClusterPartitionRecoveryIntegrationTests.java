package org.jicha.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jicha.Deadline;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two packaged servers (profiles postgres,cluster) share one PostgreSQL schema and its Quartz tables. A generated
 * batch is loaded, a run is started in 8 partitions (+1 for the applications without a customer), and node B is
 * SIGKILLed while it runs a partition. Quartz's cluster recovery fires the killed node's partitions on node A,
 * which resume after their last committed batch: the run completes with every finding and every ticket exactly
 * once, and finds what an ordinary run over the same data finds (and every planted deviation).
 * Needs {@code target/jicha.jar} and the local PostgreSQL (127.0.0.1:5432, database {@code test}, trust).
 */
class ClusterPartitionRecoveryIntegrationTests {

    private static final Path JAR = Path.of("target/jicha.jar");
    private static final String SCHEMA = "jicha_cluster_it";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PASSWORD = "cluster-it-secret";
    private static final Duration WAIT =
            Duration.ofSeconds(900); // a loaded 2-core box (load average 40 seen) starts a server very slowly
    private static final int CUSTOMERS = 2_000;
    private static final int PARTITIONS = 8;

    @TempDir
    Path work;

    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process node : nodes.values()) {
            if (node.isAlive()) {
                node.destroyForcibly();
                node.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aNodeKilledMidRunHasItsPartitionsRecoveredByTheOtherWithEveryFindingAndTicketOnce() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "target/jicha.jar is missing: the cluster test needs `mvn package` first");
        assumeTrue(postgresUp(), "no PostgreSQL on 127.0.0.1:5432 (database test, user postgres)");
        try (Connection c = DriverManager.getConnection(URL, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        Path batch = work.resolve("batch");
        GeneratorOptions options = new GeneratorOptions(
                CUSTOMERS, 13, 7, batch, null, 0.01, 0, Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);

        long t0 = System.nanoTime();
        int portA = freePort();
        start("node-a", portA);
        awaitStarted("node-a");
        start("node-b", freePort());
        log("node A up", t0);
        HttpResponse<String> load = http.send(upload(portA, zip(batch)), HttpResponse.BodyHandlers.ofString());
        assertThat(load.statusCode()).as(load.body()).isEqualTo(201);
        log("batch loaded", t0);
        awaitStarted("node-b");
        log("node B up", t0);

        HttpResponse<String> started = http.send(
                post(portA, "/api/runs?asOf=" + options.asOf() + "&partitions=" + PARTITIONS),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = firstId(started.body());

        List<Map<String, Object>> onB = await(
                "SELECT part_no FROM audit_run_partitions WHERE run_id = " + runId
                        + " AND node = 'node-b' AND status = 'RUNNING' AND last_key_done IS NOT NULL",
                rows -> !rows.isEmpty());
        log("node B has committed a batch of a partition", t0);
        Set<Integer> killed = await(
                        "SELECT part_no FROM audit_run_partitions WHERE run_id = " + runId
                                + " AND node = 'node-b' AND status = 'RUNNING'",
                        rows -> true)
                .stream()
                .map(r -> ((Number) r.get("part_no")).intValue())
                .collect(Collectors.toSet());
        nodes.get("node-b").destroyForcibly();
        assertThat(nodes.get("node-b").waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        log("node B killed while running partitions " + killed + " (" + onB.size() + " with a committed batch)", t0);

        Map<String, Object> run = await(
                        "SELECT * FROM audit_runs WHERE id = " + runId + " AND status <> 'RUNNING'",
                        rows -> !rows.isEmpty())
                .get(0);
        log("run ended " + Duration.ofNanos(System.nanoTime() - killedAt).toSeconds() + " s after the kill", t0);

        JdbcTemplate jdbc = jdbc();
        try {
            assertThat(run.get("status")).as(String.valueOf(run.get("message"))).isEqualTo("COMPLETED");
            List<Map<String, Object>> partitions =
                    jdbc.queryForList("SELECT * FROM audit_run_partitions WHERE run_id = ? ORDER BY part_no", runId);
            assertThat(partitions)
                    .hasSize(PARTITIONS + 1)
                    .allSatisfy(p -> assertThat(p.get("status")).isEqualTo("DONE"));
            assertThat(partitions)
                    .filteredOn(p -> killed.contains(((Number) p.get("part_no")).intValue()))
                    .isNotEmpty()
                    .allSatisfy(p -> {
                        assertThat(((Number) p.get("attempts")).intValue()).isGreaterThanOrEqualTo(2);
                        assertThat(p.get("node")).isEqualTo("node-a");
                    });
            assertThat(((Number) run.get("subjects_done")).longValue())
                    .isEqualTo(((Number) run.get("subjects_total")).longValue());

            List<String> found =
                    jdbc.queryForList("SELECT fingerprint FROM findings WHERE run_id = ?", String.class, runId);
            assertThat(found).as("every finding once").doesNotHaveDuplicates();
            assertThat(((Number) run.get("findings_count")).longValue()).isEqualTo(found.size());
            List<String> tickets = jdbc.queryForList("SELECT fingerprint FROM inspection_tickets", String.class);
            assertThat(tickets).as("one ticket per fingerprint").doesNotHaveDuplicates();
            assertThat(new HashSet<>(tickets)).isEqualTo(new HashSet<>(found));

            Set<String> keys = new HashSet<>(jdbc.queryForList(
                    "SELECT rule_code || ',' || subject_type || ',' || subject_id " + "FROM findings WHERE run_id = ?",
                    String.class,
                    runId));
            Set<String> planted =
                    Files.readAllLines(batch.resolve("expected/planted.csv"), StandardCharsets.UTF_8).stream()
                            .skip(1)
                            .collect(Collectors.toSet());
            assertThat(keys).as("every planted deviation is found").containsAll(planted);

            // the oracle: an ordinary run on node A over the same data finds the same
            HttpResponse<String> ordinary =
                    http.send(post(portA, "/api/runs?asOf=" + options.asOf()), HttpResponse.BodyHandlers.ofString());
            assertThat(ordinary.statusCode()).as(ordinary.body()).isEqualTo(202);
            long ordinaryId = firstId(ordinary.body());
            await(
                    "SELECT id FROM audit_runs WHERE id = " + ordinaryId + " AND status = 'COMPLETED'",
                    rows -> !rows.isEmpty());
            assertThat(new HashSet<>(found))
                    .isEqualTo(new HashSet<>(jdbc.queryForList(
                            "SELECT fingerprint FROM findings WHERE run_id = ?", String.class, ordinaryId)));
            log("checked; " + found.size() + " findings", t0);
        } finally {
            ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
        }
    }

    private void start(String name, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--spring.profiles.active=postgres,cluster",
                "--spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA + "&reWriteBatchedInserts=true",
                "--spring.datasource.username=postgres",
                "--spring.flyway.schemas=" + SCHEMA,
                "--server.port=" + port,
                "--spring.jmx.enabled=false",
                "--jicha.schedule.instance-id=" + name,
                "--jicha.schedule.nightly-cron=0 0 0 1 1 ? 2099",
                "--jicha.security.initial-admin-password=" + PASSWORD,
                "--jicha.rules.dir=" + Path.of("rules").toAbsolutePath(),
                "--jicha.rules.watch=false",
                "--jicha.ingest.inbox=" + work.resolve(name + "/inbox"),
                "--jicha.ingest.archive=" + work.resolve(name + "/archive"),
                "--jicha.ingest.failed=" + work.resolve(name + "/archive/_failed"),
                "--jicha.reports.archive-dir=" + work.resolve(name + "/reports"),
                "--jicha.tickets.evidence.dir=" + work.resolve(name + "/evidence"),
                "--jicha.audit.batch-size=25",
                "--jicha.audit.batch-pause=700ms"));
        nodes.put(
                name,
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve(name + ".log").toFile())
                        .start());
    }

    private void awaitStarted(String name) throws Exception {
        Deadline deadline = Deadline.in(WAIT);
        while (deadline.pending()) {
            if (!nodes.get(name).isAlive()) {
                throw new AssertionError(name + " exited:\n" + tail(name));
            }
            Path log = work.resolve(name + ".log");
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.UTF_8).contains("Started JichaApplication")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not start within " + WAIT + ":\n" + tail(name));
    }

    /** Polls the shared database until the rows satisfy the condition; node A must stay up meanwhile. */
    private List<Map<String, Object>> await(String sql, Predicate<List<Map<String, Object>>> done) throws Exception {
        Deadline deadline = Deadline.in(WAIT);
        while (deadline.pending()) {
            if (!nodes.get("node-a").isAlive()) {
                throw new AssertionError("node-a exited:\n" + tail("node-a"));
            }
            JdbcTemplate jdbc = jdbc();
            try {
                List<Map<String, Object>> rows = jdbc.queryForList(sql);
                if (done.test(rows)) {
                    return rows;
                }
            } finally {
                ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "waited " + WAIT + " for: " + sql + "\n" + tail("node-a") + "\n--- node-b\n" + tail("node-b"));
    }

    private static JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(URL + "?currentSchema=" + SCHEMA, "postgres", "", true));
    }

    private static boolean postgresUp() {
        try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long firstId(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest post(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static HttpRequest upload(int port, byte[] zip) {
        String boundary = "----jicha-cluster-it";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.zip\"\r\n"
                                + "Content-Type: application/zip\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/loads"))
                .header("Authorization", basic())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
    }

    /** The batch's CSV files (not its expected/ folder) as a zip. */
    private static byte[] zip(Path batch) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.list(batch)) {
            for (Path csv :
                    files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(csv.getFileName().toString()));
                Files.copy(csv, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void log(String what, long t0) {
        System.out.println(
                "[cluster-it +" + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s] " + what);
    }

    private String tail(String name) {
        try {
            List<String> lines = Files.readAllLines(work.resolve(name + ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
