package org.jicha.schedule;

import java.util.TimeZone;
import org.jicha.reports.ReportsProperties;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly feedback job and its cron trigger ({@code jicha.reports.feedback-cron}, default 06:00 on the
 * 2nd, Asia/Shanghai). A firing missed while the server was down runs once when it comes back; running twice
 * for a month overwrites the same files.
 */
@Configuration(proxyBeanMethods = false)
class MonthlyFeedbackSchedule {

    static final String FEEDBACK_JOB = "monthly-feedback";

    @Bean
    JobDetail monthlyFeedbackJobDetail() {
        return JobBuilder.newJob(MonthlyFeedbackJob.class)
                .withIdentity(FEEDBACK_JOB, "jicha")
                .withDescription("每月生成并归档各班组上月信息反馈 / monthly feedback reports of the month before, archived")
                .storeDurably()
                .requestRecovery(true)
                .build();
    }

    @Bean
    Trigger monthlyFeedbackTrigger(JobDetail monthlyFeedbackJobDetail, ReportsProperties properties) {
        return TriggerBuilder.newTrigger()
                .forJob(monthlyFeedbackJobDetail)
                .withIdentity(FEEDBACK_JOB, "jicha")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.feedbackCron())
                        .inTimeZone(TimeZone.getTimeZone(properties.zone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
