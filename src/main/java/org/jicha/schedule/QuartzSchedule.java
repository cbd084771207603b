package org.jicha.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The nightly job and its cron trigger. A firing missed while the server was down runs once when it
 * comes back (misfire: fire now).
 */
@Configuration(proxyBeanMethods = false)
class QuartzSchedule {

    static final String NIGHTLY_JOB = "nightly-audit";

    @Bean
    JobDetail nightlyAuditJobDetail() {
        return JobBuilder.newJob(NightlyAuditJob.class).withIdentity(NIGHTLY_JOB, "jicha")
                .withDescription("每日装载收件箱批次并稽查 / nightly load of inbox batches and audit")
                .storeDurably().requestRecovery(true).build();
    }

    @Bean
    Trigger nightlyAuditTrigger(JobDetail nightlyAuditJobDetail, ScheduleProperties properties) {
        return TriggerBuilder.newTrigger().forJob(nightlyAuditJobDetail).withIdentity(NIGHTLY_JOB, "jicha")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.nightlyCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
