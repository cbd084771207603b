package org.jicha.audit;

import java.time.LocalDate;

/**
 * What to run: as of a date, who asked, over which scope, for which plan (null = none), and whether an
 * incremental run is wanted (it falls back to a full run, saying why, when no run can serve as its base).
 */
public record RunRequest(LocalDate asOf, RunTrigger trigger, RunScope scope, Long planId, boolean incremental) {

    public RunRequest {
        scope = scope == null ? RunScope.ALL : scope;
        if (incremental && !scope.allRules()) {
            throw new IllegalArgumentException("an incremental run covers every rule and unit; a scope cannot be incremental");
        }
        if (incremental && !scope.allUnits()) {
            throw new IllegalArgumentException("an incremental run covers every rule and unit; a scope cannot be incremental");
        }
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

    RunRequest asOf(LocalDate date) {
        return new RunRequest(date, trigger, scope, planId, incremental);
    }
}
