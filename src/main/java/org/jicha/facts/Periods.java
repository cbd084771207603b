package org.jicha.facts;

import java.time.LocalDate;
import java.time.YearMonth;

/** Billing months as {@code yyyy-MM} strings, the contract's format. */
final class Periods {

    private Periods() {
    }

    static YearMonth parse(String period) {
        return YearMonth.parse(period);
    }

    static String minus(String period, int months) {
        return parse(period).minusMonths(months).toString();
    }

    static LocalDate start(String period) {
        return parse(period).atDay(1);
    }

    static LocalDate end(String period) {
        return parse(period).atEndOfMonth();
    }
}
