package org.jicha.tools.generator.province;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.CsvFile;
import org.jicha.tools.generator.Names;
import org.jicha.tools.generator.Organisation;
import org.jicha.tools.generator.TariffBook;

/**
 * Writes a province-scale batch in the data contract's format, streaming: the organisation and the tariff
 * book first (small), then customer after customer, each with all its records, so memory does not grow with
 * the number of customers. Worker threads (one per core) render chunks of 1,000 customers in memory, which are
 * appended in customer order; each customer draws from its own seeded source, so the same options give the
 * same bytes whatever the scheduling.
 */
public final class ProvinceGenerator {

    /** Customers a worker renders at a time: a few MiB of rows at 13 months. */
    static final int CHUNK = 1_000;

    static final int MAX_THREADS = 8;

    private ProvinceGenerator() {}

    /** Generates the batch described by {@code options} into {@code options.out()} and says what was written. */
    public static GenerationSummary generate(GeneratorOptions options) {
        return generate(options, written -> {});
    }

    /**
     * Generates the batch, telling {@code customersWritten} how many customers are written so far after each
     * chunk of {@value #CHUNK} (for a command line's progress).
     */
    public static GenerationSummary generate(GeneratorOptions options, LongConsumer customersWritten) {
        long started = System.nanoTime();
        WorkingDayCalendar calendar = options.calendarFile() != null && Files.isRegularFile(options.calendarFile())
                ? CalendarFile.read(options.calendarFile())
                : WorkingDayCalendar.weekdaysOnly();
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "generator");
            t.setDaemon(true);
            return t;
        });
        BatchFiles files = BatchFiles.create(options.out());
        try {
            Organisation organisation = Organisation.province(
                    options.customers(),
                    options.stationCount(),
                    new UnitRows(files.units, files.staff, new SplittableRandom(Seeds.mix(options.seed(), -1))));
            writeTariffs(files.tariffs);
            // workers render chunks of customers in memory; they are appended in customer order, at most
            // 2 x threads chunks in flight, so the bytes do not depend on scheduling and memory stays bounded
            Deque<Future<BatchFiles>> inFlight = new ArrayDeque<>();
            long appended = 0;
            for (long from = 0; from < options.customers(); from += CHUNK) {
                long first = from;
                long end = Math.min(options.customers(), from + CHUNK);
                inFlight.add(workers.submit(() -> chunk(options, organisation, calendar, first, end)));
                if (inFlight.size() >= 2 * threads) {
                    files.append(take(inFlight));
                    appended = Math.min(options.customers(), appended + CHUNK); // chunks are appended in order
                    customersWritten.accept(appended);
                }
            }
            while (!inFlight.isEmpty()) {
                files.append(take(inFlight));
                appended = Math.min(options.customers(), appended + CHUNK);
                customersWritten.accept(appended);
            }
            files.close();
            GenerationSummary summary = new GenerationSummary(
                    options,
                    organisation.stations().size(),
                    files.rowCounts(),
                    files.planted.rows(),
                    files.nextNightCustomers.rows(),
                    System.nanoTime() - started);
            summary.writeManifest();
            return summary;
        } finally {
            files.close();
            workers.shutdownNow();
        }
    }

    private static BatchFiles chunk(
            GeneratorOptions options, Organisation organisation, WorkingDayCalendar calendar, long first, long end) {
        BatchFiles chunk = BatchFiles.inMemory();
        CustomerRecords records = new CustomerRecords(options, organisation, calendar, chunk);
        for (long i = first; i < end; i++) {
            records.write(i);
        }
        return chunk;
    }

    private static BatchFiles take(Deque<Future<BatchFiles>> inFlight) {
        try {
            return inFlight.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The units and staff files of the tree: staff numbered YX000001.., names drawn from the run's seed. */
    private static final class UnitRows implements Organisation.Rows {

        private final CsvFile units;
        private final CsvFile staff;
        private final SplittableRandom random;
        private int staffSeq;

        UnitRows(CsvFile units, CsvFile staff, SplittableRandom random) {
            this.units = units;
            this.staff = staff;
            this.random = random;
        }

        @Override
        public void unit(String code, String name, String parentCode, String type, String teamKind) {
            units.text(code)
                    .text(name)
                    .text(parentCode)
                    .text(type)
                    .text(teamKind)
                    .endRow();
        }

        @Override
        public String staff(String unitCode, String role) {
            String id = String.format("YX%06d", ++staffSeq);
            staff.text(id)
                    .text(Names.anyPerson(random))
                    .text(unitCode)
                    .text(role)
                    .endRow();
            return id;
        }
    }

    private static void writeTariffs(CsvFile f) {
        for (TariffBook.Rates v : TariffBook.province().rates()) {
            f.text(v.code())
                    .text(v.name())
                    .text(v.category())
                    .text(v.voltageKv())
                    .text(Double.toString(v.energyPrice()));
            if (v.tiered()) {
                f.text(plain(v.tier1Limit()))
                        .text(plain(v.tier2Limit()))
                        .text(Double.toString(v.tier2Price()))
                        .text(Double.toString(v.tier3Price()));
            } else {
                f.empty().empty().empty().empty();
            }
            if (v.twoPart()) {
                f.hundredths(Math.round(v.basicPriceKva() * 100)).hundredths(Math.round(v.basicPriceKw() * 100));
            } else {
                f.empty().empty();
            }
            if (v.pfStandard() > 0) {
                f.hundredths(Math.round(v.pfStandard() * 100));
            } else {
                f.empty();
            }
            f.date(v.validFrom()).date(v.validTo()).endRow();
        }
    }

    private static String plain(double v) {
        return Long.toString(Math.round(v));
    }
}
