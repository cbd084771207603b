package org.jicha.schedule;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly schedule ({@code jicha.schedule.*}).
 *
 * @param nightlyCron Quartz cron of the nightly load-and-audit (default 02:00)
 * @param zone        the time zone the cron is read in (default Asia/Shanghai)
 * @param instanceId  the Quartz scheduler instance id (used by {@code spring.quartz.properties}): it must stay
 *                    the same across restarts, because a non-clustered JDBC store recovers only the jobs its
 *                    own instance id left running; in a cluster ({@code cluster} profile) it must differ per
 *                    node, {@code AUTO} or {@code JICHA_NODE_ID}, and any live node recovers a dead one's jobs
 */
@ConfigurationProperties("jicha.schedule")
public record ScheduleProperties(
        @DefaultValue("0 0 2 * * ?") String nightlyCron,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("jicha-node") String instanceId) {}
