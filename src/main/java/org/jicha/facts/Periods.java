package org.jicha.facts;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Billing months as {@code yyyy-MM} strings, the contract's format. The audit works with them for every
 * reading, bill and history lookup of every customer, so the common case (a year from 1900 to 2199) is
 * parsed and shifted by arithmetic and answered from a table of the strings, without a formatter; anything
 * else goes through {@link YearMonth#parse}, which also gives the usual error for a malformed period.
 */
final class Periods {

    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 300;
    private static final String[] TEXT = new String[YEARS * 12];

    static {
        for (int i = 0; i < TEXT.length; i++) {
            TEXT[i] = YearMonth.of(FIRST_YEAR + i / 12, i % 12 + 1).toString();
        }
    }

    private Periods() {}

    static YearMonth parse(String period) {
        int index = index(period);
        return index < 0 ? YearMonth.parse(period) : YearMonth.of(FIRST_YEAR + index / 12, index % 12 + 1);
    }

    static String minus(String period, int months) {
        int index = index(period);
        if (index >= 0 && index - months >= 0 && index - months < TEXT.length) {
            return TEXT[index - months];
        }
        return YearMonth.parse(period).minusMonths(months).toString();
    }

    /** Months from {@code earlier} to {@code later} (negative when later is earlier). */
    static int monthsBetween(String earlier, String later) {
        int from = index(earlier);
        int to = index(later);
        if (from >= 0 && to >= 0) {
            return to - from;
        }
        return (int) ChronoUnit.MONTHS.between(YearMonth.parse(earlier), YearMonth.parse(later));
    }

    static LocalDate start(String period) {
        return parse(period).atDay(1);
    }

    static LocalDate end(String period) {
        return parse(period).atEndOfMonth();
    }

    /** The month's place in the table, or -1 when {@code period} is not a {@code yyyy-MM} the table holds. */
    private static int index(String period) {
        if (period == null || period.length() != 7 || period.charAt(4) != '-') {
            return -1;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            int d = period.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            year = year * 10 + d;
        }
        int m1 = period.charAt(5) - '0';
        int m2 = period.charAt(6) - '0';
        if (m1 < 0 || m1 > 1 || m2 < 0 || m2 > 9) {
            return -1;
        }
        int month = m1 * 10 + m2;
        if (month < 1 || month > 12 || year < FIRST_YEAR || year >= FIRST_YEAR + YEARS) {
            return -1;
        }
        return (year - FIRST_YEAR) * 12 + month - 1;
    }
}
