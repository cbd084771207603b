package org.jicha.schedule;

import org.jicha.audit.PartitionLauncher;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.stereotype.Component;

/**
 * One Quartz job per partition: not durable (it goes once its one-shot trigger has fired and the job ended),
 * requesting recovery (re-run by another node if its node dies), fired now by whichever node's scheduler
 * acquires it first. Stored through the caller's transaction (Spring's {@code LocalDataSourceJobStore}).
 */
@Component
class QuartzPartitionLauncher implements PartitionLauncher {

    static final String GROUP = "audit-partitions";

    private final Scheduler scheduler;

    QuartzPartitionLauncher(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void launch(long runId, int partNo) {
        String name = "run-" + runId + "-part-" + partNo;
        JobDetail job = JobBuilder.newJob(AuditPartitionJob.class)
                .withIdentity(name, GROUP)
                .withDescription("稽查运行 " + runId + " 分区 " + partNo + " / audit run " + runId + " partition " + partNo)
                .usingJobData(AuditPartitionJob.RUN_ID, runId)
                .usingJobData(AuditPartitionJob.PART_NO, partNo)
                .requestRecovery(true)
                .build();
        try {
            scheduler.scheduleJob(
                    job,
                    TriggerBuilder.newTrigger()
                            .withIdentity(name, GROUP)
                            .startNow()
                            .withSchedule(
                                    SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("无法登记分区任务 / cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }
}
