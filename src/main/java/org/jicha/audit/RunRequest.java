package org.jicha.audit;

import java.time.LocalDate;

/**
 * What to run: as of a date, who asked, over which scope, for which plan (null = none).
 */
public record RunRequest(LocalDate asOf, RunTrigger trigger, RunScope scope, Long planId) {

    public RunRequest {
        scope = scope == null ? RunScope.ALL : scope;
    }

    public static RunRequest of(LocalDate asOf, RunTrigger trigger) {
        return new RunRequest(asOf, trigger, RunScope.ALL, null);
    }

    RunRequest asOf(LocalDate date) {
        return new RunRequest(date, trigger, scope, planId);
    }
}
