package org.jicha.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jicha.Deadline;
import org.jicha.audit.SampleBatchExpectations;
import org.jicha.rules.RuleSetLoader;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it: exit codes, the findings CSV, the summary; in process, and as the packaged jar in
 * a child JVM with a small heap (a generated batch, the throw-away file database, Ctrl-C).
 */
class CommandLineIntegrationTests {

    private static final Path JAR = Path.of("target/jicha.jar");
    private static final Duration WAIT = Duration.ofMinutes(4); // generous: a loaded CI box
    private static final Pattern TEMPORARY_DATABASE =
            Pattern.compile("Temporary database: (\\S+) \\(deleted at exit\\)");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Process child;

    private int run(String... args) {
        return JichaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @AfterEach
    void stopChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void auditOverTheSampleBatchWritesEveryPlantedFindingAndExitsZero() throws Exception {
        Path csv = tmp.resolve("findings.csv");
        Path rejects = tmp.resolve("rejects.csv");

        int code = run(
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                csv.toString(),
                "--rejects-csv",
                rejects.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0))
                .isEqualTo("rule_code,theme,severity,subject_type,subject_id,customer_no,period,message");
        Set<String> found = lines.stream()
                .skip(1)
                .map(l -> l.split(",", 6))
                .map(c -> c[0] + "," + c[3] + "," + c[4])
                .collect(Collectors.toSet());
        Set<String> expected = SampleBatchExpectations.expectedFor(
                new RuleSetLoader().load(Path.of("rules")).rules());
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out.toString())
                .contains("Findings: " + (lines.size() - 1))
                .contains("BIL-01")
                .contains("Rows rejected: 0");
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8))
                .containsExactly("file,line,column,value,reason");
        // progress on standard error: not a terminal here, so plain lines, each file's rows and the subjects audited
        assertThat(err.toString())
                .doesNotContain("\r")
                .containsPattern("(?m)^装载 Loading customers\\.csv: [\\d,]+ 行 rows(, [\\d,]+/s)?, 用时 took \\d+:\\d\\d$")
                .containsPattern("(?m)^装载 Loading readings\\.csv: [\\d,]+ 行 rows")
                .containsPattern(
                        "(?m)^稽查 Auditing: ([\\d,]+) / \\1 检查对象 subjects(, [\\d,]+/s)?, 100%, 用时 took \\d+:\\d\\d$");
    }

    @Test
    void aSecondIdenticalRunGivesAnIdenticalFile() throws Exception {
        Path first = tmp.resolve("a.csv");
        Path second = tmp.resolve("b.csv");
        assertThat(run("audit", "--data", "sample-data", "--as-of", "2026-11-05", "--findings-csv", first.toString()))
                .isZero();
        assertThat(err.toString()).contains("稽查 Auditing");
        err.getBuffer().setLength(0);
        assertThat(run(
                        "audit",
                        "--data",
                        "sample-data",
                        "--as-of",
                        "2026-11-05",
                        "--findings-csv",
                        second.toString(),
                        "--quiet"))
                .isZero();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(err.toString()).as("--quiet: no progress").isEmpty();
    }

    /**
     * Issue 11, seen 8: with an in-memory database a county's batch did not fit in the heap. A generated batch of
     * 20,000 customers x 14 months (about 600,000 rows) is audited by the packaged jar under -Xmx256m: it loads into
     * an H2 file in a temporary folder (seen on disk while the child runs, far bigger than a few pages), which is gone
     * after the exit, and the findings of the planted rules are exactly the planted deviations.
     */
    @Test
    void aGeneratedBatchUnderASmallHeapIsAuditedOnATemporaryFileDatabaseThatIsGoneAfterwards() throws Exception {
        assumeTrue(
                Files.isRegularFile(JAR), "target/jicha.jar is missing: this test runs the packaged jar (mvn package)");
        Path batch = tmp.resolve("batch");
        GeneratorOptions options = new GeneratorOptions(
                20_000, 14, 11, batch, null, 0.01, 0, Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Path csv = tmp.resolve("findings.csv");

        child = startJar(
                scratch,
                "-Xmx256m",
                "audit",
                "--data",
                batch.toString(),
                "--as-of",
                options.asOf().toString(),
                "--findings-csv",
                csv.toString());
        Path database = awaitTemporaryDatabase(scratch);
        assertThat(Files.getPosixFilePermissions(database))
                .as("customer data: readable by the user only")
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
        long largest = 0;
        while (child.isAlive()) {
            largest = Math.max(largest, sizeOf(database.resolve(ScratchDatabase.NAME + ".mv.db")));
            Thread.sleep(200);
        }

        assertThat(child.exitValue()).as(this::childLog).isZero();
        assertThat(largest).as("the batch went into the database file").isGreaterThan(50L << 20);
        assertThat(database).doesNotExist();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("nothing is left in the temporary folder").isEmpty();
        }
        Set<String> planted = Files.readAllLines(batch.resolve("expected/planted.csv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .collect(Collectors.toSet());
        Set<String> plantedRules =
                planted.stream().map(p -> p.substring(0, p.indexOf(','))).collect(Collectors.toSet());
        Set<String> found = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(l -> l.split(",", 6))
                .map(c -> c[0] + "," + c[3] + "," + c[4])
                .collect(Collectors.toSet());
        assertThat(planted).hasSize(200);
        assertThat(found.stream()
                        .filter(f -> plantedRules.contains(f.substring(0, f.indexOf(','))))
                        .collect(Collectors.toSet()))
                .as("the planted rules find exactly what was planted")
                .containsExactlyInAnyOrderElementsOf(planted);
        assertThat(childLog()).contains("Rows rejected: 0").contains("Findings: " + found.size());
    }

    /** Ctrl-C (SIGINT) or kill (SIGTERM) while the database is open: the shutdown hook closes it and deletes it. */
    @Test
    void stoppingTheCommandWhileItRunsDeletesTheTemporaryDatabase() throws Exception {
        assumeTrue(
                Files.isRegularFile(JAR), "target/jicha.jar is missing: this test runs the packaged jar (mvn package)");
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));

        child = startJar(
                scratch,
                "-Xmx256m",
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                tmp.resolve("findings.csv").toString());
        Path database = awaitTemporaryDatabase(scratch);
        Deadline deadline = Deadline.in(WAIT);
        while (!Files.exists(database.resolve(ScratchDatabase.NAME + ".mv.db"))
                && child.isAlive()
                && deadline.pending()) {
            Thread.sleep(50);
        }
        assertThat(child.isAlive())
                .as(() -> "the command was still running when its database appeared\n" + childLog())
                .isTrue();
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C

        assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isNotZero();
        assertThat(database).as(this::childLog).doesNotExist();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    /**
     * Issue 11, item 8: a rule that throws on one customer does not stop the audit. Every other finding is written,
     * the command names the rule, its file and the customer on standard error and exits 3, not 0 (a script must
     * notice) and not 1 (the findings are there).
     */
    @Test
    void aRuleThatThrowsOnOneCustomerIsNamedAndTheOtherFindingsAreWrittenWithExitThree() throws Exception {
        Path rules = tmp.resolve("rules");
        copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("bil/zz-throws.drl"), """
                package jicha.test;

                import org.jicha.facts.CustomerFact;

                global org.jicha.facts.AuditContext ctx;
                global org.jicha.rules.RuleParameters params;
                global org.jicha.rules.FindingCollector findings;

                function int oneIn(String customerNo) {
                    return 1 / (customerNo.equals("3101000002") ? 0 : 1);
                }

                rule "BIL-98 测试：对一户出错"
                    @code("BIL-98") @theme("BIL") @title("测试：对一户出错") @titleEn("Test: throws on one customer")
                    @severity("MINOR") @teamKind("BILLING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( oneIn(customerNo) > 1 )
                then
                    findings.raise(drools, $c, "never");
                end
                """, StandardCharsets.UTF_8);
        Path csv = tmp.resolve("findings.csv");

        int code = run(
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                csv.toString(),
                "--rules",
                rules.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isEqualTo(3);
        assertThat(err.toString())
                .contains("BIL-98")
                .contains("bil/zz-throws.drl")
                .contains("3101000002")
                .contains("/ by zero");
        Set<String> found = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .skip(1)
                .map(l -> l.split(",", 6))
                .map(c -> c[0] + "," + c[3] + "," + c[4])
                .collect(Collectors.toSet());
        assertThat(found)
                .containsExactlyInAnyOrderElementsOf(SampleBatchExpectations.expectedFor(
                        new RuleSetLoader().load(Path.of("rules")).rules()));
    }

    @Test
    void keepDbLeavesTheLoadedDatabaseWithTheRunsFindingsToLookInto() throws Exception {
        Path csv = tmp.resolve("findings.csv");
        Path kept = tmp.resolve("kept");

        int code = run(
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                csv.toString(),
                "--keep-db",
                kept.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isZero();
        assertThat(out.toString())
                .contains("Database (kept): " + kept.toAbsolutePath().normalize());
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + kept.toAbsolutePath().resolve("jicha") + ";IFEXISTS=TRUE", "sa", "");
                ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM findings")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1))
                    .isEqualTo(Files.readAllLines(csv, StandardCharsets.UTF_8).size() - 1L);
        }
    }

    @Test
    void keepDbIntoAFolderThatHoldsSomethingExitsTwoAndTouchesNothing() throws Exception {
        Path kept = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(kept.resolve("notes.txt"), "mine");

        int code = run(
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                tmp.resolve("f.csv").toString(),
                "--keep-db",
                kept.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--keep-db").contains("not an empty folder");
        try (Stream<Path> files = Files.list(kept)) {
            assertThat(files).containsExactly(kept.resolve("notes.txt"));
        }
    }

    @Test
    void rulesDiffListsExactlyTheSubjectsThatARemovedRuleFileNoLongerFlags() throws Exception {
        Path candidate = tmp.resolve("candidate");
        copyTree(Path.of("rules"), candidate);
        Files.delete(candidate.resolve("met/metering.drl"));

        int code = run(
                "rules", "diff", "--candidate", candidate.toString(), "--data", "sample-data", "--as-of", "2026-11-05");

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isZero();
        Set<String> gone = out.toString()
                .lines()
                .filter(l -> l.startsWith("    - "))
                .map(l -> l.substring(6))
                .collect(Collectors.toSet());
        Set<String> planted =
                SampleBatchExpectations.expectedFor(
                                new RuleSetLoader().load(Path.of("rules")).rules())
                        .stream()
                        .filter(l -> l.startsWith("MET-01,") || l.startsWith("MET-06,"))
                        .map(l -> l.split(",")[1] + ":" + l.split(",")[2])
                        .collect(Collectors.toSet());
        assertThat(gone).isEqualTo(planted);
        assertThat(out.toString().lines().filter(l -> l.startsWith("    + "))).isEmpty();
        assertThat(out.toString()).contains("Rules that change: 2");
    }

    @Test
    void missingArgumentsExitTwoWithUsage() {
        int code = run("audit", "--data", "sample-data");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of").contains("Usage:");
    }

    @Test
    void aMalformedDateExitsTwo() {
        assertThat(run(
                        "audit",
                        "--data",
                        "sample-data",
                        "--as-of",
                        "2026-13-45",
                        "--findings-csv",
                        tmp.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
    }

    @Test
    void aMissingDataFolderExitsTwo() {
        assertThat(run(
                        "audit",
                        "--data",
                        tmp.resolve("nope").toString(),
                        "--as-of",
                        "2026-11-05",
                        "--findings-csv",
                        tmp.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no such folder");
    }

    @Test
    void aBrokenRuleFileExitsOneNamingFileAndLine() throws Exception {
        Path rules = tmp.resolve("rules");
        copyTree(Path.of("rules"), rules);
        Files.writeString(rules.resolve("bil/broken.drl"), """
                package jicha.bil;
                rule "BIL-99 broken"
                when
                    $x : NoSuchFact( )
                then
                end
                """, StandardCharsets.UTF_8);

        int code = run(
                "audit",
                "--data",
                "sample-data",
                "--as-of",
                "2026-11-05",
                "--findings-csv",
                tmp.resolve("f.csv").toString(),
                "--rules",
                rules.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isEqualTo(1);
        assertThat(err.toString()).contains("bil/broken.drl:4");
    }

    /** The packaged jar in a child JVM whose temporary folders go into {@code scratch}; output to child.log. */
    private Process startJar(Path scratch, String heap, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                heap,
                "-Djava.io.tmpdir=" + scratch.toAbsolutePath(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile())
                .start();
    }

    /** The folder the child names in its "Temporary database" line, checked to lie in {@code scratch}. */
    private Path awaitTemporaryDatabase(Path scratch) throws Exception {
        Deadline deadline = Deadline.in(WAIT);
        while (deadline.pending()) {
            Matcher m = TEMPORARY_DATABASE.matcher(childLog());
            if (m.find()) {
                Path folder = Path.of(m.group(1));
                assertThat(folder.getParent()).isEqualTo(scratch.toAbsolutePath());
                return folder;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the command exited without naming a temporary database:\n" + childLog());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no temporary database named within " + WAIT + ":\n" + childLog());
    }

    private String childLog() {
        try {
            Path log = tmp.resolve("child.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
