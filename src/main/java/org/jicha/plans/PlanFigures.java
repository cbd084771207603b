package org.jicha.plans;

import java.time.LocalDateTime;

/**
 * A plan's execution figures (计划执行情况). {@code tickets} are the tickets of the problems the plan's runs
 * found (by fingerprint), whoever opened them; {@code rectified} those VERIFIED or CLOSED;
 * {@code rectificationRatePct} = rectified / (tickets - FALSE_POSITIVE - EXEMPTED), null while that is 0;
 * {@code targetMet} null without a target rate.
 */
record PlanFigures(
        long runs,
        LastRun lastRun,
        long findings,
        long tickets,
        long rectified,
        long falsePositive,
        long exempted,
        Double rectificationRatePct,
        Boolean targetMet) {

    /** The plan's latest run. */
    public record LastRun(long id, String status, LocalDateTime startedAt, LocalDateTime finishedAt, long findings) {}
}
