package org.jicha.plans;

import java.util.List;
import org.jicha.audit.RunView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
    PlanView create(@RequestBody PlanDefinition definition) {
        return plans.create(definition);
    }

    @PutMapping("/{id}")
    PlanView update(@PathVariable long id, @RequestBody PlanDefinition definition) {
        return plans.update(id, definition);
    }

    @PostMapping("/{id}/enable")
    PlanView enable(@PathVariable long id) {
        return plans.enable(id);
    }

    @PostMapping("/{id}/disable")
    PlanView disable(@PathVariable long id) {
        return plans.disable(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        plans.delete(id);
    }

    /** Runs the plan now in the background; 409 while another run is in progress. */
    @PostMapping("/{id}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RunView run(@PathVariable long id) {
        return plans.runNow(id);
    }
}
