package org.jicha.tools.generator.province;

import java.util.SplittableRandom;

/** Per-customer random sources derived from the run's seed and the customer's index (SplitMix64 finaliser). */
final class Seeds {

    private Seeds() {}

    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The random source of customer {@code index}: independent of every other customer's and of the order. */
    static SplittableRandom forCustomer(long seed, long index) {
        return new SplittableRandom(mix(seed, index));
    }
}
