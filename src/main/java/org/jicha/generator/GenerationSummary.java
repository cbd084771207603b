package org.jicha.generator;

import java.util.Map;

/**
 * What a generation wrote: rows per contract file (load order), planted deviations, stations and the time it
 * took.
 */
public record GenerationSummary(GeneratorOptions options, int stations, Map<String, Long> rowsPerFile, long planted,
        long elapsedNanos) {

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }

    public double rowsPerSecond() {
        return totalRows() / Math.max(1e-9, elapsedNanos / 1e9);
    }

    /** A short report for the command line. */
    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("generated %,d customers x %d months (%s .. %s), as of %s, %d stations, seed %d, into %s%n",
                options.customers(), options.months(), options.firstPeriod(), options.auditedPeriod(), options.asOf(),
                stations, options.seed(), options.out()));
        rowsPerFile.forEach((file, rows) -> b.append(String.format("  %-24s %,14d%n", file, rows)));
        b.append(String.format("  %-24s %,14d%n", "total rows", totalRows()));
        b.append(String.format("planted deviations: %,d (expected/planted.csv)%n", planted));
        b.append(String.format("%.1f s, %,.0f rows/s%n", elapsedNanos / 1e9, rowsPerSecond()));
        return b.toString();
    }
}
