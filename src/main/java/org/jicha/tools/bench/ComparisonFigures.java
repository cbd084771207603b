package org.jicha.tools.bench;

/**
 * The Drools / SQL / Java comparison of BIL-01/02/06/07/08 ({@code CheckComparison}) on the loaded data: findings
 * of each way, median nanoseconds of {@code repetitions} rounds, whether the three finding sets are identical,
 * and whether they equal the batch's planted deviations of those rules ({@code planted} null when the batch has no
 * {@code expected/planted.csv}), and the phase's wall time (all rounds of all three ways) and peak heap.
 */
public record ComparisonFigures(
        int repetitions,
        int droolsFindings,
        int sqlFindings,
        int javaFindings,
        long droolsNanos,
        long sqlNanos,
        long javaNanos,
        boolean identical,
        Integer planted,
        boolean equalsPlanted,
        long wallMillis,
        long peakHeapBytes) {

    public double droolsToSql() {
        return (double) droolsNanos / sqlNanos;
    }

    public double javaToSql() {
        return (double) javaNanos / sqlNanos;
    }
}
