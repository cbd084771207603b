package org.jicha.generator;

import java.nio.file.Files;
import java.util.SplittableRandom;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.WorkingDayCalendar;

/**
 * Writes a province-scale batch in the data contract's format, streaming: the organisation and the tariff
 * book first (small), then customer after customer, each with all its records, so memory does not grow with
 * the number of customers. The same options give the same bytes.
 */
public final class ProvinceGenerator {

    private ProvinceGenerator() {
    }

    /** Generates the batch described by {@code options} into {@code options.out()} and says what was written. */
    public static GenerationSummary generate(GeneratorOptions options) {
        long started = System.nanoTime();
        WorkingDayCalendar calendar = options.calendarFile() != null && Files.isRegularFile(options.calendarFile())
                ? CalendarFile.read(options.calendarFile()) : WorkingDayCalendar.weekdaysOnly();
        try (BatchFiles files = new BatchFiles(options.out())) {
            Organisation organisation = Organisation.write(options.customers(), options.stationCount(),
                    new SplittableRandom(Seeds.mix(options.seed(), -1)), files.units, files.staff);
            writeTariffs(files.tariffs);
            CustomerRecords records = new CustomerRecords(options, organisation, calendar, files);
            for (long i = 0; i < options.customers(); i++) {
                records.write(i);
            }
            files.close();
            return new GenerationSummary(options, organisation.stations().size(), files.rowCounts(), files.planted.rows(),
                    System.nanoTime() - started);
        }
    }

    private static void writeTariffs(CsvFile f) {
        for (TariffBook.Version v : TariffBook.VERSIONS) {
            f.text(v.code()).text(v.name()).text(v.category()).text(v.voltageKv()).text(Double.toString(v.energyPrice()));
            if (v.tiered()) {
                f.text(plain(v.tier1Limit())).text(plain(v.tier2Limit())).text(Double.toString(v.tier2Price()))
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
