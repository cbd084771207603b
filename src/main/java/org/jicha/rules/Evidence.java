package org.jicha.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats the values a finding's message carries as a person writes them: {@code 4622.5} not
 * {@code 4622.50000001}, {@code 20} not {@code 20.0}, money with two decimals. Rules import these as
 * functions ({@code import function org.jicha.rules.Evidence.num;}).
 */
public final class Evidence {

    private Evidence() {}

    /** A measured value (register reading, kWh, ratio, kV) with at most three decimals and no trailing zeros. */
    public static String num(Double value) {
        if (value == null) {
            return "空";
        }
        return BigDecimal.valueOf(value)
                .setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** An amount of money in yuan, with two decimals. */
    public static String yuan(Double value) {
        if (value == null) {
            return "空";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A unit price (yuan/kWh, yuan/kVA, a daily rate) with at most six decimals and no trailing zeros: 0.5283, 27. */
    public static String price(Double value) {
        if (value == null) {
            return "空";
        }
        return BigDecimal.valueOf(value)
                .setScale(6, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
