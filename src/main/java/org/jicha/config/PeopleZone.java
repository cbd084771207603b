package org.jicha.config;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one time zone of what people see ({@code jicha.schedule.zone}, default Asia/Shanghai): every time on a
 * page, in a mail or a report, and the zone the schedules' crons are read in. The same key is read by
 * {@code schedule.ScheduleProperties}; the older per-module keys ({@code jicha.audit.zone},
 * {@code jicha.tickets.zone}, {@code jicha.reports.zone}, {@code jicha.notify.zone}) default to it in
 * application.yml and override it only when set on purpose.
 *
 * @param zone the utility's time zone
 */
@ConfigurationProperties("jicha.schedule")
public record PeopleZone(@DefaultValue("Asia/Shanghai") ZoneId zone) {}
