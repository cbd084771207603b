package org.jicha.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job of the nightly load-and-audit; never runs twice at once; re-run by Quartz after a crash. */
@DisallowConcurrentExecution
public class NightlyAuditJob extends QuartzJobBean {

    private final NightlyAudit nightlyAudit;

    public NightlyAuditJob(NightlyAudit nightlyAudit) {
        this.nightlyAudit = nightlyAudit;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        nightlyAudit.run(QuartzFiring.of(context));
    }
}
