package org.jicha.audit.web;

import org.jicha.audit.DataNotArrivedException;
import org.jicha.audit.InvalidRunRequestException;
import org.jicha.audit.PreviewNotFoundException;
import org.jicha.audit.RunActionForbiddenException;
import org.jicha.audit.RunInProgressException;
import org.jicha.audit.RunNotFoundException;
import org.jicha.audit.RunNotRunningException;
import org.jicha.audit.RunNotWithdrawableException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The runs' refusals: an unknown run or impact preview 404; a second run, a run not running, a run that cannot be withdrawn 409 (a
 * second run from a page: a message on the runs page); data not arrived 409 with the figures per station (a plan's
 * run-now is refused the same way); a role that may not force or withdraw 403; a missing field 400 naming it.
 */
@Component
class RunProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(RunNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(PreviewNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(RunInProgressException.class, HttpStatus.CONFLICT).onPages("runs.inProgress", "/runs");
        problems.map(RunNotRunningException.class, HttpStatus.CONFLICT);
        problems.map(RunNotWithdrawableException.class, HttpStatus.CONFLICT);
        problems.map(DataNotArrivedException.class, HttpStatus.CONFLICT).with((e, problem) -> {
            problem.setProperty("asOf", e.asOf().toString());
            problem.setProperty("auditedPeriod", e.verdict().period());
            problem.setProperty("stations", e.verdict().gaps());
        });
        problems.map(RunActionForbiddenException.class, HttpStatus.FORBIDDEN);
        problems.map(InvalidRunRequestException.class, HttpStatus.BAD_REQUEST)
                .with((e, problem) -> problem.setProperty("field", e.field()));
    }
}
