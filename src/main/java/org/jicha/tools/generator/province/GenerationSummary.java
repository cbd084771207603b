package org.jicha.tools.generator.province;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a generation wrote: rows per contract file (load order), planted deviations, stations and the time it
 * took.
 */
public record GenerationSummary(
        GeneratorOptions options,
        int stations,
        Map<String, Long> rowsPerFile,
        long planted,
        long nextNightCustomers,
        long elapsedNanos) {

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        return totalRows() / Math.max(1e-9, elapsedNanos / 1e9);
    }

    /** Where {@link #writeManifest()} puts the batch's description, beside {@code planted.csv}. */
    public static final String MANIFEST = "expected/batch.properties";

    /**
     * Writes {@value #MANIFEST}: the options the batch was made with (as-of date first) and the rows of each
     * contract file, so a tool given only the folder (the benchmark) knows the date to audit and the counts to
     * expect. No time stamp, so the same options still give the same bytes.
     */
    public void writeManifest() {
        StringBuilder b = new StringBuilder("# written by jicha generate; rows.<file> = data rows of that file\n");
        b.append("as_of=").append(options.asOf()).append('\n');
        b.append("audited_period=").append(options.auditedPeriod()).append('\n');
        b.append("customers=").append(options.customers()).append('\n');
        b.append("months=").append(options.months()).append('\n');
        b.append("seed=").append(options.seed()).append('\n');
        b.append("deviation_rate=").append(options.deviationRate()).append('\n');
        b.append("stations=").append(stations).append('\n');
        b.append("planted=").append(planted).append('\n');
        rowsPerFile.forEach((file, rows) ->
                b.append("rows.").append(file).append('=').append(rows).append('\n'));
        b.append("next_night.dir=").append(NextNight.FOLDER).append('\n');
        b.append("next_night.as_of=").append(NextNight.asOf(options.asOf())).append('\n');
        b.append("next_night.customers=").append(nextNightCustomers).append('\n');
        Path file = options.out().resolve(MANIFEST);
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A short report for the command line. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "generated %,d customers x %d months (%s .. %s), as of %s, %d stations, seed %d, into %s%n",
                options.customers(),
                options.months(),
                options.firstPeriod(),
                options.auditedPeriod(),
                options.asOf(),
                stations,
                options.seed(),
                options.out()));
        rowsPerFile.forEach((file, rows) -> b.append(String.format("  %-24s %,14d%n", file, rows)));
        b.append(String.format("  %-24s %,14d%n", "total rows", totalRows()));
        b.append(String.format("planted deviations: %,d (expected/planted.csv)%n", planted));
        b.append(String.format(
                "next night's delta extract: %,d changed customers as of %s (%s/)%n",
                nextNightCustomers, NextNight.asOf(options.asOf()), NextNight.FOLDER));
        b.append(String.format("%.1f s, %,.0f rows/s%n", elapsedNanos / 1e9, rowsPerSecond()));
        return b.toString();
    }
}
