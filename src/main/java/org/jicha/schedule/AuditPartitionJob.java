package org.jicha.schedule;

import org.jicha.audit.PartitionedAudits;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz job of one partition of a partitioned audit run (run id and part number in its job data). It requests
 * recovery: if its node dies, another node of the cluster (or this one after a restart) runs it again, and the
 * partition resumes after its last committed batch.
 */
public class AuditPartitionJob extends QuartzJobBean {

    static final String RUN_ID = "runId";
    static final String PART_NO = "partNo";

    private final PartitionedAudits partitions;

    public AuditPartitionJob(PartitionedAudits partitions) {
        this.partitions = partitions;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        String node;
        try {
            node = context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            node = "unknown";
        }
        partitions.runPartition(
                context.getMergedJobDataMap().getLong(RUN_ID),
                context.getMergedJobDataMap().getInt(PART_NO),
                node);
    }
}
