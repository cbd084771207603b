package org.jicha.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line on standard error, on a fake clock: rate, time left, at most every two seconds, in place. */
class ProgressLineTests {

    private static final String NL = System.lineSeparator();

    private long nanos;
    private final StringWriter err = new StringWriter();

    private ProgressLine line(boolean inPlace) {
        return new ProgressLine(new PrintWriter(err), inPlace, () -> nanos);
    }

    private void advance(double seconds) {
        nanos += (long) (seconds * 1e9);
    }

    @Test
    void aLineSaysHowManyTheRateTheShareAndTheTimeLeft() {
        assertThat(ProgressLine.line(
                        "稽查 Auditing", 12_000, 50_000, "检查对象 subjects", 8_000_000_000L, Duration.ofSeconds(85)))
                .isEqualTo("稽查 Auditing: 12,000 / 50,000 检查对象 subjects, 1,500/s, 24%, 剩余约 ETA 1:25");
    }

    @Test
    void aFinishedStepShowsTheTimeItTookAndAnUnknownTotalNoShare() {
        assertThat(ProgressLine.line("装载 Loading readings.csv", 1_234_567, -1, "行 rows", 3_723_000_000_000L, null))
                .isEqualTo("装载 Loading readings.csv: 1,234,567 行 rows, 332/s, 用时 took 1:02:03");
    }

    @Test
    void withNothingDoneTheTimeLeftIsUnknown() {
        ProgressLine progress = line(false);
        advance(1);

        progress.update("稽查 Auditing", 0, 100, "检查对象 subjects", 0);

        assertThat(err.toString()).isEqualTo("稽查 Auditing: 0 / 100 检查对象 subjects, 0/s, 0%, 剩余约 ETA --:--" + NL);
    }

    @Test
    void notOnATerminalPlainLinesAtMostEveryTwoSeconds() {
        ProgressLine progress = line(false);
        progress.phase();

        advance(1);
        progress.update("装载 Loading readings.csv", 10_000, -1, "行 rows", 0.10); // first: printed
        advance(1);
        progress.update("装载 Loading readings.csv", 20_000, -1, "行 rows", 0.20); // 1 s later: not printed
        advance(1);
        progress.update("装载 Loading readings.csv", 30_000, -1, "行 rows", 0.25); // 2 s later: printed
        advance(0.5);
        progress.complete("装载 Loading readings.csv", 32_000, -1, "行 rows"); // always printed

        assertThat(err.toString())
                .isEqualTo("装载 Loading readings.csv: 10,000 行 rows, 10,000/s, 剩余约 ETA 0:09" + NL
                        // 3 s into the phase at a quarter: 9 s left
                        + "装载 Loading readings.csv: 30,000 行 rows, 10,000/s, 剩余约 ETA 0:09" + NL
                        + "装载 Loading readings.csv: 32,000 行 rows, 9,143/s, 用时 took 0:04" + NL);
    }

    @Test
    void onATerminalOneLineRewrittenInPlaceAndEndedWhenTheStepIsDone() {
        ProgressLine progress = line(true);

        advance(1);
        progress.update("稽查 Auditing", 1_000, 4_000, "检查对象 subjects", 0.25);
        advance(2);
        progress.update("稽查 Auditing", 2_000, 4_000, "检查对象 subjects", 0.5);
        advance(2);
        progress.complete("稽查 Auditing", 4_000, 4_000, "检查对象 subjects");

        assertThat(err.toString())
                .isEqualTo("\r稽查 Auditing: 1,000 / 4,000 检查对象 subjects, 1,000/s, 25%, 剩余约 ETA 0:03"
                        + "\r稽查 Auditing: 2,000 / 4,000 检查对象 subjects, 667/s, 50%, 剩余约 ETA 0:03  "
                        + "\r稽查 Auditing: 4,000 / 4,000 检查对象 subjects, 800/s, 100%, 用时 took 0:05" + NL);
    }

    @Test
    void aShorterLineWipesWhatTheLongerOneBeforeItLeft() {
        ProgressLine progress = line(true);

        advance(1);
        progress.update("稽查 Auditing", 1_000, 4_000, "检查对象 subjects", 0.25);
        advance(2);
        progress.update("装载 Loading units.csv", 10, -1, "行 rows", 0.75);

        assertThat(err.toString()).endsWith("\r装载 Loading units.csv: 10 行 rows, 剩余约 ETA 0:01" + " ".repeat(23));
    }

    @Test
    void quietPrintsNothing() {
        ProgressLine progress = ProgressLine.quiet();

        progress.update("稽查 Auditing", 1, 2, "检查对象 subjects", 0.5);
        progress.complete("稽查 Auditing", 2, 2, "检查对象 subjects");

        assertThat(err.toString()).isEmpty();
    }
}
