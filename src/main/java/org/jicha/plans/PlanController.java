package org.jicha.plans;

import java.time.LocalDate;
import java.util.List;
import org.jicha.audit.RunView;
import org.jicha.people.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Audit plans: {@code /api/plans}. Each handler is one call into {@link PlanService}. */
@RestController
@RequestMapping("/api/plans")
class PlanController {

    private final PlanService plans;

    PlanController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping
    List<PlanView> list() {
        return plans.list();
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable long id) {
        return plans.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlanView create(Actor actor, @RequestBody PlanDefinition definition) {
        return plans.create(definition, actor.username());
    }

    @PutMapping("/{id}")
    PlanView update(Actor actor, @PathVariable long id, @RequestBody PlanDefinition definition) {
        return plans.update(id, definition, actor.username());
    }

    @PostMapping("/{id}/enable")
    PlanView enable(Actor actor, @PathVariable long id) {
        return plans.enable(id, actor.username());
    }

    @PostMapping("/{id}/disable")
    PlanView disable(Actor actor, @PathVariable long id) {
        return plans.disable(id, actor.username());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id) {
        plans.delete(id, actor.username());
    }

    /**
     * Runs the plan now in the background (as of today unless {@code asOf}); 409 while another run is in progress,
     * and 409 with the figures while the period's data has not arrived, unless {@code force} with a {@code reason}
     * (AUDITOR only).
     */
    @PostMapping("/{id}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView run(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(required = false) String reason) {
        return plans.runNow(id, asOf, force, reason, actor);
    }
}
