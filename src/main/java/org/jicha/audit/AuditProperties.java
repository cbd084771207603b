package org.jicha.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit-run settings ({@code jicha.audit.*}).
 *
 * @param batchSize customers per rule evaluation batch (1k-10k facts per session is fastest)
 * @param zone      the utility's time zone: "today" for nightly runs and ticket dates
 */
@ConfigurationProperties("jicha.audit")
public record AuditProperties(@DefaultValue("1000") int batchSize, @DefaultValue("Asia/Shanghai") java.time.ZoneId zone) {
}
