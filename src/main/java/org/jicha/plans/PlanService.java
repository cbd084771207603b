package org.jicha.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jicha.audit.AuditProperties;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.schedule.QuartzFiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans: create, change, enable, disable, delete (each keeping the plan's Quartz trigger in step, in the same
 * transaction, and recorded in the audit trail with who did it), run now or on schedule, and read the execution
 * figures. A scheduled run is held while its period's data has not arrived; a person's run-now is refused then,
 * unless an auditor forces it with a reason.
 */
@Service
public class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final AuditPlanRepository plans;
    private final PlanValidator validator;
    private final PlanSchedule schedule;
    private final PlanFiguresQuery figures;
    private final AuditService audits;
    private final AuditProperties auditProperties;
    private final AuditTrail trail;
    private final Clock clock;

    PlanService(
            AuditPlanRepository plans,
            PlanValidator validator,
            PlanSchedule schedule,
            PlanFiguresQuery figures,
            AuditService audits,
            AuditProperties auditProperties,
            AuditTrail trail,
            Clock clock) {
        this.plans = plans;
        this.validator = validator;
        this.schedule = schedule;
        this.figures = figures;
        this.audits = audits;
        this.auditProperties = auditProperties;
        this.trail = trail;
        this.clock = clock;
    }

    @Transactional
    public PlanView create(PlanDefinition definition, String by) {
        validator.check(definition);
        AuditPlan plan = plans.saveAndFlush(AuditPlan.create(definition, now()));
        schedule.sync(plan);
        trail.record(by, "PLAN_CREATED", "plan:" + plan.getId(), definition.toString());
        log.info("Audit plan {} ({}) created by {}", plan.getId(), plan.getName(), by);
        return view(plan);
    }

    @Transactional
    public PlanView update(long id, PlanDefinition definition, String by) {
        validator.check(definition);
        AuditPlan plan = find(id);
        plan.update(definition, now());
        plans.saveAndFlush(plan);
        schedule.sync(plan);
        trail.record(by, "PLAN_CHANGED", "plan:" + id, definition.toString());
        return view(plan);
    }

    @Transactional
    public PlanView enable(long id, String by) {
        AuditPlan plan = find(id);
        plan.enable(now());
        plans.saveAndFlush(plan);
        schedule.sync(plan);
        trail.record(by, "PLAN_ENABLED", "plan:" + id, plan.getName());
        return view(plan);
    }

    @Transactional
    public PlanView disable(long id, String by) {
        AuditPlan plan = find(id);
        plan.disable(now());
        plans.saveAndFlush(plan);
        schedule.sync(plan);
        trail.record(by, "PLAN_DISABLED", "plan:" + id, plan.getName());
        return view(plan);
    }

    /** Deletes the plan and its trigger; its runs stay in the history with their plan id. */
    @Transactional
    public void delete(long id, String by) {
        AuditPlan plan = find(id);
        plans.delete(plan);
        schedule.remove(id);
        trail.record(by, "PLAN_DELETED", "plan:" + id, plan.getName());
        log.info("Audit plan {} ({}) deleted by {}", id, plan.getName(), by);
    }

    @Transactional(readOnly = true)
    public PlanView get(long id) {
        return view(find(id));
    }

    @Transactional(readOnly = true)
    public List<PlanView> list() {
        return plans.findAllByOrderByIdAsc().stream().map(this::view).toList();
    }

    /**
     * A person starts a run of the plan now (as of {@code asOf}, null = today), in the background; 409 at once if a
     * run is in progress, or with the figures while the audited period's data has not arrived unless {@code force}
     * with a reason.
     */
    public RunView runNow(long id, LocalDate asOf, boolean force, String reason, Actor by) {
        AuditPlan plan = find(id);
        RunView run = audits.start(new RunRequest(
                        asOf == null ? ChinaTime.today(clock) : asOf, RunTrigger.PLAN, plan.scope(), plan.getId())
                .byPerson(by, force, reason));
        trail.record(
                by.username(),
                "PLAN_RUN",
                "plan:" + id,
                "run " + run.id() + " as of " + run.asOf() + (force ? " forced: " + reason : ""));
        return run;
    }

    /**
     * A firing of the plan's trigger: runs the plan as of the firing's date, waiting for a running run; a firing
     * Quartz recovers after a crash re-runs the interrupted run of the plan.
     */
    public void runScheduled(long id, QuartzFiring firing) {
        AuditPlan plan = plans.findById(id).orElse(null);
        if (plan == null) {
            log.warn("Plan {} fired but no longer exists: nothing run", id);
            return;
        }
        RunRequest request = new RunRequest(
                        firing.asOf(auditProperties.zone(), ChinaTime.today(clock)),
                        RunTrigger.PLAN,
                        plan.scope(),
                        plan.getId())
                .heldWithoutData();
        if (firing.recovering()) {
            audits.rerunInterrupted(request, firing.firedAt());
        } else if (plan.isEnabled()) {
            audits.runQueued(request);
        }
    }

    private AuditPlan find(long id) {
        return plans.findById(id).orElseThrow(() -> new PlanNotFoundException(id));
    }

    private PlanView view(AuditPlan plan) {
        return PlanView.of(plan, schedule.nextFireTime(plan.getId()).orElse(null), figures.of(plan));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(auditProperties.zone()));
    }
}
