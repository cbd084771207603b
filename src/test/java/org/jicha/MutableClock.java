package org.jicha;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A clock the test moves by hand, for a context whose "now" must jump (lockouts expiring, mails retried,
 * tickets falling overdue) without sleeping. Register it as the {@code @Primary} {@link Clock} bean.
 */
public final class MutableClock extends Clock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Instant start;
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.start = start;
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Back to where it started. */
    public void reset() {
        now = start;
    }

    /** Sets "now" to a local time in Shanghai. */
    public void setShanghai(LocalDateTime local) {
        now = local.atZone(SHANGHAI).toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
