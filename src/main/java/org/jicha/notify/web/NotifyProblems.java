package org.jicha.notify.web;

import org.jicha.notify.MailNotFoundException;
import org.jicha.notify.MailNotRetryableException;
import org.jicha.notify.OutboxController;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The outbox's refusals: an unknown mail 404, a mail that is not FAILED cannot be retried 409, others than
 * administrators and auditors 403.
 */
@Component
class NotifyProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(MailNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(MailNotRetryableException.class, HttpStatus.CONFLICT);
        problems.map(OutboxController.OutboxForbiddenException.class, HttpStatus.FORBIDDEN);
    }
}
