package org.jicha.plans;

import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The plans' refusals: an unknown plan 404; an invalid definition 422 naming the field; a change the plan's state
 * does not allow 409; a plan updated meanwhile by someone else 409 (the plans API's optimistic lock).
 */
@Component
class PlanProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(PlanNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(InvalidPlanException.class, HttpStatus.UNPROCESSABLE_CONTENT)
                .with((e, problem) -> problem.setProperty("field", e.field()));
        problems.map(PlanStateException.class, HttpStatus.CONFLICT);
        problems.map(ObjectOptimisticLockingFailureException.class, HttpStatus.CONFLICT)
                .onlyFrom(PlanController.class)
                .detail("稽查计划已被他人修改，请刷新后重试 / the plan was changed meanwhile: reload and try again");
    }
}
