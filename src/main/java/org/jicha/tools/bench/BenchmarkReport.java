package org.jicha.tools.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run measured on one database and one batch: the load, the full audit, the three-way
 * comparison and the incremental run, with the peak heap of each phase under the {@code -Xmx} in force. Printed as
 * Markdown ({@link #markdown()}) and as CSV rows ({@link #csvRows}), and checked ({@link #problems()}).
 *
 * @param database "H2" or "PostgreSQL" (the driver's product name)
 * @param databaseUrl the JDBC URL measured (H2: a file database in a fresh folder)
 * @param customers customers accepted by the load
 * @param incremental the next night: the incremental run's cost beside a full run's, or why there is no figure
 */
public record BenchmarkReport(
        String database,
        String databaseUrl,
        long customers,
        LocalDate asOf,
        long maxHeapBytes,
        LoadFigures load,
        AuditFigures audit,
        ComparisonFigures comparison,
        IncrementalFigures incremental) {

    public static final String CSV_HEADER = "run_at,database,customers,phase,item,metric,value";

    /** Why the figures cannot be trusted: rows not as generated, the three ways disagreeing, ...; empty when none. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        load.files().stream()
                .filter(f -> !f.asExpected())
                .forEach(f -> problems.add(String.format(
                        Locale.ROOT,
                        "%s: %d rows accepted, %d rejected, %d generated",
                        f.file(),
                        f.rowsAccepted(),
                        f.rowsRejected(),
                        f.expectedRows())));
        if (!"COMPLETED".equals(audit.status())) {
            problems.add("audit run " + audit.runId() + " ended " + audit.status());
        }
        if (!comparison.identical()) {
            problems.add(String.format(
                    Locale.ROOT,
                    "the three ways disagree: Drools %d, SQL %d, Java %d findings",
                    comparison.droolsFindings(),
                    comparison.sqlFindings(),
                    comparison.javaFindings()));
        }
        if (comparison.planted() != null && !comparison.equalsPlanted()) {
            problems.add(String.format(
                    Locale.ROOT,
                    "Drools found %d findings of the five rules, %d were planted "
                            + "(expected/planted.csv), not the same set",
                    comparison.droolsFindings(),
                    comparison.planted()));
        }
        if (incremental.measured()) {
            if (!"INCREMENTAL".equals(incremental.mode())) {
                problems.add("the next night's run " + incremental.incrementalRunId() + " ran " + incremental.mode()
                        + ", not incremental on the full audit");
            }
            if (!incremental.sameFindings()) {
                problems.add(String.format(
                        Locale.ROOT,
                        "the incremental run found %d findings, the full run %d; "
                                + "%d only in the incremental, %d only in the full",
                        incremental.incrementalFindings(),
                        incremental.fullFindings(),
                        incremental.onlyIncremental(),
                        incremental.onlyFull()));
            }
        }
        return problems;
    }

    /** A readable report: one table per phase, then the problems, if any. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "## %s, %,d customers, as of %s, -Xmx %,d MiB%n%n",
                database,
                customers,
                asOf,
                mib(maxHeapBytes)));
        b.append(String.format(Locale.ROOT, "%s%n%n", databaseUrl));
        b.append("| file | rows | rejected | generated | ms | rows/s |\n|---|---:|---:|---:|---:|---:|\n");
        for (FileFigures f : load.files()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s | %,d | %,.0f |%n",
                    f.file(),
                    f.rowsAccepted(),
                    f.rowsRejected(),
                    f.expectedRows() == null ? "-" : String.format(Locale.ROOT, "%,d", f.expectedRows()),
                    f.millis(),
                    f.rowsPerSecond()));
        }
        b.append(String.format(
                Locale.ROOT,
                "| **load (wall)** | %,d | %,d | | %,d | %,.0f |%n%n",
                load.rowsAccepted(),
                load.rowsRejected(),
                load.wallMillis(),
                load.rowsPerSecond()));
        b.append("| phase | wall ms | throughput | peak heap MiB |\n|---|---:|---|---:|\n");
        b.append(String.format(
                Locale.ROOT,
                "| load | %,d | %,.0f rows/s | %,d |%n",
                load.wallMillis(),
                load.rowsPerSecond(),
                mib(load.peakHeapBytes())));
        if (load.analyzeMillis() > 0) {
            b.append(String.format(Locale.ROOT, "| ANALYZE after the load | %,d | | |%n", load.analyzeMillis()));
        }
        b.append(String.format(
                Locale.ROOT,
                "| full audit (run %d, %s) | %,d | %,d subjects, %,.0f subjects/s; %,d findings, "
                        + "%,.0f findings/s written | %,d |%n",
                audit.runId(),
                audit.status(),
                audit.wallMillis(),
                audit.subjects(),
                audit.subjectsPerSecond(),
                audit.findings(),
                audit.findingsPerSecond(),
                mib(audit.peakHeapBytes())));
        b.append(String.format(
                Locale.ROOT,
                "| Drools vs SQL vs Java (%d rounds each) | %,.0f | | %,d |%n",
                comparison.repetitions(),
                (double) comparison.wallMillis(),
                mib(comparison.peakHeapBytes())));
        if (incremental.measured()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| next night: delta load | %,d | %,d rows | |%n",
                    incremental.deltaLoadMillis(),
                    incremental.deltaRows()));
            b.append(String.format(
                    Locale.ROOT,
                    "| next night: incremental run %d (%s) | %,d | %,d subjects evaluated, "
                            + "%,d findings (%,d carried) | %,d |%n",
                    incremental.incrementalRunId(),
                    incremental.mode(),
                    incremental.incrementalMillis(),
                    incremental.evaluated(),
                    incremental.incrementalFindings(),
                    incremental.carried(),
                    mib(incremental.peakHeapBytes())));
            b.append(String.format(
                    Locale.ROOT,
                    "| next night: full run %d | %,d | %,d findings | |%n%n",
                    incremental.fullRunId(),
                    incremental.fullMillis(),
                    incremental.fullFindings()));
            b.append(String.format(
                    Locale.ROOT,
                    "incremental / full wall time: %.3f; same findings: %s%n%n",
                    incremental.costRatio(),
                    incremental.sameFindings() ? "yes" : "NO"));
        } else {
            b.append(String.format(Locale.ROOT, "| next night | - | %s | - |%n%n", incremental.note()));
        }
        b.append(String.format(Locale.ROOT, "BIL-01/02/06/07/08, median of %d:%n%n", comparison.repetitions()));
        b.append("| way | findings | median ms | ratio to SQL |\n|---|---:|---:|---:|\n");
        b.append(String.format(
                Locale.ROOT,
                "| Drools | %,d | %,.1f | %.2f |%n",
                comparison.droolsFindings(),
                comparison.droolsNanos() / 1e6,
                comparison.droolsToSql()));
        b.append(String.format(
                Locale.ROOT, "| SQL | %,d | %,.1f | 1.00 |%n", comparison.sqlFindings(), comparison.sqlNanos() / 1e6));
        b.append(String.format(
                Locale.ROOT,
                "| Java | %,d | %,.1f | %.2f |%n%n",
                comparison.javaFindings(),
                comparison.javaNanos() / 1e6,
                comparison.javaToSql()));
        b.append(String.format(
                Locale.ROOT,
                "three ways identical: %s; equal to the planted deviations: %s%n",
                comparison.identical() ? "yes" : "NO",
                comparison.planted() == null
                        ? "not known (no expected/planted.csv)"
                        : (comparison.equalsPlanted() ? "yes" : "NO") + " (" + comparison.planted() + " planted)"));
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            b.append("\nPROBLEMS:\n");
            problems.forEach(p -> b.append("- ").append(p).append('\n'));
        }
        return b.toString();
    }

    /** The figures as rows of {@link #CSV_HEADER}, one per metric, for appending to a results file. */
    public List<String> csvRows(String runAt) {
        List<String> rows = new ArrayList<>();
        CsvRows csv = new CsvRows(runAt, database, customers, rows);
        csv.add("run", "-", "as_of", asOf.toString());
        csv.add("run", "-", "max_heap_mib", mib(maxHeapBytes));
        for (FileFigures f : load.files()) {
            csv.add("load", f.file(), "rows", f.rowsAccepted());
            csv.add("load", f.file(), "rejected", f.rowsRejected());
            csv.add("load", f.file(), "ms", f.millis());
            csv.add("load", f.file(), "rows_per_s", Math.round(f.rowsPerSecond()));
        }
        csv.add("load", "-", "rows", load.rowsAccepted());
        csv.add("load", "-", "ms", load.wallMillis());
        csv.add("load", "-", "rows_per_s", Math.round(load.rowsPerSecond()));
        csv.add("load", "-", "analyze_ms", load.analyzeMillis());
        csv.add("load", "-", "peak_heap_mib", mib(load.peakHeapBytes()));
        csv.add("audit", "-", "ms", audit.wallMillis());
        csv.add("audit", "-", "subjects", audit.subjects());
        csv.add("audit", "-", "subjects_per_s", Math.round(audit.subjectsPerSecond()));
        csv.add("audit", "-", "findings", audit.findings());
        csv.add("audit", "-", "findings_per_s", Math.round(audit.findingsPerSecond()));
        csv.add("audit", "-", "peak_heap_mib", mib(audit.peakHeapBytes()));
        csv.add("compare", "drools", "median_ms", String.format(Locale.ROOT, "%.1f", comparison.droolsNanos() / 1e6));
        csv.add("compare", "sql", "median_ms", String.format(Locale.ROOT, "%.1f", comparison.sqlNanos() / 1e6));
        csv.add("compare", "java", "median_ms", String.format(Locale.ROOT, "%.1f", comparison.javaNanos() / 1e6));
        csv.add("compare", "drools", "to_sql", String.format(Locale.ROOT, "%.2f", comparison.droolsToSql()));
        csv.add("compare", "java", "to_sql", String.format(Locale.ROOT, "%.2f", comparison.javaToSql()));
        csv.add("compare", "-", "findings", comparison.droolsFindings());
        csv.add("compare", "-", "repetitions", comparison.repetitions());
        csv.add("compare", "-", "identical", comparison.identical() ? "yes" : "no");
        csv.add(
                "compare",
                "-",
                "equals_planted",
                comparison.planted() == null ? "unknown" : comparison.equalsPlanted() ? "yes" : "no");
        csv.add("compare", "-", "ms", comparison.wallMillis());
        csv.add("compare", "-", "peak_heap_mib", mib(comparison.peakHeapBytes()));
        if (incremental.measured()) {
            csv.add("incremental", "-", "delta_rows", incremental.deltaRows());
            csv.add("incremental", "-", "delta_load_ms", incremental.deltaLoadMillis());
            csv.add("incremental", "-", "mode", incremental.mode());
            csv.add("incremental", "-", "evaluated", incremental.evaluated());
            csv.add("incremental", "-", "carried", incremental.carried());
            csv.add("incremental", "-", "ms", incremental.incrementalMillis());
            csv.add("incremental", "-", "full_ms", incremental.fullMillis());
            csv.add("incremental", "-", "to_full", String.format(Locale.ROOT, "%.3f", incremental.costRatio()));
            csv.add("incremental", "-", "same_findings", incremental.sameFindings() ? "yes" : "no");
            csv.add("incremental", "-", "peak_heap_mib", mib(incremental.peakHeapBytes()));
        } else {
            csv.add("incremental", "-", "note", incremental.note());
        }
        return rows;
    }

    static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0));
    }

    private record CsvRows(String runAt, String database, long customers, List<String> rows) {

        void add(String phase, String item, String metric, Object value) {
            String text = String.valueOf(value);
            rows.add(String.join(
                    ",",
                    runAt,
                    database,
                    Long.toString(customers),
                    phase,
                    item,
                    metric,
                    text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text));
        }
    }
}
