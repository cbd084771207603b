package org.jicha.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jicha.JichaApplication;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunErrorView;
import org.jicha.audit.RunStatus;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.config.Labels;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.ingest.Rejection;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.Theme;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;

/**
 * The {@code audit} command: a throw-away H2 file database ({@link ScratchDatabase}, deleted at exit), the real
 * loader, the real audit, the findings streamed into the CSV.
 */
final class CliAudit {

    static final String FINDINGS_HEADER = "rule_code,theme,severity,subject_type,subject_id,customer_no,period,message";
    private static final String AUDITING = "稽查 Auditing";
    private static final String SUBJECTS = "检查对象 subjects";

    private final Path data;
    private final LocalDate asOf;
    private final Path findingsCsv;
    private final Path rules;
    private final Path rejectsCsv;
    private final Path keepDb;

    CliAudit(Path data, LocalDate asOf, Path findingsCsv, Path rules, Path rejectsCsv, Path keepDb) {
        this.data = data;
        this.asOf = asOf;
        this.findingsCsv = findingsCsv;
        this.rules = rules;
        this.rejectsCsv = rejectsCsv;
        this.keepDb = keepDb;
    }

    int run(PrintWriter out, PrintWriter err, ProgressLine progress) throws IOException {
        try (ScratchDatabase db =
                keepDb == null ? ScratchDatabase.temporary("jicha-audit-") : ScratchDatabase.kept(keepDb)) {
            out.println(
                    db.kept()
                            ? "数据库（保留）Database (kept): " + db.folder() + " (open it with jdbc:h2:file:"
                                    + db.folder().resolve(ScratchDatabase.NAME) + ", user sa, no password)"
                            : "临时数据库 Temporary database: " + db.folder() + " (deleted at exit)");
            return run(db, out, err, progress);
        }
    }

    private int run(ScratchDatabase db, PrintWriter out, PrintWriter err, ProgressLine progress) {
        SpringApplication app = new SpringApplication(JichaApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        db.closesContextOf(app);
        // command-line properties outrank application.yml: the throw-away database, the given rules
        String[] properties = {
            "--spring.datasource.url=" + db.url(),
            "--spring.quartz.auto-startup=false",
            // no incremental run ever follows on a throw-away database: the look-ahead to the horizon would be
            // a second evaluation of every batch for nothing (the findings as of the date are the same)
            "--jicha.audit.horizon-days=0",
            "--jicha.rules.dir=" + rules,
            "--jicha.rules.watch=false",
            "--jicha.security.bootstrap-admin=false", // one audit and exit: no folder watcher
            "--jicha.bootstrap.sample-data=",
            "--logging.level.root=WARN",
            "--logging.level.org.jicha=WARN",
            "--logging.level.org.flywaydb=ERROR",
            "--logging.level.org.drools.mvel.MVELConstraint=ERROR"
        };
        try (ConfigurableApplicationContext context = app.run(properties)) {
            BatchLoader loader = context.getBean(BatchLoader.class);
            AuditService audits = context.getBean(AuditService.class);
            progress.phase();
            LoadResult load = loader.load(data, (file, rows, done, read, bytes) -> {
                if (done) {
                    progress.complete("装载 Loading " + file, rows, -1, "行 rows");
                } else {
                    progress.update("装载 Loading " + file, rows, -1, "行 rows", bytes == 0 ? 0 : (double) read / bytes);
                }
            });
            RunView run = audit(audits, progress);
            long written = writeFindings(audits, run.id());
            if (rejectsCsv != null) {
                writeRejects(load.rejections());
            }
            printSummary(out, load, run, audits.ruleCatalogue(), written);
            if (run.status() == RunStatus.COMPLETED_WITH_ERRORS) {
                printRuleErrors(err, audits.get(run.id()));
                return JichaCli.RULE_ERRORS;
            }
            return JichaCli.OK;
        } catch (RuntimeException e) {
            RuleSetException rules = findCause(e, RuleSetException.class);
            err.println("错误 / error: " + (rules != null ? rules.getMessage() : rootMessage(e)));
            return JichaCli.FAILURE;
        }
    }

    /**
     * The audit in this thread, its progress read every second the way the run page reads it (the run's subjects
     * done of total, written after each batch) and shown by {@code progress}.
     */
    private RunView audit(AuditService audits, ProgressLine progress) {
        progress.phase();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jicha-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> showProgress(audits, progress), 1, 1, TimeUnit.SECONDS);
        RunView run;
        try {
            run = audits.run(asOf, RunTrigger.CLI);
        } finally {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.complete(AUDITING, run.progress().done(), run.progress().total(), SUBJECTS);
        return run;
    }

    private static void showProgress(AuditService audits, ProgressLine progress) {
        try {
            audits.list(PageRequest.of(0, 1)).stream()
                    .filter(r -> r.status() == RunStatus.RUNNING && r.progress().total() > 0)
                    .findFirst()
                    .ifPresent(r -> progress.update(
                            AUDITING,
                            r.progress().done(),
                            r.progress().total(),
                            SUBJECTS,
                            (double) r.progress().done() / r.progress().total()));
        } catch (RuntimeException e) {
            // progress is a courtesy: the run itself reports what went wrong
        }
    }

    /** Every other finding is written; the rules that threw, with their first subjects, go to standard error. */
    private static void printRuleErrors(PrintWriter err, RunView run) {
        err.println("规则出错 / rules that threw (their other subjects' findings are written; "
                + "fix the rule and run again):");
        for (RunErrorView rule : run.errors()) {
            err.printf(
                    "  %s %s (%s): %d 个对象 / subjects%n",
                    rule.ruleCode(), rule.title() == null ? "" : rule.title(), rule.location(), rule.count());
            rule.first().forEach(o -> err.printf("    %s: %s%n", o.subject(), o.message()));
        }
    }

    private long writeFindings(AuditService audits, long runId) {
        try (CsvWriter csv = CsvWriter.builder().build(findingsCsv, StandardCharsets.UTF_8)) {
            csv.writeRecord(FINDINGS_HEADER.split(","));
            return audits.forEachFinding(
                    runId,
                    f -> csv.writeRecord(
                            f.ruleCode(),
                            f.theme(),
                            f.severity(),
                            f.subjectType(),
                            f.subjectId(),
                            nullToEmpty(f.customerNo()),
                            nullToEmpty(f.period()),
                            f.message()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + findingsCsv + ": " + e.getMessage(), e);
        }
    }

    private void writeRejects(List<Rejection> rejections) {
        try (CsvWriter csv = CsvWriter.builder().build(rejectsCsv, StandardCharsets.UTF_8)) {
            csv.writeRecord("file", "line", "column", "value", "reason");
            for (Rejection r : rejections) {
                csv.writeRecord(
                        r.file(), Long.toString(r.line()), nullToEmpty(r.column()), nullToEmpty(r.value()), r.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + rejectsCsv + ": " + e.getMessage(), e);
        }
    }

    private void printSummary(PrintWriter out, LoadResult load, RunView run, List<RuleMeta> catalogue, long written) {
        out.printf(
                "稽查 Jicha audit as of %s (audited period %s), rule set %s (%d rules)%n",
                run.asOf(), run.auditedPeriod(), run.ruleSetHash().substring(0, 12), run.ruleCount());
        double loadSeconds = seconds(load.startedAt(), load.finishedAt());
        out.printf(
                "装载 Loaded %s: %d rows accepted, %d rejected, %d file(s) failed, in %.1f s%n",
                data, load.rowsAccepted(), load.rowsRejected(), load.filesFailed(), loadSeconds);
        load.files().stream()
                .filter(f -> f.fault() != null)
                .forEach(f -> out.printf("  file fault %s: %s%n", f.fileName(), f.fault()));
        out.printf(
                "检查对象 Subjects checked: %d, in %.1f s%n",
                run.subjectsChecked(), seconds(run.startedAt(), run.finishedAt()));
        if (run.message() != null) {
            out.printf("说明 Notes: %s%n", run.message());
        }
        out.printf("问题 Findings: %d%n", run.findingsCount());
        Map<Theme, Long> perTheme = new TreeMap<>();
        Map<String, RuleMeta> metaByCode = new TreeMap<>();
        catalogue.forEach(r -> metaByCode.put(r.code(), r));
        run.findingsPerRule().forEach((code, n) -> {
            RuleMeta meta = metaByCode.get(code);
            if (meta != null) {
                perTheme.merge(meta.theme(), n, Long::sum);
            }
        });
        for (Theme theme : Theme.values()) {
            out.printf("  %s %-12s %6d%n", theme, Labels.zh("theme." + theme.name()), perTheme.getOrDefault(theme, 0L));
            run.findingsPerRule().forEach((code, n) -> {
                RuleMeta meta = metaByCode.get(code);
                if (meta != null && meta.theme() == theme) {
                    out.printf("    %s %-14s %6d%n", code, meta.title(), n);
                }
            });
        }
        out.printf(
                "拒收行 Rows rejected: %d%s%n",
                load.rowsRejected(), rejectsCsv == null ? "" : " (see " + rejectsCsv + ")");
        out.printf("已写入 Findings written to %s (%d rows)%n", findingsCsv, written);
    }

    private static double seconds(LocalDateTime from, LocalDateTime to) {
        return from == null || to == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
