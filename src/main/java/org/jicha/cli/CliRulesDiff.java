package org.jicha.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jicha.JichaApplication;
import org.jicha.audit.ImpactPreview;
import org.jicha.audit.ImpactPreview.PreviewReport;
import org.jicha.audit.ImpactPreview.RuleImpact;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code rules diff} command: a candidate rule set against the current one on a batch folder, in a
 * throw-away database (a temporary H2 file database, {@link ScratchDatabase}); per rule the findings under each set
 * and the subjects that change. Nothing else.
 */
final class CliRulesDiff {

    private final Path candidate;
    private final Path rules;
    private final Path data;
    private final LocalDate asOf;

    CliRulesDiff(Path candidate, Path rules, Path data, LocalDate asOf) {
        this.candidate = candidate;
        this.rules = rules;
        this.data = data;
        this.asOf = asOf;
    }

    int run(PrintWriter out, PrintWriter err) throws IOException {
        try (ScratchDatabase db = ScratchDatabase.temporary("jicha-diff-")) {
            return run(db, out, err);
        }
    }

    private int run(ScratchDatabase db, PrintWriter out, PrintWriter err) {
        SpringApplication app = new SpringApplication(JichaApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        db.closesContextOf(app);
        String[] properties = {
            "--spring.datasource.url=" + db.url(),
            "--spring.quartz.auto-startup=false",
            "--jicha.rules.dir=" + rules,
            "--jicha.rules.watch=false",
            "--jicha.security.bootstrap-admin=false",
            "--jicha.bootstrap.sample-data=",
            "--logging.level.root=WARN",
            "--logging.level.org.jicha=WARN",
            "--logging.level.org.flywaydb=ERROR",
            "--logging.level.org.drools.mvel.MVELConstraint=ERROR"
        };
        try (ConfigurableApplicationContext context = app.run(properties)) {
            LoadResult load = context.getBean(BatchLoader.class).load(data);
            PreviewReport report = context.getBean(ImpactPreview.class)
                    .compare(context.getBean(ActiveRuleSet.class).current(), new RuleSetLoader().load(candidate), asOf);
            print(out, load, report);
            return JichaCli.OK;
        } catch (RuntimeException e) {
            RuleSetException problems = null;
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RuleSetException r) {
                    problems = r;
                }
            }
            err.println("错误 / error: " + (problems != null ? problems.getMessage() : e.getMessage()));
            return JichaCli.FAILURE;
        }
    }

    private void print(PrintWriter out, LoadResult load, PreviewReport report) {
        out.printf(
                "影响预览 Impact preview as of %s (audited period %s): current %s -> candidate %s%n",
                report.asOf(),
                report.auditedPeriod(),
                report.currentHash().substring(0, 12),
                report.candidateHash().substring(0, 12));
        out.printf("装载 Loaded %s: %d rows accepted, %d rejected%n", data, load.rowsAccepted(), load.rowsRejected());
        out.printf("%-8s %-16s %8s %8s %8s %8s%n", "rule", "title", "current", "candidate", "new", "gone");
        long changed = 0;
        for (RuleImpact r : report.rules()) {
            out.printf(
                    "%-8s %-16s %8d %8d %8d %8d%n",
                    r.ruleCode(),
                    r.title(),
                    r.findingsCurrent(),
                    r.findingsCandidate(),
                    r.newlyFlaggedCount(),
                    r.noLongerFlaggedCount());
            r.newlyFlagged().forEach(s -> out.printf("    + %s%n", s));
            r.noLongerFlagged().forEach(s -> out.printf("    - %s%n", s));
            if (r.changed()) {
                changed++;
            }
        }
        out.printf("变化的规则 Rules that change: %d%n", changed);
    }
}
