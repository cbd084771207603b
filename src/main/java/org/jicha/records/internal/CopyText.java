package org.jicha.records.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Decimals and dates written into COPY's text by hand: {@link BigDecimal#toPlainString()} and
 * {@link LocalDate#toString()} built a string per value and were a third of the loader's time on the big files. The
 * same characters as those methods give ({@code CopyTextTests} holds them to it); values outside the fast paths (a
 * negative scale, more than 18 digits, a year outside 1000-9999) take those methods.
 */
final class CopyText {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private CopyText() {}

    /** {@code number.toPlainString()} appended to {@code text}. */
    static void appendDecimal(StringBuilder text, BigDecimal number) {
        int scale = number.scale();
        if (scale < 0 || scale > 18 || number.precision() > 18) {
            text.append(number.toPlainString());
            return;
        }
        long unscaled = number.unscaledValue().longValue();
        if (unscaled < 0) {
            text.append('-');
            unscaled = -unscaled;
        }
        if (scale == 0) {
            text.append(unscaled);
            return;
        }
        long power = POWERS_OF_TEN[scale];
        text.append(unscaled / power).append('.');
        long fraction = unscaled % power;
        for (long digit = power / 10; digit > 1 && fraction < digit; digit /= 10) {
            text.append('0');
        }
        text.append(fraction);
    }

    /** {@code date.toString()} (ISO {@code yyyy-MM-dd}) appended to {@code text}. */
    static void appendDate(StringBuilder text, LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            text.append(date);
            return;
        }
        text.append(year).append('-');
        twoDigits(text, date.getMonthValue());
        text.append('-');
        twoDigits(text, date.getDayOfMonth());
    }

    private static void twoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
