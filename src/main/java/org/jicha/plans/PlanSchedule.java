package org.jicha.plans;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.jicha.schedule.ScheduleProperties;
import org.jicha.schedule.TriggerSync;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The Quartz side of plans: one durable, recoverable job {@code plans.plan-audit} and, per enabled plan whose
 * schedule still fires, one cron trigger {@code plans.plan-<id>} carrying the plan id. Misfires fire once and
 * proceed. Called inside the plan's transaction (the JDBC job store joins Spring transactions), and once at
 * start to mend any drift between the plans and the stored triggers.
 */
@Component
class PlanSchedule implements SmartInitializingSingleton {

    static final String GROUP = "plans";
    static final JobKey JOB = JobKey.jobKey("plan-audit", GROUP);
    static final String PLAN_ID = "planId";

    private static final Logger log = LoggerFactory.getLogger(PlanSchedule.class);

    private final Scheduler scheduler;
    private final AuditPlanRepository plans;
    private final ZoneId zone;

    PlanSchedule(Scheduler scheduler, AuditPlanRepository plans, ScheduleProperties properties) {
        this.scheduler = scheduler;
        this.plans = plans;
        this.zone = properties.zone();
    }

    static TriggerKey triggerKey(long planId) {
        return TriggerKey.triggerKey("plan-" + planId, GROUP);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            scheduler.addJob(
                    JobBuilder.newJob(PlanAuditJob.class)
                            .withIdentity(JOB)
                            .withDescription("按稽查计划稽查 / audit by an audit plan")
                            .storeDurably()
                            .requestRecovery(true)
                            .build(),
                    true);
            Set<TriggerKey> wanted = plans.findAllByOrderByIdAsc().stream()
                    .filter(AuditPlan::isEnabled)
                    .map(p -> triggerKey(p.getId()))
                    .collect(Collectors.toSet());
            for (TriggerKey stored : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
                if (!wanted.contains(stored)) {
                    scheduler.unscheduleJob(stored);
                }
            }
            plans.findAllByOrderByIdAsc().forEach(this::sync);
        } catch (SchedulerException e) {
            throw new IllegalStateException("无法登记稽查计划任务 / cannot store the plan job: " + e.getMessage(), e);
        }
    }

    /** Makes the stored trigger match the plan: scheduled if enabled and still firing, else removed. */
    void sync(AuditPlan plan) {
        try {
            Optional<Trigger> trigger = plan.isEnabled() ? triggerFor(plan) : Optional.empty();
            if (trigger.isPresent()) {
                if (TriggerSync.ensure(scheduler, trigger.get())) {
                    log.info(
                            "Plan {} ({}) scheduled: next run {}",
                            plan.getId(),
                            plan.getName(),
                            scheduler.getTrigger(trigger.get().getKey()).getNextFireTime());
                }
            } else {
                TriggerSync.remove(scheduler, triggerKey(plan.getId()));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "无法更新稽查计划 " + plan.getId() + " 的触发器 / cannot update the trigger of plan " + plan.getId() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    void remove(long planId) {
        try {
            TriggerSync.remove(scheduler, triggerKey(planId));
        } catch (SchedulerException e) {
            throw new IllegalStateException(
                    "无法删除稽查计划 " + planId + " 的触发器 / cannot remove the trigger of plan " + planId + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** When the plan's trigger fires next; empty when it has none (disabled, or its range is over). */
    Optional<Instant> nextFireTime(long planId) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(planId));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** The cron trigger of a plan, or empty when its schedule will not fire again (a special audit past its range). */
    private Optional<Trigger> triggerFor(AuditPlan plan) {
        Date now = new Date();
        Date startAt = now;
        Date endAt = null;
        if (plan.getKind() == PlanKind.SPECIAL) {
            Date from = Date.from(plan.getStartsOn().atStartOfDay(zone).toInstant());
            startAt = from.after(now) ? from : now;
            endAt = Date.from(plan.getEndsOn().plusDays(1).atStartOfDay(zone).toInstant());
        }
        try {
            CronExpression cron = new CronExpression(plan.getCron());
            cron.setTimeZone(TimeZone.getTimeZone(zone));
            Date first = cron.getNextValidTimeAfter(new Date(startAt.getTime() - 1000));
            if (first == null || (endAt != null && !first.before(endAt))) {
                return Optional.empty();
            }
        } catch (ParseException e) {
            throw new InvalidPlanException("cron", e.getMessage());
        }
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(plan.getId()))
                .forJob(JOB)
                .withDescription(plan.getName())
                .usingJobData(PLAN_ID, plan.getId())
                .usingJobData(
                        TriggerSync.SIGNATURE,
                        plan.getCron() + "|" + zone.getId() + "|" + plan.getStartsOn() + "|" + plan.getEndsOn())
                .startAt(startAt);
        if (endAt != null) {
            builder.endAt(endAt);
        }
        return Optional.of(builder.withSchedule(CronScheduleBuilder.cronSchedule(plan.getCron())
                        .inTimeZone(TimeZone.getTimeZone(zone))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build());
    }
}
