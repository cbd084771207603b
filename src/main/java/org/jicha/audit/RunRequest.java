package org.jicha.audit;

import java.time.LocalDate;
import org.jicha.people.Actor;
import org.jicha.people.Role;

/**
 * What to run: as of a date, who asked, over which scope, for which plan (null = none), and whether an
 * incremental run is wanted (it falls back to a full run, saying why, when no run can serve as its base).
 * {@code dataCheck} says what happens when the audited period's data has not arrived ({@link DataCheck}; NONE for
 * runs started by code); {@code requestedBy} is the person who asked (null for schedules and code), and
 * {@code forceReason} why a person forces the run despite missing data.
 */
public record RunRequest(
        LocalDate asOf,
        RunTrigger trigger,
        RunScope scope,
        Long planId,
        boolean incremental,
        DataCheck dataCheck,
        String requestedBy,
        String forceReason) {

    public RunRequest {
        scope = scope == null ? RunScope.ALL : scope;
        dataCheck = dataCheck == null ? DataCheck.NONE : dataCheck;
        forceReason = forceReason == null || forceReason.isBlank() ? null : forceReason.strip();
        if (incremental && !scope.allRules()) {
            throw new IllegalArgumentException(
                    "an incremental run covers every rule and unit; a scope cannot be incremental");
        }
        if (incremental && !scope.allUnits()) {
            throw new IllegalArgumentException(
                    "an incremental run covers every rule and unit; a scope cannot be incremental");
        }
        if (dataCheck == DataCheck.FORCE && forceReason == null) {
            throw new InvalidRunRequestException("reason", "强制稽查须说明理由", "a forced run needs a reason");
        }
        if (forceReason != null && forceReason.length() > 2000) {
            throw new InvalidRunRequestException("reason", "理由不得超过 2000 字", "at most 2000 characters");
        }
        if ((dataCheck == DataCheck.FORCE || dataCheck == DataCheck.REFUSE) && requestedBy == null) {
            throw new IllegalArgumentException("a person's run names the person");
        }
    }

    public RunRequest(LocalDate asOf, RunTrigger trigger, RunScope scope, Long planId, boolean incremental) {
        this(asOf, trigger, scope, planId, incremental, DataCheck.NONE, null, null);
    }

    public RunRequest(LocalDate asOf, RunTrigger trigger, RunScope scope, Long planId) {
        this(asOf, trigger, scope, planId, false);
    }

    public static RunRequest of(LocalDate asOf, RunTrigger trigger) {
        return new RunRequest(asOf, trigger, RunScope.ALL, null, false);
    }

    /** An incremental run over everything, as of a date. */
    public static RunRequest incremental(LocalDate asOf, RunTrigger trigger) {
        return new RunRequest(asOf, trigger, RunScope.ALL, null, true);
    }

    /** A schedule's run: held, not run, while the audited period's data has not arrived. */
    public RunRequest heldWithoutData() {
        return new RunRequest(asOf, trigger, scope, planId, incremental, DataCheck.HOLD, null, null);
    }

    /**
     * A person's run: refused while the audited period's data has not arrived, unless {@code force} with a reason
     * (then it runs, and the reason and the figures are recorded). Only an AUDITOR may force.
     *
     * @throws RunActionForbiddenException when another role forces
     * @throws InvalidRunRequestException  when forced without a reason
     */
    public RunRequest byPerson(Actor person, boolean force, String reason) {
        if (force && !person.is(Role.AUDITOR)) {
            throw new RunActionForbiddenException("只有稽查人员可以强制稽查", "only an AUDITOR may force a run");
        }
        return new RunRequest(
                asOf,
                trigger,
                scope,
                planId,
                incremental,
                force ? DataCheck.FORCE : DataCheck.REFUSE,
                person.username(),
                force ? reason : null);
    }

    RunRequest asOf(LocalDate date) {
        return new RunRequest(date, trigger, scope, planId, incremental, dataCheck, requestedBy, forceReason);
    }

    /** The same run without the data check: a re-run of a crashed run that had already passed it. */
    RunRequest unchecked() {
        return new RunRequest(asOf, trigger, scope, planId, incremental, DataCheck.NONE, requestedBy, null);
    }
}
