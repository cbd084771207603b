package org.jicha.notify;

import java.time.Duration;

/**
 * How long to wait before the next attempt: the initial delay after the first failure, doubled after each
 * further one, never more than the cap (1, 2, 4, 8 ... minutes by default, at most an hour).
 */
record RetryBackoff(Duration initial, Duration max) {

    static RetryBackoff of(NotifyProperties properties) {
        return new RetryBackoff(properties.retryInitialDelay(), properties.retryMaxDelay());
    }

    /** The delay after the given number of failed attempts (1 or more). */
    Duration after(int failedAttempts) {
        int doublings = Math.max(0, failedAttempts - 1);
        if (doublings >= 31) {
            return max;
        }
        Duration d = initial.multipliedBy(1L << doublings);
        return d.compareTo(max) > 0 ? max : d;
    }
}
