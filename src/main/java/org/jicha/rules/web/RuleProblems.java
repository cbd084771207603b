package org.jicha.rules.web;

import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetRejectedException;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.candidates.RuleCandidateRefusedException;
import org.jicha.rules.candidates.RulePromotionRefusedException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules' refusals: an unknown candidate 404; a rule set that does not compile 422 with every problem located
 * by file and line; a rejected reload 422 with the attempt and the content hash still in force; a refused
 * candidate upload 413 when too large, else 400, naming the entry; a promotion refused (not compiled, stale base,
 * already in force, the folder did not compile) 409 with its reason.
 */
@Component
class RuleProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(RuleCandidateNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(RuleSetException.class, HttpStatus.UNPROCESSABLE_CONTENT)
                .with((e, problem) -> problem.setProperty(
                        "problems", e.problems().stream().map(Object::toString).toList()));
        problems.map(RuleSetRejectedException.class, HttpStatus.UNPROCESSABLE_CONTENT)
                .with((e, problem) -> {
                    problem.setProperty("attempt", e.attempt());
                    problem.setProperty("activeContentHash", e.inForce().contentHash());
                });
        problems.map(RulePromotionRefusedException.class, HttpStatus.CONFLICT)
                .with((e, problem) -> problem.setProperty("problems", e.problems()));
        problems.map(
                RuleCandidateRefusedException.class,
                e -> e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
    }
}
