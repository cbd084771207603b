package org.jicha.tools.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.FileResult;
import org.jicha.ingest.LoadResult;
import org.jicha.tools.compare.CheckComparison;
import org.jicha.tools.compare.CheckFinding;
import org.jicha.tools.compare.ComparedRules;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Measures one batch on the database this context is connected to (which should be empty: a fresh H2 file
 * database or a fresh PostgreSQL schema), phase after phase in one process: (a) the load by {@link BatchLoader},
 * then on PostgreSQL an {@code ANALYZE} (freshly loaded tables have no statistics; without them the SQL checks
 * measure the planner's guesses, docs/PERFORMANCE.md), (b) the full audit ({@link AuditService#run}), (c) the
 * Drools / SQL / Java comparison ({@link CheckComparison}) on the same data, (d) the next night: the batch's
 * delta extract loaded, an incremental run and a full run as of the next day, side by side. Before each phase garbage is collected and the heap pools' peaks reset, so each phase reports its
 * own peak.
 *
 * <p>The batch's {@code expected/batch.properties} (written by {@code generate}) gives the rows each file should
 * load and {@code expected/planted.csv} the findings the five compared rules must produce; a batch without them is
 * measured but not checked against them.
 */
@Service
public class Benchmark {

    static final String MANIFEST = "expected/batch.properties";
    static final String PLANTED = "expected/planted.csv";

    private final BatchLoader loader;
    private final AuditService audits;
    private final CheckComparison comparison;
    private final JdbcTemplate jdbc;

    public Benchmark(BatchLoader loader, AuditService audits, CheckComparison comparison, JdbcTemplate jdbc) {
        this.loader = loader;
        this.audits = audits;
        this.comparison = comparison;
        this.jdbc = jdbc;
    }

    /** Loads {@code data}, audits it as of {@code asOf}, compares the three ways over {@code repetitions} rounds. */
    public BenchmarkReport run(Path data, LocalDate asOf, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
        }
        Properties manifest = readManifest(data);
        String database =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        String url =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        HeapPeaks heap = new HeapPeaks();

        LoadFigures load = load(data, manifest, "PostgreSQL".equals(database), heap);
        long customers = load.files().stream()
                .filter(f -> f.file().equals("customers.csv"))
                .mapToLong(FileFigures::rowsAccepted)
                .sum();
        AuditFigures audit = audit(asOf, heap);
        ComparisonFigures compared = compare(data, asOf, repetitions, heap);
        IncrementalFigures incremental = incremental(data, manifest, heap);
        return new BenchmarkReport(
                database, url, customers, asOf, HeapPeaks.maxBytes(), load, audit, compared, incremental);
    }

    private LoadFigures load(Path data, Properties manifest, boolean analyze, HeapPeaks heap) {
        heap.reset();
        long began = System.nanoTime();
        LoadResult result = loader.load(data);
        long wall = millisSince(began);
        long peak = heap.peakBytes();
        long analyzeMillis = 0;
        if (analyze) {
            long analyzing = System.nanoTime();
            // this schema's tables only: a bare ANALYZE would also work through every other schema of the database
            for (String table : jdbc.queryForList(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", String.class)) {
                jdbc.execute("ANALYZE \"" + table.replace("\"", "\"\"") + "\"");
            }
            analyzeMillis = Math.max(1, millisSince(analyzing));
        }
        List<FileFigures> files =
                result.files().stream().map(f -> figures(f, manifest)).toList();
        return new LoadFigures(files, wall, analyzeMillis, peak);
    }

    private static FileFigures figures(FileResult f, Properties manifest) {
        String expected = manifest.getProperty("rows." + f.fileName());
        return new FileFigures(
                f.fileName(),
                f.rowsAccepted(),
                f.rowsRejected(),
                expected == null ? null : Long.valueOf(expected),
                f.millis(),
                f.rowsPerSecond());
    }

    private AuditFigures audit(LocalDate asOf, HeapPeaks heap) {
        heap.reset();
        long began = System.nanoTime();
        RunView run = audits.run(asOf, RunTrigger.CLI);
        long wall = millisSince(began);
        return new AuditFigures(
                run.id(), run.status().name(), wall, run.subjectsChecked(), run.findingsCount(), heap.peakBytes());
    }

    private ComparisonFigures compare(Path data, LocalDate asOf, int repetitions, HeapPeaks heap) {
        heap.reset();
        long began = System.nanoTime();
        CheckComparison.Result r = comparison.compare(asOf, repetitions);
        long wall = millisSince(began);
        long peak = heap.peakBytes();
        Set<String> planted = readPlanted(data);
        Set<String> found =
                r.drools().stream().map(CheckFinding::plantedKey).collect(Collectors.toCollection(TreeSet::new));
        return new ComparisonFigures(
                repetitions,
                r.drools().size(),
                r.sql().size(),
                r.java().size(),
                r.droolsNanos(),
                r.sqlNanos(),
                r.javaNanos(),
                r.identical(),
                planted == null ? null : planted.size(),
                planted != null && planted.equals(found),
                wall,
                peak);
    }

    /**
     * Loads the next night's delta extract named by the manifest ({@code next_night.dir}, 3 % of the customers
     * changed), then as of {@code next_night.as_of} runs the nightly incremental run and a full run, and compares
     * their findings by fingerprint.
     */
    private IncrementalFigures incremental(Path data, Properties manifest, HeapPeaks heap) {
        String dir = manifest.getProperty("next_night.dir");
        String day = manifest.getProperty("next_night.as_of");
        if (dir == null || day == null || !Files.isDirectory(data.resolve(dir))) {
            return IncrementalFigures.notMeasured("the batch has no next-night extract (generate writes one)");
        }
        heap.reset();
        LocalDate nextAsOf = LocalDate.parse(day);
        long loading = System.nanoTime();
        LoadResult delta = loader.load(data.resolve(dir));
        long loadMillis = millisSince(loading);
        long began = System.nanoTime();
        RunView incremental = audits.run(RunRequest.incremental(nextAsOf, RunTrigger.CLI));
        long incrementalMillis = millisSince(began);
        began = System.nanoTime();
        RunView full = audits.run(RunRequest.of(nextAsOf, RunTrigger.CLI));
        long fullMillis = millisSince(began);
        return new IncrementalFigures(
                null,
                delta.rowsAccepted(),
                loadMillis,
                incremental.id(),
                incremental.mode().name(),
                incremental.progress().total(),
                incremental.findingsCarried(),
                incrementalMillis,
                incremental.findingsCount(),
                full.id(),
                fullMillis,
                full.findingsCount(),
                findingsMissingFrom(full.id(), incremental.id()),
                findingsMissingFrom(incremental.id(), full.id()),
                heap.peakBytes());
    }

    /** Findings of run {@code of} whose fingerprint run {@code other} does not have. */
    private long findingsMissingFrom(long other, long of) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM findings a WHERE a.run_id = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM findings b WHERE b.run_id = ? AND b.fingerprint = a.fingerprint)",
                Long.class,
                of,
                other);
        return n == null ? 0 : n;
    }

    /** The planted deviations of the five compared rules as {@code rule,subject_type,subject_id}; null without the file. */
    static Set<String> readPlanted(Path data) {
        Path file = data.resolve(PLANTED);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(1)
                    .filter(line -> !line.isBlank())
                    .filter(line -> ComparedRules.SET.contains(line.substring(0, Math.max(0, line.indexOf(',')))))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static Properties readManifest(Path data) {
        Properties manifest = new Properties();
        Path file = data.resolve(MANIFEST);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                manifest.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return manifest;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
