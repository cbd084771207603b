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

/**
 * One audit run (稽查批次): as-of date, rule-set version, timing, status and counts.
 *
 * <p>Long because it is the aggregate: every state a run can reach (running, held, completed, failed,
 * cancelled, withdrawn, partitioned) is a method here that checks the current state first.
 */
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

    @Column(name = "plan_id")
    private Long planId;

    @Column(name = "scope_description", length = 2000)
    private String scopeDescription;

    /** Counted at the start: customers (and applications without one) in scope. */
    @Column(name = "subjects_total", nullable = false)
    private long subjectsTotal;

    /**
     * Advanced per batch by a plain JDBC update (see {@code AuditService}), never by JPA: a run's entity is held
     * for its whole length and saving it must not undo the progress or a cancel request written meanwhile.
     */
    @Column(name = "subjects_done", nullable = false, updatable = false)
    private long subjectsDone;

    @Column(name = "cancel_requested", nullable = false, updatable = false)
    private boolean cancelRequested;

    /** Left RUNNING by a process that stopped: closed at the next start, and re-run when Quartz recovers its job. */
    @Column(nullable = false)
    private boolean interrupted;

    @Column(name = "node_instance", length = 64)
    private String nodeInstance;

    @Column(name = "recovers_run_id")
    private Long recoversRunId;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_mode", nullable = false)
    private RunMode mode = RunMode.FULL;

    /** An incremental run's base: the run whose findings it carries over for the customers it does not read. */
    @Column(name = "base_run_id")
    private Long baseRunId;

    /** Incremental runs may build on this run up to this as-of date (null: it is no base). */
    @Column(name = "horizon_on")
    private LocalDate horizonOn;

    /** A hash of the reference tables (tariffs, units, staff) as the run read them; a change needs a full run. */
    @Column(name = "reference_hash", length = 64)
    private String referenceHash;

    @Column(name = "findings_carried", nullable = false)
    private long findingsCarried;

    /** The last load finished before the run began: an incremental run on it looks at the loads after. */
    @Column(name = "loads_through")
    private Long loadsThrough;

    /** 0 for an ordinary run; else how many partitions (Quartz jobs, see {@code PartitionedAudits}) share it. */
    @Column(nullable = false)
    private int partitions;

    /** The person who started it (null: a schedule or code). */
    @Column(name = "started_by", length = 64)
    private String startedBy;

    /** Why a person ran it although its period's data had not arrived (null: not forced). */
    @Column(name = "force_reason", length = 2000)
    private String forceReason;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    @Column(name = "withdraw_reason", length = 2000)
    private String withdrawReason;

    /** The step a FAILED run failed in (null: not failed, or failed before issue 13, or a partition failed). */
    @Enumerated(EnumType.STRING)
    @Column(name = "failed_step", length = 16)
    private RunStep failedStep;

    /** A FAILED run's root cause: the bottom of the exception's cause chain, {@code Class: message}. */
    @Column(name = "root_cause", length = 2000)
    private String rootCause;

    protected AuditRun() {}

    public static AuditRun start(
            LocalDate asOf,
            String auditedPeriod,
            String ruleSetHash,
            int ruleCount,
            RunTrigger trigger,
            LocalDateTime now) {
        return start(asOf, auditedPeriod, ruleSetHash, ruleCount, trigger, null, null, 0, null, now);
    }

    /** A run of a plan and/or scope, on this JVM, re-running {@code recoversRunId} if not null. */
    public static AuditRun start(
            LocalDate asOf,
            String auditedPeriod,
            String ruleSetHash,
            int ruleCount,
            RunTrigger trigger,
            Long planId,
            String scopeDescription,
            long subjectsTotal,
            Long recoversRunId,
            LocalDateTime now) {
        AuditRun run = new AuditRun();
        run.planId = planId;
        run.scopeDescription = scopeDescription;
        run.subjectsTotal = subjectsTotal;
        run.recoversRunId = recoversRunId;
        run.nodeInstance = NodeInstance.id();
        run.asOf = asOf;
        run.auditedPeriod = auditedPeriod;
        run.ruleSetHash = ruleSetHash;
        run.ruleCount = ruleCount;
        run.trigger = trigger;
        run.status = RunStatus.RUNNING;
        run.startedAt = now;
        return run;
    }

    /**
     * A nightly or plan run whose period's data had not arrived: recorded HELD (待数据), finished at once, nothing
     * audited; {@code summary} says which station lacks what.
     */
    public static AuditRun held(
            LocalDate asOf,
            String auditedPeriod,
            String ruleSetHash,
            int ruleCount,
            RunTrigger trigger,
            Long planId,
            String scopeDescription,
            String summary,
            LocalDateTime now) {
        AuditRun run =
                start(asOf, auditedPeriod, ruleSetHash, ruleCount, trigger, planId, scopeDescription, 0, null, now);
        run.status = RunStatus.HELD;
        run.message = summary.length() > 4000 ? summary.substring(0, 4000) : summary;
        run.finishedAt = now;
        return run;
    }

    /** A person started it; {@code forceReason} (null: not forced) says why it runs despite missing data. */
    public void startedBy(String username, String forceReason) {
        requireRunning("record who started");
        this.startedBy = username;
        this.forceReason = forceReason;
    }

    /**
     * Withdrawn by an auditor (its untouched tickets are withdrawn with it; reports no longer rest on it). A run
     * still running or held opened nothing to withdraw.
     *
     * @return false when it was withdrawn already (nothing changes)
     */
    public boolean withdraw(String by, String reason, LocalDateTime now) {
        if (status == RunStatus.RUNNING || status == RunStatus.HELD) {
            throw new RunNotWithdrawableException(id, status);
        }
        if (withdrawnAt != null) {
            return false;
        }
        this.withdrawnBy = by;
        this.withdrawnAt = now;
        this.withdrawReason = reason;
        return true;
    }

    /**
     * Says how this run chooses its customers: a full run looking ahead to {@code horizon} (null: no look-ahead),
     * an incremental run on {@code base} (inheriting its horizon), or a scoped run.
     */
    public void plannedAs(RunMode mode, Long base, LocalDate horizon, String referenceHash, Long loadsThrough) {
        requireRunning("plan");
        this.loadsThrough = loadsThrough;
        if (mode == RunMode.INCREMENTAL && base == null) {
            throw new IllegalStateException("an incremental run needs a base run");
        }
        if (horizon != null && horizon.isBefore(asOf)) {
            throw new IllegalStateException("horizon " + horizon + " is before the as-of date " + asOf);
        }
        this.mode = mode;
        this.baseRunId = mode == RunMode.INCREMENTAL ? base : null;
        this.horizonOn = mode == RunMode.SCOPED ? null : horizon;
        this.referenceHash = referenceHash;
    }

    /** An incremental run knows its subjects only once it has listed its candidates. */
    public void expectSubjects(long total) {
        requireRunning("count the subjects of");
        this.subjectsTotal = total;
    }

    /** How many of the findings an incremental run carried over from its base instead of evaluating. */
    public void carried(long findings) {
        requireRunning("record carried findings of");
        this.findingsCarried = findings;
    }

    public void complete(long subjects, long findings, String note, LocalDateTime now) {
        requireRunning("complete");
        this.status = RunStatus.COMPLETED;
        this.subjectsChecked = subjects;
        this.findingsCount = findings;
        this.message = note;
        this.finishedAt = now;
    }

    /**
     * Completed, but some rules threw on some subjects (issue 11): every other finding of the run is stored, the
     * failing rules' tickets were not marked "not detected", and the errors are listed with the run.
     */
    public void completeWithErrors(long subjects, long findings, String note, String errors, LocalDateTime now) {
        complete(subjects, findings, note, now);
        this.status = RunStatus.COMPLETED_WITH_ERRORS;
        // one "中文 / English" note, as RunNotes writes them, so that a page can show the reader's half
        String said = "规则出错（其余规则的结果已保存）：" + errors + " / rules threw (every other rule's results are kept): " + errors;
        String message = note == null ? said : said + "; " + note;
        this.message = message.length() > 4000 ? message.substring(0, 4000) : message;
    }

    public void fail(String reason, LocalDateTime now) {
        requireRunning("fail");
        this.status = RunStatus.FAILED;
        this.message = reason == null ? "failed" : reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        this.finishedAt = now;
    }

    /**
     * Failed in {@code step} (null: not known) by {@code thrown}: the message keeps the exception as thrown, the
     * root cause is the bottom of its cause chain, which is what an operator needs first.
     */
    public void fail(RunStep step, Throwable thrown, LocalDateTime now) {
        fail(thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), now);
        this.failedStep = step;
        String root = rootCauseOf(thrown);
        this.rootCause = root.length() > 2000 ? root.substring(0, 2000) : root;
    }

    /** The cause at the bottom of {@code thrown}'s chain, as {@code JdbcSQLException: the message}. */
    static String rootCauseOf(Throwable thrown) {
        Throwable root = thrown;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 100; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Stopped between batches on request: the findings so far are kept, but the run covered only part of its
     * scope, so no ticket is marked "not detected" by it.
     */
    public void cancelled(long subjects, long findings, LocalDateTime now) {
        requireRunning("cancel");
        this.status = RunStatus.CANCELLED;
        this.cancelRequested = true;
        this.subjectsChecked = subjects;
        this.findingsCount = findings;
        this.message = "已按请求取消，已写入的发现保留 / cancelled on request; the findings written so far are kept";
        this.finishedAt = now;
    }

    /** Left RUNNING by a process that is gone (a crash, a kill, a stop): closed as FAILED. */
    public void interrupted(LocalDateTime now) {
        requireRunning("close as interrupted");
        this.status = RunStatus.FAILED;
        this.interrupted = true;
        this.message = "服务停止导致中断 / interrupted: the server stopped during the run";
        this.finishedAt = now;
    }

    /** An interrupted run that {@code rerun} runs again (Quartz recovery after a crash). */
    public void rerunAs(long rerun) {
        if (status != RunStatus.FAILED || !interrupted) {
            throw new IllegalStateException("run " + id + " is " + status + (interrupted ? "" : ", not interrupted")
                    + ": it cannot be re-run as run " + rerun);
        }
        this.message = "中断后已由运行 " + rerun + " 重新执行 / interrupted; re-run as run " + rerun;
    }

    /** Mirrors the progress written by JDBC into this instance, for the view returned at the end. */
    void advancedTo(long done) {
        this.subjectsDone = done;
    }

    /** Splits this run, before it is first saved, into {@code count} partitions run as Quartz jobs. */
    void partitioned(int count) {
        if (id != null || count < 1) {
            throw new IllegalStateException("run " + id + " cannot be split into " + count + " partitions");
        }
        this.partitions = count;
    }

    public boolean isInterrupted() {
        return interrupted;
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

    public Long getPlanId() {
        return planId;
    }

    public String getScopeDescription() {
        return scopeDescription;
    }

    public long getSubjectsTotal() {
        return subjectsTotal;
    }

    public long getSubjectsDone() {
        return subjectsDone;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getNodeInstance() {
        return nodeInstance;
    }

    public Long getRecoversRunId() {
        return recoversRunId;
    }

    public RunMode getMode() {
        return mode;
    }

    public Long getBaseRunId() {
        return baseRunId;
    }

    public LocalDate getHorizonOn() {
        return horizonOn;
    }

    public String getReferenceHash() {
        return referenceHash;
    }

    public Long getLoadsThrough() {
        return loadsThrough;
    }

    public long getFindingsCarried() {
        return findingsCarried;
    }

    public int getPartitions() {
        return partitions;
    }

    public boolean isPartitioned() {
        return partitions > 0;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public String getForceReason() {
        return forceReason;
    }

    public String getWithdrawnBy() {
        return withdrawnBy;
    }

    public LocalDateTime getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public RunStep getFailedStep() {
        return failedStep;
    }

    public String getRootCause() {
        return rootCause;
    }
}
