package org.jicha.tools.generator.province;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.jicha.tools.generator.TariffBook;

/**
 * The billing months a batch covers, worked out once per worker: the periods, the first day of the window, the
 * as-of date, the bill-number prefix of each period and the tariff version that prices each period.
 */
final class Window {

    final YearMonth[] periods;
    final LocalDate windowStart;
    final LocalDate asOf;
    final int months;
    private final String[] billPrefix;
    private final Map<String, TariffBook.Rates[]> versions = new HashMap<>();

    Window(GeneratorOptions options) {
        this.months = options.months();
        this.periods = new YearMonth[months];
        for (int j = 0; j < months; j++) {
            periods[j] = options.firstPeriod().plusMonths(j);
        }
        this.windowStart = periods[0].atDay(1);
        this.billPrefix = new String[months];
        for (int j = 0; j < months; j++) {
            billPrefix[j] = "DF" + periods[j].getYear() + (periods[j].getMonthValue() < 10 ? "0" : "")
                    + periods[j].getMonthValue();
        }
        for (TariffBook.Rates v : TariffBook.province().rates()) {
            versions.computeIfAbsent(v.code(), code -> {
                TariffBook.Rates[] byPeriod = new TariffBook.Rates[months];
                for (int j = 0; j < months; j++) {
                    byPeriod[j] = TariffBook.province().ratesFor(code, periods[j]);
                }
                return byPeriod;
            });
        }
        this.asOf = options.asOf();
    }

    /** The bill-number prefix of period {@code j}, e.g. DF202610. */
    String billPrefix(int j) {
        return billPrefix[j];
    }

    /** The version of tariff {@code code} the rules apply to period {@code j}. */
    TariffBook.Rates rates(String code, int j) {
        return versions.get(code)[j];
    }
}
