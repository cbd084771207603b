package org.jicha.tools.bench;

/** Per-second rates from counts and milliseconds. */
final class Rates {

    private Rates() {}

    /** {@code count} per second of {@code millis}; 0 when nothing was timed. */
    static double perSecond(long count, long millis) {
        return millis <= 0 ? 0 : count * 1000.0 / millis;
    }
}
