package org.jicha.tools.generator.province;

import java.util.SplittableRandom;

/** The shapes the generator draws numbers in, from a customer's own random source. */
final class Draws {

    private Draws() {}

    static long between(SplittableRandom r, long low, long high) {
        return low + r.nextLong(high - low + 1);
    }

    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
