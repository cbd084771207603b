package org.jicha.tools.generator.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.WorkingDayCalendar;

/**
 * Writes the sample batch ({@code sample-data/}): one county company with three 供电所, about 440 customers,
 * 14 months of readings and bills (2025-09 .. 2026-10), applications, inspections, important customers and
 * meter events, as of 2026-11-05, with planted deviations and look-alikes documented in the README and in
 * {@code expected-findings.csv} / {@code expected-findings-later.csv}.
 *
 * <p>Deterministic: a fixed seed and fixed construction order give the same bytes on every run.
 * Run from the project root (the working-day calendar is read from {@code rules/calendar/}):
 * {@code java -cp target/classes org.jicha.tools.generator.sample.SampleDataGenerator sample-data}.
 */
public final class SampleDataGenerator {

    static final List<String> FINDINGS_HEADER = List.of("rule_code", "subject_type", "subject_id");

    private SampleDataGenerator() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SampleDataGenerator <output folder>");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        write(out);
        System.out.println("sample batch written to " + out.toAbsolutePath());
    }

    /** Writes the batch, the expected findings and the README into {@code outDir}. */
    public static void write(Path outDir) {
        write(outDir, DEFAULT_CALENDAR);
    }

    static final Path DEFAULT_CALENDAR = Path.of("rules", "calendar", "cn-working-days.csv");

    static void write(Path outDir, Path calendarFile) {
        World w = build(CalendarFile.read(calendarFile));
        BatchWriter.createDirectory(outDir);
        BatchWriter writer = new BatchWriter(outDir);
        writer.write(w.batch);
        // expected findings sit in a sub-folder: the loader reads only the batch folder's own files
        BatchWriter expected = new BatchWriter(BatchWriter.createDirectory(outDir.resolve("expected")));
        expected.writeRows("expected-findings.csv", FINDINGS_HEADER, findings(w, true));
        expected.writeRows("expected-findings-later.csv", FINDINGS_HEADER, findings(w, false));
        new ReadmeWriter(w).write(outDir.resolve("README.md"));
    }

    static World build(WorkingDayCalendar calendar) {
        World w = new World(calendar);
        w.organise();
        w.batch.tariffs.addAll(w.tariffs.all());
        Metering metering = new Metering(w);
        Population population = new Population(w, metering);
        population.build();
        Expansion expansion = new Expansion(w, population);
        expansion.build();
        FieldWork fieldWork = new FieldWork(w, metering);
        PlantedCases cases = new PlantedCases(w, population, expansion, fieldWork);
        cases.prepareAfterHistoryCustomers();
        cases.beforeHistory();
        LaterCases later = new LaterCases(w, population, expansion, fieldWork, cases);
        later.beforeHistory();
        HistoryBuilder history = new HistoryBuilder(w);
        for (CustomerPlan plan : w.plans.values()) {
            history.realise(plan);
        }
        fieldWork.build();
        cases.postEdit.forEach(Runnable::run);
        cases.afterHistory();
        later.afterHistory.forEach(Runnable::run);
        return w;
    }

    static List<List<String>> findings(World w, boolean shipped) {
        List<World.PlantedCase> cases = new ArrayList<>(
                w.planted.stream().filter(c -> c.shipped() == shipped).toList());
        cases.sort(Comparator.comparing(World.PlantedCase::rule)
                .thenComparing(World.PlantedCase::subjectType)
                .thenComparing(World.PlantedCase::subjectId));
        List<List<String>> rows = new ArrayList<>();
        for (World.PlantedCase c : cases) {
            List<String> row = List.of(c.rule(), c.subjectType(), c.subjectId());
            if (!rows.contains(row)) {
                rows.add(row);
            }
        }
        return rows;
    }
}
