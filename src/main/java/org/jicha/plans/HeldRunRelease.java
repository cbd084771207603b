package org.jicha.plans;

import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.people.Actor;
import org.springframework.stereotype.Service;

/**
 * Runs a held run again, forced with the auditor's reason, as of the held run's date: over the plan's scope when
 * a plan's run was held (and its plan still exists), over everything otherwise. It lives with the plans because
 * only they know a plan's scope; the runs page offers it.
 */
@Service
public class HeldRunRelease {

    private final AuditService audits;
    private final PlanService plans;

    HeldRunRelease(AuditService audits, PlanService plans) {
        this.audits = audits;
        this.plans = plans;
    }

    /** The new run; refused as {@link AuditService#start} and {@link PlanService#runNow} refuse. */
    public RunView release(long heldRunId, String reason, Actor actor) {
        RunView held = audits.get(heldRunId);
        if (held.planId() != null) {
            try {
                return plans.runNow(held.planId(), held.asOf(), true, reason, actor);
            } catch (PlanNotFoundException e) {
                // the plan was deleted since: the held run is released over everything, as a manual run
            }
        }
        return audits.start(RunRequest.of(held.asOf(), RunTrigger.MANUAL).byPerson(actor, true, reason));
    }
}
