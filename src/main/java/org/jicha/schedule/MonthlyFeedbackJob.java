package org.jicha.schedule;

import org.jicha.reports.ReportArchive;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job of the monthly feedback reports (信息反馈) of the month before; never runs twice at once. */
@DisallowConcurrentExecution
public class MonthlyFeedbackJob extends QuartzJobBean {

    private final ReportArchive archive;

    public MonthlyFeedbackJob(ReportArchive archive) {
        this.archive = archive;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        archive.archivePreviousMonth();
    }
}
