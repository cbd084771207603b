package org.jicha.plans;

import org.jicha.schedule.QuartzFiring;
import org.quartz.JobExecutionContext;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * The Quartz job of every plan's trigger: runs the plan named by the trigger's {@code planId}. Runs that meet
 * a running run wait for it (in {@code AuditService}); a firing recovered after a crash re-runs its run.
 */
public class PlanAuditJob extends QuartzJobBean {

    private final PlanService plans;

    public PlanAuditJob(PlanService plans) {
        this.plans = plans;
    }

    @Override
    protected void executeInternal(JobExecutionContext context) {
        plans.runScheduled(context.getMergedJobDataMap().getLong(PlanSchedule.PLAN_ID), QuartzFiring.of(context));
    }
}
