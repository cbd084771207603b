package org.jicha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jicha.audit.SampleBatchExpectations;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: exit codes, the findings CSV, the summary. */
class CommandLineIntegrationTests {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JichaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void auditOverTheSampleBatchWritesEveryPlantedFindingAndExitsZero() throws Exception {
        Path csv = tmp.resolve("findings.csv");
        Path rejects = tmp.resolve("rejects.csv");

        int code = run("audit", "--data", "sample-data", "--as-of", "2026-11-05", "--findings-csv", csv.toString(),
                "--rejects-csv", rejects.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("rule_code,theme,severity,subject_type,subject_id,customer_no,period,message");
        Set<String> found = lines.stream().skip(1).map(l -> l.split(",", 6))
                .map(c -> c[0] + "," + c[3] + "," + c[4]).collect(Collectors.toSet());
        Set<String> expected = SampleBatchExpectations.expectedFor(new RuleSetLoader().load(Path.of("rules")).rules());
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(out.toString()).contains("Findings: " + (lines.size() - 1)).contains("BIL-01").contains("Rows rejected: 0");
        assertThat(Files.readAllLines(rejects, StandardCharsets.UTF_8)).containsExactly("file,line,column,value,reason");
    }

    @Test
    void aSecondIdenticalRunGivesAnIdenticalFile() throws Exception {
        Path first = tmp.resolve("a.csv");
        Path second = tmp.resolve("b.csv");
        assertThat(run("audit", "--data", "sample-data", "--as-of", "2026-11-05", "--findings-csv", first.toString())).isZero();
        assertThat(run("audit", "--data", "sample-data", "--as-of", "2026-11-05", "--findings-csv", second.toString())).isZero();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void rulesDiffListsExactlyTheSubjectsThatARemovedRuleFileNoLongerFlags() throws Exception {
        Path candidate = tmp.resolve("candidate");
        copyTree(Path.of("rules"), candidate);
        Files.delete(candidate.resolve("met/metering.drl"));

        int code = run("rules", "diff", "--candidate", candidate.toString(), "--data", "sample-data",
                "--as-of", "2026-11-05");

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isZero();
        Set<String> gone = out.toString().lines().filter(l -> l.startsWith("    - ")).map(l -> l.substring(6))
                .collect(Collectors.toSet());
        Set<String> planted = SampleBatchExpectations.expectedFor(new RuleSetLoader().load(Path.of("rules")).rules())
                .stream().filter(l -> l.startsWith("MET-01,") || l.startsWith("MET-06,"))
                .map(l -> l.split(",")[1] + ":" + l.split(",")[2]).collect(Collectors.toSet());
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
        assertThat(run("audit", "--data", "sample-data", "--as-of", "2026-13-45", "--findings-csv",
                tmp.resolve("f.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--as-of");
    }

    @Test
    void aMissingDataFolderExitsTwo() {
        assertThat(run("audit", "--data", tmp.resolve("nope").toString(), "--as-of", "2026-11-05", "--findings-csv",
                tmp.resolve("f.csv").toString())).isEqualTo(2);
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

        int code = run("audit", "--data", "sample-data", "--as-of", "2026-11-05", "--findings-csv",
                tmp.resolve("f.csv").toString(), "--rules", rules.toString());

        assertThat(code).as(() -> "stdout: " + out + "\nstderr: " + err).isEqualTo(1);
        assertThat(err.toString()).contains("bil/broken.drl:4");
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
