package org.jicha.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of long work on standard error, as people expect of a tool that runs minutes: what is being done,
 * how many, the rate, the share done and an estimate of the time left. Printed at most every {@link #EVERY}
 * (never per row); on a terminal one line rewritten in place ({@code \r}), elsewhere (a pipe, a log file) plain
 * lines. A finished step is always printed and ends its line, so each file's count stays on screen.
 */
final class ProgressLine {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final boolean inPlace;
    private final LongSupplier nanos;
    private long phaseStart;
    private long stepStart;
    private String step;
    private long lastPrint;
    private boolean open;
    private int lastLength;

    /**
     * @param inPlace rewrite one line ({@code \r}): standard error is a terminal
     * @param nanos the clock ({@code System::nanoTime}; a fake one in tests)
     */
    ProgressLine(PrintWriter err, boolean inPlace, LongSupplier nanos) {
        this.err = err;
        this.inPlace = inPlace;
        this.nanos = nanos;
        this.phaseStart = nanos.getAsLong();
        this.stepStart = phaseStart;
    }

    /** Nothing printed: {@code --quiet}. */
    static ProgressLine quiet() {
        return new ProgressLine(null, false, System::nanoTime);
    }

    /** A line for the console the command runs in: in place when standard error is a terminal. */
    static ProgressLine onConsole(PrintWriter err, boolean quiet) {
        return quiet ? quiet() : new ProgressLine(err, System.console() != null, System::nanoTime);
    }

    /** A new phase (loading, auditing) begins: its time left is estimated from here. */
    synchronized void phase() {
        phaseStart = nanos.getAsLong();
        stepStart = phaseStart;
        step = null;
    }

    /**
     * How far a step has come: printed when {@link #EVERY} has passed since the last line.
     *
     * @param step what is done (e.g. {@code 装载 Loading readings.csv}); steps follow one another, so its rate is
     *     counted from the end of the step before it (or the start of the phase)
     * @param count how many so far, of {@code total} ({@code -1}: not known)
     * @param unit what is counted (e.g. {@code 行 rows})
     * @param share share of the phase done (0 to 1), for the time left
     */
    synchronized void update(String step, long count, long total, String unit, double share) {
        long now = nanos.getAsLong();
        startStep(step, now);
        if (err != null && (!open || now - lastPrint >= EVERY.toNanos())) {
            print(line(step, count, total, unit, now - stepStart, estimate(share, now)), false);
            lastPrint = now;
        }
    }

    /** A step is finished: always printed, and its line ended. */
    synchronized void complete(String step, long count, long total, String unit) {
        long now = nanos.getAsLong();
        startStep(step, now);
        if (err != null) {
            print(line(step, count, total, unit, now - stepStart, null), true);
            lastPrint = now;
        }
        this.step = null;
        this.stepStart = now;
    }

    private void startStep(String step, long now) {
        if (this.step != null && !step.equals(this.step)) {
            this.stepStart = now; // the step before it was not completed
        }
        this.step = step;
    }

    /** The time left if the rest goes as fast as the share done so far; null when nothing is done yet. */
    private Duration estimate(double share, long now) {
        if (!(share > 0) || share > 1) {
            return Duration.ofNanos(-1);
        }
        return Duration.ofNanos((long) ((now - phaseStart) * (1 - share) / share));
    }

    /**
     * E.g. {@code 装载 Loading readings.csv: 120,000 行 rows, 40,000/s, 35%, 剩余约 ETA 1:20}; a finished step
     * shows the time it took instead of the time left.
     */
    static String line(String step, long count, long total, String unit, long elapsedNanos, Duration left) {
        StringBuilder line = new StringBuilder(step).append(": ");
        line.append(String.format(Locale.ROOT, "%,d", count));
        if (total >= 0) {
            line.append(String.format(Locale.ROOT, " / %,d", total));
        }
        line.append(' ').append(unit);
        double seconds = elapsedNanos / 1e9;
        if (seconds > 0) {
            line.append(String.format(Locale.ROOT, ", %,.0f/s", count / seconds));
        }
        if (total > 0) {
            line.append(String.format(Locale.ROOT, ", %.0f%%", Math.min(count, total) * 100.0 / total));
        }
        if (left == null) {
            line.append(", 用时 took ").append(clock(Duration.ofNanos(elapsedNanos)));
        } else {
            line.append(", 剩余约 ETA ").append(left.isNegative() ? "--:--" : clock(left));
        }
        return line.toString();
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void print(String line, boolean end) {
        if (inPlace) {
            // rewrite the line; spaces wipe what a longer earlier line left
            String padded = line + " ".repeat(Math.max(0, lastLength - line.length()));
            err.print("\r" + padded + (end ? System.lineSeparator() : ""));
            lastLength = end ? 0 : line.length();
        } else {
            err.println(line);
        }
        err.flush();
        open = !end;
    }
}
