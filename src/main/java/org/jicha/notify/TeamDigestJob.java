package org.jicha.notify;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: the daily digest per team user; never runs twice at once. */
@DisallowConcurrentExecution
public class TeamDigestJob extends QuartzJobBean {

    private final TeamDigest teamDigest;

    public TeamDigestJob(TeamDigest teamDigest) {
        this.teamDigest = teamDigest;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        teamDigest.run();
    }
}
