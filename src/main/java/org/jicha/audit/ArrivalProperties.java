package org.jicha.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data-arrival check ({@code jicha.audit.arrival.*}): before a nightly, plan or person's run audits period P,
 * every station (of the run's scope) with in-service meters must have P's extract.
 *
 * @param minReadingShare readings of P per in-service meter a station needs (0-1)
 * @param minBillShare    customers billed for P per metered customer a station needs (0-1)
 */
@ConfigurationProperties("jicha.audit.arrival")
public record ArrivalProperties(
        @DefaultValue("0.8") double minReadingShare,
        @DefaultValue("0.8") double minBillShare) {

    public ArrivalProperties {
        if (minReadingShare < 0 || minReadingShare > 1) {
            throw new IllegalArgumentException(
                    "jicha.audit.arrival.min-reading-share must be between 0 and 1, not " + minReadingShare);
        }
        if (minBillShare < 0 || minBillShare > 1) {
            throw new IllegalArgumentException(
                    "jicha.audit.arrival.min-bill-share must be between 0 and 1, not " + minBillShare);
        }
    }
}
