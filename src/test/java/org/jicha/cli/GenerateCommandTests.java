package org.jicha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jicha generate}: writes a batch without starting Spring; argument errors exit with 2 and say why. */
class GenerateCommandTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return JichaCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void generateWritesTheTwelveFilesAndReportsTheRows() {
        Path batch = dir.resolve("batch");
        int code = run(
                "generate",
                "--customers",
                "300",
                "--months",
                "3",
                "--seed",
                "9",
                "--out",
                batch.toString(),
                "--as-of",
                "2026-06-05",
                "--stations",
                "2");
        assertThat(code).as(err.toString()).isEqualTo(JichaCli.OK);
        assertThat(batch.resolve("readings.csv")).exists();
        assertThat(batch.resolve("expected/planted.csv")).exists();
        assertThat(out.toString())
                .contains("300 customers x 3 months (2026-03 .. 2026-05), as of 2026-06-05, 2 stations")
                .contains("customers.csv")
                .contains("rows/s");
        assertThat(err.toString())
                .containsPattern("(?m)^生成 Generating: 300 / 300 户 customers(, [\\d,]+/s)?, 100%, 用时 took ");
        assertThat(JichaCli.isCommand(new String[] {"generate"})).isTrue();
    }

    @Test
    void aMissingRequiredOptionExitsWith2() {
        assertThat(run("generate", "--customers", "10", "--months", "3", "--out", dir.toString()))
                .isEqualTo(JichaCli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--seed");
    }

    @Test
    void anOutOfRangeValueExitsWith2NamingTheOption() {
        assertThat(run("generate", "--customers", "0", "--months", "3", "--seed", "1", "--out", dir.toString()))
                .isEqualTo(JichaCli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--customers must be between 1 and");
    }

    @Test
    void aRateAboveOneExitsWith2() {
        assertThat(run(
                        "generate",
                        "--customers",
                        "10",
                        "--months",
                        "3",
                        "--seed",
                        "1",
                        "--out",
                        dir.toString(),
                        "--deviation-rate",
                        "2"))
                .isEqualTo(JichaCli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--deviation-rate must be between 0 and 1, was 2.0");
    }

    @Test
    void aValueThatIsNotANumberExitsWith2() {
        assertThat(run("generate", "--customers", "many", "--months", "3", "--seed", "1", "--out", dir.toString()))
                .isEqualTo(JichaCli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--customers").contains("many");
    }

    @Test
    void anOutputThatIsAFileExitsWith2() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        assertThat(run("generate", "--customers", "10", "--months", "3", "--seed", "1", "--out", file.toString()))
                .isEqualTo(JichaCli.BAD_ARGUMENTS);
        assertThat(err.toString()).contains("is a file, not a folder");
    }
}
