package org.jicha.audit;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit-run settings ({@code jicha.audit.*}).
 *
 * @param batchSize        customers per rule evaluation batch (1k-10k facts per session is fastest)
 * @param zone             the utility's time zone: "today" for nightly runs and ticket dates
 * @param batchPause       pause between batches to spare a shared database (default 0: none)
 * @param scheduledRunWait how long a scheduled run (nightly, plan) waits for a running run to end before it
 *                         gives up; the HTTP API never waits (409 at once)
 * @param horizonDays      how many days a full run looks ahead (never past its month) so that incremental runs
 *                         can build on it until then; 0 = no look-ahead, every run is full
 * @param incrementalNightly whether the nightly job asks for an incremental run (a full one when no base serves)
 * @param partitions       0 (default): the nightly run is one run on one node; N > 0: it is split into N customer
 *                         key ranges (plus one for the applications without a customer), one Quartz job each, so
 *                         the nodes of a Quartz cluster share it (docs/SCALING.md)
 * @param maxErrorsPerRule how many of a rule's errors (subjects it threw on) a run keeps and shows; every error is
 *                         counted (issue 11: a rule that throws is left out for that subject, the run completes with
 *                         errors)
 */
@ConfigurationProperties("jicha.audit")
public record AuditProperties(
        @DefaultValue("1000") int batchSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("0s") Duration batchPause,
        @DefaultValue("6h") Duration scheduledRunWait,
        @DefaultValue("7") int horizonDays,
        @DefaultValue("true") boolean incrementalNightly,
        @DefaultValue("0") int partitions,
        @DefaultValue("20") int maxErrorsPerRule) {

    public AuditProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("jicha.audit.batch-size must be at least 1, not " + batchSize);
        }
        if (horizonDays < 0 || horizonDays > 31) {
            throw new IllegalArgumentException("jicha.audit.horizon-days must be between 0 and 31, not " + horizonDays);
        }
        if (maxErrorsPerRule < 0) {
            throw new IllegalArgumentException(
                    "jicha.audit.max-errors-per-rule must not be negative, not " + maxErrorsPerRule);
        }
    }

    /** Waits {@code batchPause} between two batches (nothing when it is 0); an interrupt ends the run. */
    void pauseBetweenBatches() {
        if (batchPause.isZero() || batchPause.isNegative()) {
            return;
        }
        try {
            Thread.sleep(batchPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("稽查线程被中断 / the audit's thread was interrupted", e);
        }
    }
}
