package org.jicha.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jicha.audit.RunHistory;
import org.jicha.audit.RunHistory.CompletedRun;
import org.springframework.stereotype.Component;

/**
 * Which audit run a report rests on, asked of the audit module: the latest completed run that audited the period
 * and was not withdrawn, also one that completed with rule errors (every rule that did not throw has all its
 * results; the run page lists the errors).
 */
@Component
class ReportRuns {

    /** The run a report rests on; {@code withErrors}: some of its rules threw on some subjects. */
    record RunRef(
            long id,
            YearMonth period,
            LocalDate asOf,
            String ruleSetHash,
            LocalDateTime finishedAt,
            boolean withErrors) {

        /** For the subtitle: 稽查批次 #12（基准日 2026-11-05，规则集 1a2b3c4d5e6f）. */
        String describe() {
            return "稽查批次 #" + id + "（基准日 " + asOf + "，规则集 "
                    + ruleSetHash.substring(0, Math.min(12, ruleSetHash.length()))
                    + (withErrors ? "，部分规则出错，见该批次" : "") + "） / audit run #" + id + " as of " + asOf
                    + (withErrors ? " (some rules threw: see the run)" : "");
        }
    }

    private final RunHistory runs;

    ReportRuns(RunHistory runs) {
        this.runs = runs;
    }

    Optional<RunRef> latestCompleted(YearMonth period) {
        return runs.latestCompleted(period).map(ReportRuns::ref);
    }

    RunRef require(YearMonth period) {
        return latestCompleted(period).orElseThrow(() -> new NoCompletedRunException(period.toString()));
    }

    /** The latest completed run of each of the given months that has one. */
    Map<YearMonth, RunRef> latestOf(YearMonth from, YearMonth to) {
        Map<YearMonth, RunRef> result = new HashMap<>();
        runs.latestCompletedOf(from, to).forEach((period, run) -> result.put(period, ref(run)));
        return result;
    }

    private static RunRef ref(CompletedRun run) {
        return new RunRef(run.id(), run.period(), run.asOf(), run.ruleSetHash(), run.finishedAt(), run.withErrors());
    }
}
