package org.jicha.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.MissingResourceException;
import java.util.stream.Collectors;
import org.jicha.config.Labels;

/**
 * Formats the values a finding's message carries as a person writes them: {@code 4622.5} not
 * {@code 4622.50000001}, {@code 20} not {@code 20.0}, money with two decimals, a contract code by its Chinese
 * name ({@code 估抄}, not {@code ESTIMATED}). Rules import these as functions
 * ({@code import function org.jicha.rules.Evidence.num;}).
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

    /**
     * The Chinese name of a code of the data contract: {@code label("readType", "ESTIMATED")} is {@code 估抄}. The
     * names are the message bundles' {@code code.<list>.<CODE>} keys (lists: docs/RULES.md, "Codes in evidence");
     * an empty code is {@code 空}, a code the list does not know is printed as it is.
     */
    public static String label(String list, String code) {
        if (code == null || code.isBlank()) {
            return "空";
        }
        try {
            return Labels.zh("code." + list + "." + code.strip());
        } catch (MissingResourceException unknown) {
            return code;
        }
    }

    /** The Chinese names of comma-separated codes of one list, joined by {@code 、}: {@code 勘查、装表接电}. */
    public static String labels(String list, String codes) {
        if (codes == null || codes.isBlank()) {
            return "空";
        }
        return Arrays.stream(codes.split("\\s*,\\s*"))
                .filter(c -> !c.isEmpty())
                .map(c -> label(list, c))
                .collect(Collectors.joining("、"));
    }
}
