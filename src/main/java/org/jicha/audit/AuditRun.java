package org.jicha.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One audit run (稽查批次): as-of date, rule-set version, timing, status and counts. */
@Entity
@Table(name = "audit_runs")
public class AuditRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "audited_period", nullable = false)
    private String auditedPeriod;

    @Column(name = "rule_set_hash", nullable = false)
    private String ruleSetHash;

    @Column(name = "rule_count", nullable = false)
    private int ruleCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunStatus status;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    @Column(name = "finished_at")
    private LocalDateTime finishedAt;

    @Column(name = "subjects_checked", nullable = false)
    private long subjectsChecked;

    @Column(name = "findings_count", nullable = false)
    private long findingsCount;

    @Column(length = 4000)
    private String message;

    protected AuditRun() {
    }

    public static AuditRun start(LocalDate asOf, String auditedPeriod, String ruleSetHash, int ruleCount,
                                 RunTrigger trigger, LocalDateTime now) {
        AuditRun run = new AuditRun();
        run.asOf = asOf;
        run.auditedPeriod = auditedPeriod;
        run.ruleSetHash = ruleSetHash;
        run.ruleCount = ruleCount;
        run.trigger = trigger;
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        return run;
    }

    public void complete(long subjects, long findings, String note, LocalDateTime now) {
        requireRunning("complete");
        this.status = RunStatus.COMPLETED;
        this.subjectsChecked = subjects;
        this.findingsCount = findings;
        this.message = note;
        this.finishedAt = now;
    }

    public void fail(String reason, LocalDateTime now) {
        requireRunning("fail");
        this.status = RunStatus.FAILED;
        this.message = reason == null ? "failed" : reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        this.finishedAt = now;
    }

    private void requireRunning(String action) {
        if (status != RunStatus.RUNNING) {
            throw new IllegalStateException("cannot " + action + " run " + id + ": it is " + status);
        }
    }

    public Long getId() {
        return id;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public String getAuditedPeriod() {
        return auditedPeriod;
    }

    public String getRuleSetHash() {
        return ruleSetHash;
    }

    public int getRuleCount() {
        return ruleCount;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public RunStatus getStatus() {
        return status;
    }

    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public LocalDateTime getFinishedAt() {
        return finishedAt;
    }

    public long getSubjectsChecked() {
        return subjectsChecked;
    }

    public long getFindingsCount() {
        return findingsCount;
    }

    public String getMessage() {
        return message;
    }
}
