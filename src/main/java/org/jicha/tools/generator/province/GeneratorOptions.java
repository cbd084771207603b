package org.jicha.tools.generator.province;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jicha.tools.generator.Organisation;
import org.jicha.tools.generator.TariffBook;

/**
 * What to generate: {@code customers} customers with {@code months} billing periods ending with the audited
 * period (the month before {@code asOf}), from {@code seed}; {@code deviationRate} of the customers carry one
 * planted deviation; {@code stations} 供电所 (0 = one per about 6,000 customers).
 *
 * @throws IllegalArgumentException naming the option when a value is out of range
 */
public record GeneratorOptions(
        long customers,
        int months,
        long seed,
        Path out,
        LocalDate asOf,
        double deviationRate,
        int stations,
        Path calendarFile) {

    /** The default as-of date: the 5th of the month after the last generated month, 2026-10. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 5);

    public static final int MAX_MONTHS = 60;
    public static final long MAX_CUSTOMERS = 99_999_999_999L;

    public GeneratorOptions {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException(
                    "--customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("--months must be between 1 and " + MAX_MONTHS + ", was " + months);
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        if (asOf == null) {
            asOf = DEFAULT_AS_OF;
        }
        if (YearMonth.from(asOf).minusMonths(months).atDay(1).isBefore(TariffBook.PROVINCE_FIRST_VALID)) {
            throw new IllegalArgumentException("--as-of " + asOf + " with --months " + months + " starts before "
                    + TariffBook.PROVINCE_FIRST_VALID + ", the first day the tariff book prices");
        }
        if (!(deviationRate >= 0 && deviationRate <= 1)) {
            throw new IllegalArgumentException("--deviation-rate must be between 0 and 1, was " + deviationRate);
        }
        if (stations < 0 || stations > customers) {
            throw new IllegalArgumentException(
                    "--stations must be between 1 and the number of customers (" + customers + "), was " + stations);
        }
    }

    /** The audited period: the month before the as-of date, the last generated month. */
    public YearMonth auditedPeriod() {
        return YearMonth.from(asOf).minusMonths(1);
    }

    public YearMonth firstPeriod() {
        return auditedPeriod().minusMonths(months - 1L);
    }

    int stationCount() {
        return stations > 0 ? stations : Organisation.defaultStations(customers);
    }
}
