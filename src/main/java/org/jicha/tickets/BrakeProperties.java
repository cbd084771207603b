package org.jicha.tickets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brake on floods of new tickets ({@code jicha.tickets.brake.*}); see {@link TicketBrake}.
 *
 * @param factor          a rule's tickets of the audited period (with the run's new ones) above this many times the
 *                        median of its earlier periods hold the run's new tickets of that rule
 * @param minNew          a run never holds a rule that opens this many new tickets or fewer
 * @param lookbackPeriods how many earlier audited periods the median is taken over
 */
@ConfigurationProperties("jicha.tickets.brake")
public record BrakeProperties(
        @DefaultValue("5") double factor,
        @DefaultValue("50") long minNew,
        @DefaultValue("6") int lookbackPeriods) {

    public BrakeProperties {
        if (factor < 1) {
            throw new IllegalArgumentException("jicha.tickets.brake.factor must be at least 1, not " + factor);
        }
        if (minNew < 0) {
            throw new IllegalArgumentException("jicha.tickets.brake.min-new must not be negative, not " + minNew);
        }
        if (lookbackPeriods < 1) {
            throw new IllegalArgumentException(
                    "jicha.tickets.brake.lookback-periods must be at least 1, not " + lookbackPeriods);
        }
    }
}
