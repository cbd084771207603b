package org.jicha.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.jicha.tickets.RunTickets.HeldRule;

/**
 * A run with its findings per rule and its progress, as the API shows it. {@code subjectsDone} of
 * {@code subjectsTotal} counts customers (and applications without one) in the run's scope. An incremental run
 * ({@code mode}) names its {@code baseRunId} and how many findings it carried over from it; a run with a
 * {@code horizonOn} is a base for incremental runs up to that date. A partitioned run lists its partitions
 * (status, node, attempts), an ordinary one none. A HELD run (or one a person forced) lists the stations whose
 * data had not arrived ({@code dataGaps}); {@code startedBy} and {@code forceReason} say who started it by hand and
 * why despite missing data; a withdrawn run says by whom, when and why; {@code heldRules} are the rules whose new
 * tickets the brake held for the auditors.
 * A run COMPLETED_WITH_ERRORS lists the rules that threw, each
 * with its count and first subjects ({@code errors}; only when one run is read). A FAILED run names the step it
 * failed in ({@code failedStep}) and the root cause of its exception ({@code rootCause}); {@code message} keeps the
 * exception as thrown.
 */
public record RunView(
        long id,
        LocalDate asOf,
        String auditedPeriod,
        String ruleSetHash,
        int ruleCount,
        RunTrigger trigger,
        RunStatus status,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        long subjectsChecked,
        long findingsCount,
        String message,
        Map<String, Long> findingsPerRule,
        Long planId,
        String scope,
        Progress progress,
        boolean cancelRequested,
        Long recoversRunId,
        RunMode mode,
        Long baseRunId,
        LocalDate horizonOn,
        long findingsCarried,
        List<PartitionView> partitions,
        String startedBy,
        String forceReason,
        List<DataGap> dataGaps,
        String withdrawnBy,
        LocalDateTime withdrawnAt,
        String withdrawReason,
        List<HeldRule> heldRules,
        List<RunErrorView> errors,
        RunStep failedStep,
        String rootCause) {

    /** Subjects done of total, and the percentage (0-100, one decimal). */
    public record Progress(long done, long total, double percent) {

        static Progress of(long done, long total) {
            double percent = total == 0 ? 100.0 : Math.round(Math.min(done, total) * 1000.0 / total) / 10.0;
            return new Progress(done, total, percent);
        }
    }

    static RunView of(AuditRun run, Map<String, Long> perRule) {
        return of(run, perRule, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * With the partitions of a partitioned run, the stations lacking data of a held or forced run, the rules the
     * brake held and the rule errors of the run (each empty when there is none).
     */
    static RunView of(
            AuditRun run,
            Map<String, Long> perRule,
            List<PartitionView> partitions,
            List<DataGap> gaps,
            List<HeldRule> held,
            List<RunErrorView> errors) {
        return new RunView(
                run.getId(),
                run.getAsOf(),
                run.getAuditedPeriod(),
                run.getRuleSetHash(),
                run.getRuleCount(),
                run.getTrigger(),
                run.getStatus(),
                run.getStartedAt(),
                run.getFinishedAt(),
                run.getSubjectsChecked(),
                run.getFindingsCount(),
                run.getMessage(),
                perRule,
                run.getPlanId(),
                run.getScopeDescription(),
                Progress.of(run.getSubjectsDone(), run.getSubjectsTotal()),
                run.isCancelRequested(),
                run.getRecoversRunId(),
                run.getMode(),
                run.getBaseRunId(),
                run.getHorizonOn(),
                run.getFindingsCarried(),
                partitions,
                run.getStartedBy(),
                run.getForceReason(),
                List.copyOf(gaps),
                run.getWithdrawnBy(),
                run.getWithdrawnAt(),
                run.getWithdrawReason(),
                List.copyOf(held),
                List.copyOf(errors),
                run.getFailedStep(),
                run.getRootCause());
    }

    /** Whether an auditor withdrew it. */
    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
