package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The national power-factor adjustment table ((83)水电财字第215号) as in
 * {@code shared/design/pf-adjustment-table.md}: the adjustment percentage for a standard and an actual
 * power factor rounded to two decimals (positive = surcharge, negative = reward).
 */
final class PfAdjustment {

    private PfAdjustment() {
    }

    /** pf = kWh / sqrt(kWh^2 + kvarh^2), rounded half-up to 2 decimals; null when kWh is 0. */
    static BigDecimal actualPf(BigDecimal kwh, BigDecimal kvarh) {
        if (kwh.signum() == 0) {
            return null;
        }
        MathContext mc = new MathContext(30);
        BigDecimal apparent = kwh.pow(2).add(kvarh.pow(2)).sqrt(mc);
        return kwh.divide(apparent, mc).setScale(2, RoundingMode.HALF_UP);
    }

    /** Adjustment percentage, e.g. -0.75 or 5.0. */
    static BigDecimal ratePercent(BigDecimal standard, BigDecimal pf) {
        int p = pf.movePointRight(2).intValueExact();
        int s = standard.movePointRight(2).intValueExact();
        double rate = switch (s) {
            case 90 -> standard90(p);
            case 85 -> standard85(p);
            case 80 -> standard80(p);
            default -> throw new IllegalArgumentException("no table for standard " + standard);
        };
        return BigDecimal.valueOf(rate).setScale(2, RoundingMode.HALF_UP);
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
