package org.jicha;

import java.time.Duration;

/**
 * How long a test waits for something asynchronous: measured on the monotonic clock, never on the wall
 * clock, so a test's "now" (the product's fixed {@code Clock}) and a wait are never confused.
 */
public final class Deadline {

    private final long endNanos;

    private Deadline(Duration wait) {
        this.endNanos = System.nanoTime() + wait.toNanos();
    }

    public static Deadline in(Duration wait) {
        return new Deadline(wait);
    }

    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    public boolean pending() {
        return !passed();
    }
}
