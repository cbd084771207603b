package org.jicha.notify;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notice jobs and their cron triggers (Quartz, JDBC store). A daily job missed while the server was
 * down runs once when it comes back (the dedup keys make a late second run harmless); a missed minute of
 * the dispatcher is simply skipped, the next one sends everything due.
 */
@Configuration(proxyBeanMethods = false)
class NotifySchedule {

    static final String GROUP = "jicha-notify";
    static final String DISPATCH_JOB = "outbox-dispatcher";
    static final String OVERDUE_JOB = "overdue-check";
    static final String DIGEST_JOB = "team-digest";

    @Bean
    JobDetail outboxDispatcherJobDetail() {
        return JobBuilder.newJob(OutboxDispatcherJob.class)
                .withIdentity(DISPATCH_JOB, GROUP)
                .withDescription("发送发件箱中到期的邮件 / send the due mails of the outbox")
                .storeDurably()
                .build();
    }

    @Bean
    Trigger outboxDispatcherTrigger(JobDetail outboxDispatcherJobDetail, NotifyProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(outboxDispatcherJobDetail)
                .withIdentity(DISPATCH_JOB, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.dispatchCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionDoNothing())
                .build();
    }

    @Bean
    JobDetail overdueCheckJobDetail() {
        return JobBuilder.newJob(OverdueCheckJob.class)
                .withIdentity(OVERDUE_JOB, GROUP)
                .withDescription("逾期检查与督办升级 / overdue check and escalation")
                .storeDurably()
                .requestRecovery(true)
                .build();
    }

    @Bean
    Trigger overdueCheckTrigger(JobDetail overdueCheckJobDetail, NotifyProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(overdueCheckJobDetail)
                .withIdentity(OVERDUE_JOB, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.overdueCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    JobDetail teamDigestJobDetail() {
        return JobBuilder.newJob(TeamDigestJob.class)
                .withIdentity(DIGEST_JOB, GROUP)
                .withDescription("班组每日工单提醒 / daily digest per team user")
                .storeDurably()
                .requestRecovery(true)
                .build();
    }

    @Bean
    Trigger teamDigestTrigger(JobDetail teamDigestJobDetail, NotifyProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(teamDigestJobDetail)
                .withIdentity(DIGEST_JOB, GROUP)
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.digestCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
