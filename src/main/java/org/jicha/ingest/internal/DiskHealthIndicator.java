package org.jicha.ingest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.config.HealthLimits;
import org.jicha.ingest.IngestProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code disk}: the loader's disk budget ({@code jicha.ingest.disk-budget}, shared by the archive,
 * the failed batches and uploads being extracted) and the free space of the inbox's volume. DOWN when less than
 * {@code min-free-space} is free (uploads are refused with 507, inbox batches wait); a warning when the budget is
 * used beyond {@code jicha.health.disk-warn-share} (shorten {@code archive-retention} or raise the budget).
 */
@Component
class DiskHealthIndicator implements HealthIndicator {

    private final IngestProperties properties;
    private final HealthLimits limits;
    private final DiskBudget disk;

    DiskHealthIndicator(IngestProperties properties, HealthLimits limits) {
        this.properties = properties;
        this.limits = limits;
        this.disk = new DiskBudget(properties);
    }

    @Override
    public Health health() {
        long budget = properties.diskBudget().toBytes();
        long used = disk.used();
        long free = disk.freeSpace();
        long minFree = properties.minFreeSpace().toBytes();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("budget", budget);
        details.put("used", used);
        details.put("usedShare", budget == 0 ? 1.0 : Math.round(used * 1000.0 / budget) / 1000.0);
        details.put("free", free);
        details.put("minFree", minFree);
        details.put("archive", properties.archive().toAbsolutePath().normalize().toString());
        if (free < minFree) {
            details.put(
                    "problem",
                    "磁盘剩余空间低于下限，上传被拒，收件箱批次暂不加载 / less free space than min-free-space: "
                            + "uploads are refused and inbox batches wait");
            return Health.down().withDetails(details).build();
        }
        if (used >= budget * limits.diskWarnShare()) {
            details.put(
                    "problem",
                    "归档已用磁盘配额的 " + Math.round(used * 100.0 / Math.max(1, budget))
                            + "% / the archive uses more than " + Math.round(limits.diskWarnShare() * 100)
                            + "% of the disk budget");
            return Health.status(HealthLimits.WARNING).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
