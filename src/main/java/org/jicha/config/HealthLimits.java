package org.jicha.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.Status;

/**
 * When the operator's health components ({@code /actuator/health}, docs/OPERATIONS.md "Operator's view") warn:
 * {@code jicha.health.*}. A component that warns answers {@link #WARNING}: the application still serves (HTTP 200),
 * but something needs the operator's attention; DOWN (HTTP 503) is kept for what stops the nightly work.
 *
 * @param nightlyMaxAge     the last completed nightly run may be this old (default 36h: one missed night warns)
 * @param calendarDays      the working-day calendar must cover today and this many days ahead (default 90)
 * @param outboxMaxPending  mails waiting to be sent above which the outbox warns (default 200)
 * @param outboxMaxFailed   mails given up above which the outbox warns (default 0: any failed mail)
 * @param diskWarnShare     the share of {@code jicha.ingest.disk-budget} used above which the disk warns (0.9)
 */
@ConfigurationProperties("jicha.health")
public record HealthLimits(
        @DefaultValue("36h") Duration nightlyMaxAge,
        @DefaultValue("90") int calendarDays,
        @DefaultValue("200") long outboxMaxPending,
        @DefaultValue("0") long outboxMaxFailed,
        @DefaultValue("0.9") double diskWarnShare) {

    /** A component that needs attention while the application still works (ordered between DOWN and UP). */
    public static final Status WARNING = new Status("WARNING");

    public HealthLimits {
        if (calendarDays < 0) {
            throw new IllegalArgumentException("jicha.health.calendar-days must not be negative, not " + calendarDays);
        }
        if (diskWarnShare <= 0 || diskWarnShare > 1) {
            throw new IllegalArgumentException(
                    "jicha.health.disk-warn-share must be above 0 and at most 1, not " + diskWarnShare);
        }
    }
}
