package org.jicha.notify;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: the nightly overdue check and escalation; never runs twice at once. */
@DisallowConcurrentExecution
public class OverdueCheckJob extends QuartzJobBean {

    private final OverdueEscalation overdueEscalation;

    public OverdueCheckJob(OverdueEscalation overdueEscalation) {
        this.overdueEscalation = overdueEscalation;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        overdueEscalation.run();
    }
}
