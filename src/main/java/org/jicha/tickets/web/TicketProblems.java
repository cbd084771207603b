package org.jicha.tickets.web;

import org.jicha.tickets.EvidenceRejectedException;
import org.jicha.tickets.EvidenceRemovedException;
import org.jicha.tickets.HeldTicketsDecidedException;
import org.jicha.tickets.IllegalTicketTransitionException;
import org.jicha.tickets.MissingTicketFieldException;
import org.jicha.tickets.StaleTicketException;
import org.jicha.tickets.TicketActionForbiddenException;
import org.jicha.tickets.TicketNotFoundException;
import org.jicha.web.ProblemMap;
import org.jicha.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The tickets' refusals: an unknown ticket 404; an action the state does not allow 409 naming state and action;
 * an old version 409 with the current one; held tickets already decided 409; the wrong role or unit 403; a
 * missing field 400 naming it; a refused evidence file 413 when too big, else 400; a file removed after its
 * retention 410 (its record, with SHA-256, stays).
 */
@Component
class TicketProblems implements Problems {

    @Override
    public void declare(ProblemMap problems) {
        problems.map(TicketNotFoundException.class, HttpStatus.NOT_FOUND);
        problems.map(IllegalTicketTransitionException.class, HttpStatus.CONFLICT)
                .with((e, problem) -> {
                    problem.setProperty("ticketStatus", e.status().name());
                    problem.setProperty("action", e.action().name());
                });
        problems.map(StaleTicketException.class, HttpStatus.CONFLICT)
                .with((e, problem) -> problem.setProperty("currentVersion", e.currentVersion()));
        problems.map(HeldTicketsDecidedException.class, HttpStatus.CONFLICT);
        problems.map(TicketActionForbiddenException.class, HttpStatus.FORBIDDEN);
        problems.map(MissingTicketFieldException.class, HttpStatus.BAD_REQUEST)
                .with((e, problem) -> problem.setProperty("field", e.field()));
        problems.map(
                EvidenceRejectedException.class,
                e -> e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
        problems.map(EvidenceRemovedException.class, HttpStatus.GONE);
    }
}
