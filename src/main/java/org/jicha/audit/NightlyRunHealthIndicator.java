package org.jicha.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.config.HealthLimits;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code nightlyRun}: how long ago the last nightly run completed (with or without rule errors).
 * Warns when that is longer ago than {@code jicha.health.nightly-max-age}, or when nightly runs happened but none
 * completed; UNKNOWN before the first nightly run. The latest nightly run is shown too (a FAILED one with its
 * root cause, a HELD one waiting for its data).
 */
@Component
class NightlyRunHealthIndicator implements HealthIndicator {

    private final AuditRunRepository runs;
    private final HealthLimits limits;
    private final AuditProperties properties;
    private final Clock clock;

    NightlyRunHealthIndicator(AuditRunRepository runs, HealthLimits limits, AuditProperties properties, Clock clock) {
        this.runs = runs;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("maxAge", limits.nightlyMaxAge().toString());
        AuditRun latest =
                runs.findFirstByTriggerOrderByIdDesc(RunTrigger.NIGHTLY).orElse(null);
        if (latest != null) {
            details.put("latestRun", latest.getId());
            details.put("latestStatus", latest.getStatus());
            if (latest.getFailedStep() != null) {
                details.put("latestFailedStep", latest.getFailedStep());
                details.put("latestRootCause", latest.getRootCause());
            }
        }
        AuditRun completed = runs.findFirstByTriggerAndStatusInOrderByIdDesc(RunTrigger.NIGHTLY, RunQueries.COMPLETED)
                .orElse(null);
        if (completed == null) {
            if (latest == null) {
                return Health.unknown()
                        .withDetails(details)
                        .withDetail("problem", "尚无夜间稽查运行 / no nightly run yet")
                        .build();
            }
            return Health.status(HealthLimits.WARNING)
                    .withDetails(details)
                    .withDetail("problem", "夜间稽查从未完成 / no nightly run has completed")
                    .build();
        }
        Duration age = Duration.between(completed.getFinishedAt(), now);
        details.put("lastCompletedRun", completed.getId());
        details.put("lastCompletedAt", completed.getFinishedAt().toString());
        details.put("lastCompletedAsOf", completed.getAsOf());
        details.put("ageHours", Math.round(age.toMinutes() / 6.0) / 10.0);
        if (age.compareTo(limits.nightlyMaxAge()) > 0) {
            return Health.status(HealthLimits.WARNING)
                    .withDetails(details)
                    .withDetail(
                            "problem",
                            "上次完成的夜间稽查已超过 " + limits.nightlyMaxAge().toHours() + " 小时 / the last completed nightly run "
                                    + "is older than " + limits.nightlyMaxAge().toHours() + " h")
                    .build();
        }
        return Health.up().withDetails(details).build();
    }
}
