package org.jicha.tools.generator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The national power-factor adjustment table ((83)水电财字第215号) as in
 * {@code shared/design/pf-adjustment-table.md}: the adjustment percentage for a standard and an actual
 * power factor in hundredths (positive = surcharge, negative = reward), and the actual power factor as the rules
 * compute it (BillFact). One table; each generator keeps the rounding its bills were always priced with.
 */
public final class PfAdjustment {

    private PfAdjustment() {}

    /** pf = kWh / sqrt(kWh^2 + kvarh^2), rounded half-up to 2 decimals; null when kWh is 0. */
    public static BigDecimal actualPf(BigDecimal kwh, BigDecimal kvarh) {
        if (kwh.signum() == 0) {
            return null;
        }
        MathContext mc = new MathContext(30);
        BigDecimal apparent = kwh.pow(2).add(kvarh.pow(2)).sqrt(mc);
        return kwh.divide(apparent, mc).setScale(2, RoundingMode.HALF_UP);
    }

    /** The actual power factor in hundredths, e.g. 90 for 0.90, computed as {@link #actualPf} does. */
    public static int actualPfHundredths(double kwh, double kvarh) {
        MathContext mc = new MathContext(30);
        BigDecimal k = BigDecimal.valueOf(kwh);
        BigDecimal q = BigDecimal.valueOf(kvarh);
        BigDecimal apparent = k.pow(2).add(q.pow(2)).sqrt(mc);
        return k.divide(apparent, mc)
                .setScale(2, RoundingMode.HALF_UP)
                .movePointRight(2)
                .intValueExact();
    }

    /** Adjustment percentage, e.g. -0.75 or 5.00, rounded half-up to 2 decimals. */
    public static BigDecimal ratePercent(BigDecimal standard, BigDecimal pf) {
        double rate = table(
                standard.movePointRight(2).intValueExact(), pf.movePointRight(2).intValueExact());
        return BigDecimal.valueOf(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Adjustment percentage for a standard such as 0.85 and a pf in hundredths, rounded to 2 decimals. */
    public static double ratePercent(double standard, int pf) {
        double rate = table((int) Math.round(standard * 100), pf);
        return Math.round(rate * 100) / 100.0;
    }

    private static double table(int standard, int p) {
        return switch (standard) {
            case 90 -> standard90(p);
            case 85 -> standard85(p);
            case 80 -> standard80(p);
            default -> throw new IllegalArgumentException("no pf table for standard " + standard / 100.0);
        };
    }

    private static double standard90(int p) {
        if (p >= 95) {
            return -0.75;
        }
        if (p >= 90) {
            return -0.15 * (p - 90);
        }
        if (p >= 70) {
            return 0.5 * (90 - p);
        }
        if (p >= 65) {
            return 10 + (70 - p);
        }
        return 15 + 2 * (65 - p);
    }

    private static double standard85(int p) {
        if (p >= 94) {
            return -1.10;
        }
        if (p >= 91) {
            return -0.65 - 0.15 * (p - 91);
        }
        if (p >= 85) {
            return -0.1 * (p - 85);
        }
        if (p >= 65) {
            return 0.5 * (85 - p);
        }
        if (p >= 60) {
            return 10 + (65 - p);
        }
        return 15 + 2 * (60 - p);
    }

    private static double standard80(int p) {
        if (p >= 92) {
            return -1.30;
        }
        if (p == 91) {
            return -1.15;
        }
        if (p >= 80) {
            return -0.1 * (p - 80);
        }
        if (p >= 60) {
            return 0.5 * (80 - p);
        }
        if (p >= 55) {
            return 10 + (60 - p);
        }
        return 15 + 2 * (55 - p);
    }
}
