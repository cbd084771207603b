package org.jicha.notify;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** Quartz job: sends the due mails of the outbox; never runs twice at once. */
@DisallowConcurrentExecution
public class OutboxDispatcherJob extends QuartzJobBean {

    private final OutboxDispatcher dispatcher;

    public OutboxDispatcherJob(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        dispatcher.dispatchDue();
    }
}
