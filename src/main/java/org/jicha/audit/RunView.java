package org.jicha.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/** A run with its findings per rule, as the API shows it. */
public record RunView(long id, LocalDate asOf, String auditedPeriod, String ruleSetHash, int ruleCount,
                      RunTrigger trigger, RunStatus status, LocalDateTime startedAt, LocalDateTime finishedAt,
                      long subjectsChecked, long findingsCount, String message, Map<String, Long> findingsPerRule) {

    static RunView of(AuditRun run, Map<String, Long> perRule) {
        return new RunView(run.getId(), run.getAsOf(), run.getAuditedPeriod(), run.getRuleSetHash(),
                run.getRuleCount(), run.getTrigger(), run.getStatus(), run.getStartedAt(), run.getFinishedAt(),
                run.getSubjectsChecked(), run.getFindingsCount(), run.getMessage(), perRule);
    }
}
