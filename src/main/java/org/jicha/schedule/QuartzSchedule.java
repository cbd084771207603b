package org.jicha.schedule;

import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The nightly job and its cron trigger, stored before the scheduler starts. A firing missed while the server
 * was down runs once when it comes back (misfire: fire and proceed); a firing that was running when the
 * process died is run again (the job requests recovery). The trigger is replaced only when its cron or zone
 * changed (see {@link TriggerSync}), never at every start, or the missed firing would be lost.
 */
@Component
class QuartzSchedule implements SmartInitializingSingleton {

    static final String NIGHTLY_JOB = "nightly-audit";
    static final String GROUP = "jicha";

    private final Scheduler scheduler;
    private final ScheduleProperties properties;

    QuartzSchedule(Scheduler scheduler, ScheduleProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            TriggerSync.ensure(scheduler, nightlyAuditJobDetail(), nightlyAuditTrigger());
        } catch (SchedulerException e) {
            throw new IllegalStateException("无法登记每日稽查任务 / cannot store the nightly job: " + e.getMessage(), e);
        }
    }

    JobDetail nightlyAuditJobDetail() {
        return JobBuilder.newJob(NightlyAuditJob.class)
                .withIdentity(NIGHTLY_JOB, GROUP)
                .withDescription("每日装载收件箱批次并稽查 / nightly load of inbox batches and audit")
                .storeDurably()
                .requestRecovery(true)
                .build();
    }

    Trigger nightlyAuditTrigger() {
        return TriggerBuilder.newTrigger()
                .forJob(NIGHTLY_JOB, GROUP)
                .withIdentity(NIGHTLY_JOB, GROUP)
                .usingJobData(
                        TriggerSync.SIGNATURE,
                        properties.nightlyCron() + "|" + properties.zone().getId())
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.nightlyCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
