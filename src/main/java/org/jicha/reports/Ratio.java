package org.jicha.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A ratio's numerator and denominator, as counted. With a zero denominator there is nothing to measure:
 * {@link #value()} is null and prints as "—", never 0 % or NaN.
 */
record Ratio(long numerator, long denominator) {

    public Ratio {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("ratio " + numerator + "/" + denominator);
        }
    }

    /** The ratio as a fraction with six decimals, or null when the denominator is zero. */
    public BigDecimal value() {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP);
    }
}
