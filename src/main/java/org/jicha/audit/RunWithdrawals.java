package org.jicha.audit;

import java.util.List;
import java.util.stream.Collectors;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.tickets.RunTickets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdraws finished runs (撤回稽查运行): the run marked withdrawn, the tickets it opened that no person has worked
 * on yet withdrawn with it, the others kept and listed; reports no longer rest on it.
 */
@Component
class RunWithdrawals {

    private final AuditRunRepository runs;
    private final RunTickets runTickets;
    private final RunRecorder recorder;
    private final RunQueries queries;
    private final AuditTrail trail;
    private final TransactionTemplate tx;

    RunWithdrawals(
            AuditRunRepository runs,
            RunTickets runTickets,
            RunRecorder recorder,
            RunQueries queries,
            AuditTrail trail,
            TransactionTemplate tx) {
        this.runs = runs;
        this.runTickets = runTickets;
        this.recorder = recorder;
        this.queries = queries;
        this.trail = trail;
        this.tx = tx;
    }

    /**
     * AUDITOR: withdraws a finished run: the tickets it opened that no person has worked on yet are withdrawn (kept
     * with their history, out of every list and rate), the others stay and are listed; the run is marked withdrawn
     * (by whom, when, why). Safe to repeat; trailed.
     *
     * @throws RunActionForbiddenException  for another role
     * @throws InvalidRunRequestException    without a reason
     * @throws RunNotFoundException          for an unknown run
     * @throws IllegalStateException         for a run still running, or held
     */
    RunWithdrawal withdraw(long id, String reason, Actor actor) {
        if (!actor.is(Role.AUDITOR)) {
            throw new RunActionForbiddenException("只有稽查人员可以撤回稽查运行", "only an AUDITOR may withdraw a run");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRunRequestException("reason", "撤回须说明理由", "a withdrawal needs a reason");
        }
        String why = reason.strip().length() > 2000 ? reason.strip().substring(0, 2000) : reason.strip();
        return tx.execute(status -> {
            AuditRun run = runs.findById(id).orElseThrow(() -> new RunNotFoundException(id));
            boolean first = run.withdraw(actor.username(), why, recorder.now());
            runs.save(run);
            RunTickets.Withdrawal done = runTickets.withdrawRun(id, why, actor);
            if (first || !done.newlyWithdrawn().isEmpty()) {
                trail.record(
                        actor.username(),
                        "RUN_WITHDRAWN",
                        "run:" + id,
                        why + "; withdrawn "
                                + done.newlyWithdrawn().size() + " tickets " + ids(done.newlyWithdrawn()) + ", kept "
                                + done.kept().size() + " "
                                + ids(done.kept().stream()
                                        .map(RunTickets.KeptTicket::id)
                                        .toList()));
            }
            return new RunWithdrawal(queries.get(id), done.newlyWithdrawn(), done.withdrawn(), done.kept());
        });
    }

    private static String ids(List<Long> ids) {
        return ids.stream()
                .limit(200)
                .map(String::valueOf)
                .collect(Collectors.joining(",", "[", ids.size() > 200 ? ",...]" : "]"));
    }
}
