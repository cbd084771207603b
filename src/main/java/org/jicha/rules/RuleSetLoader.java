package org.jicha.rules;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.rules.compile.ParameterCheck;
import org.jicha.rules.compile.ParameterUse;
import org.jicha.rules.compile.ParametersFile;
import org.jicha.rules.compile.RuleFolder;
import org.jicha.rules.compile.RuleMetadata;
import org.jicha.rules.compile.RuleSources;
import org.jicha.rules.tables.DecisionTableFile;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles a rules folder into a {@link RuleSet}: every {@code *.drl} and {@code *.drl.xlsx} below it,
 * {@code parameters.yml} and {@code calendar/cn-working-days.csv}. Every problem (a compile error, missing
 * or invalid metadata, a duplicate code, an undefined parameter, a parameter value the rules cannot read the
 * way they read it) is reported with its file and line (a decision table's with its sheet, row and column; a
 * bad value at its line of {@code parameters.yml}); any problem rejects the whole set. A decision-table row
 * needs no catalogue metadata: it carries {@code supports("CODE")}, the rule whose data it is. What Drools
 * compiled is checked against the allow-list of types ({@link org.jicha.rules.compile.TypeAllowList})
 * before any of it is loaded or run; a rule that reaches past it is a problem like any other.
 */
public final class RuleSetLoader {

    public static final String PARAMETERS_FILE = RuleFolder.PARAMETERS_FILE;
    public static final String CALENDAR_FILE = RuleFolder.CALENDAR_FILE;

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern FUNCTION = Pattern.compile("^\\s*function\\s+[^(]*?([\\w$]+)\\s*\\(");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kieServices = KieServices.Factory.get();

    /** Compiles the folder; throws {@link RuleSetException} listing every problem found. */
    public RuleSet load(Path rulesDir) {
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleSetException(List.of(new RuleProblem(rulesDir.toString(), 0, "rules folder does not exist")));
        }
        List<Path> ruleFiles = RuleFolder.ruleFiles(rulesDir);
        ParametersFile.Contents parameterValues =
                ParametersFile.read(rulesDir.resolve(PARAMETERS_FILE), PARAMETERS_FILE, problems);
        List<ParameterUse> parameterUses = new ArrayList<>();
        WorkingDayCalendar calendar = RuleFolder.readCalendar(rulesDir, problems);
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleProblem(rulesDir.toString(), 0, "no *.drl or *.drl.xlsx file in the rules folder"));
        }

        String hash = RuleFolder.contentHash(rulesDir, ruleFiles);
        ReleaseId releaseId = kieServices.newReleaseId(
                "org.jicha.ruleset", "rules", "1.0." + BUILDS.incrementAndGet() + "-" + hash.substring(0, 12));
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> displayByKiePath = new HashMap<>();
        Map<String, Map<String, Integer>> ruleLines = new HashMap<>();
        Map<String, Map<String, Integer>> functionLines = new HashMap<>();
        Map<String, DecisionTableFile> tables = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        List<String> displayNames = new ArrayList<>();
        for (Path file : ruleFiles) {
            String display = RuleFolder.display(rulesDir, file);
            displayNames.add(display);
            String kiePath;
            if (display.endsWith(".drl")) {
                String text = RuleFolder.read(file);
                Matcher pkg = PACKAGE.matcher(text);
                String pkgPath = pkg.find() ? pkg.group(1).replace('.', '/') : "defaultpkg";
                kiePath = "src/main/resources/" + pkgPath + "/" + file.getFileName();
                // the encoding is named so that the platform charset (POSIX, GBK) never decodes the audit team's text
                kfs.write(
                        kiePath,
                        kieServices
                                .getResources()
                                .newReaderResource(new StringReader(text), "UTF-8")
                                .setSourcePath(kiePath)
                                .setResourceType(ResourceType.DRL));
                ruleLines.put(display, RuleSources.linesOf(RULE, text));
                functionLines.put(display, RuleSources.linesOf(FUNCTION, text));
                sources.put(kiePath, text);
                parameterUses.addAll(ParameterUse.scan(display, text, line -> line));
                RuleSources.checkAccumulateImports(display, text, problems);
            } else {
                // compiled here rather than by KIE, so that errors point at the sheet, row and column
                DecisionTableFile table = DecisionTableFile.compile(file, display, problems);
                if (table == null) {
                    continue;
                }
                tables.put(display, table);
                Matcher pkg = PACKAGE.matcher(table.drl());
                String pkgPath = pkg.find() ? pkg.group(1).replace('.', '/') : "defaultpkg";
                kiePath = "src/main/resources/" + pkgPath + "/" + file.getFileName() + ".drl";
                kfs.write(
                        kiePath,
                        kieServices
                                .getResources()
                                .newReaderResource(new StringReader(table.drl()), "UTF-8")
                                .setSourcePath(kiePath)
                                .setResourceType(ResourceType.DRL));
                ruleLines.put(display, table.ruleRows());
                sources.put(kiePath, table.drl());
                parameterUses.addAll(ParameterUse.scan(
                        display, table.drl(), line -> table.problem(line, "").line()));
                RuleSources.checkAccumulateImports(display, table.drl(), problems);
            }
            displayByKiePath.put(kiePath, display);
        }
        // every value checked against how the rules read it, and kept typed that way
        RuleParameters parameters = ParameterCheck.check(parameterValues, parameterUses, problems);
        if (!problems.isEmpty() || ruleFiles.isEmpty()) {
            throw new RuleSetException(problems);
        }

        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file =
                    m.getPath() == null ? rulesDir.toString() : RuleSources.displayOf(m.getPath(), displayByKiePath);
            DecisionTableFile table = tables.get(file);
            problems.add(
                    table != null
                            ? table.problem(m.getLine(), m.getText().strip())
                            : new RuleProblem(
                                    file, Math.max(m.getLine(), 0), m.getText().strip()));
        }
        if (problems.isEmpty()) {
            problems.addAll(
                    RuleSources.allowListProblems(builder, rulesDir, displayByKiePath, ruleLines, functionLines));
        }
        if (!problems.isEmpty()) {
            kieServices.getRepository().removeKieModule(releaseId);
            throw new RuleSetException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        kieServices.getRepository().removeKieModule(releaseId);

        List<RuleMeta> metas = new ArrayList<>();
        Map<String, RuleMeta> metaByRuleName = new HashMap<>();
        Map<String, RuleMeta> byCode = new HashMap<>();
        Set<String> globals = new HashSet<>();
        List<SupportRow> supportRows = new ArrayList<>();
        Map<RuleVariants.RuleName, RuleSet.RuleOrigin> origins = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global g : pkg.getGlobalVariables()) {
                globals.add(g.getName());
            }
            for (Rule rule : pkg.getRules()) {
                String file = RuleSources.fileOf(rule, displayByKiePath);
                int line = ruleLines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
                if (tables.containsKey(file) && rule.getMetaData().get("code") == null) {
                    // a row of a decision table: data for the rule named by its "supports" metadata
                    SupportRow row = new SupportRow(
                            file,
                            line,
                            String.valueOf(rule.getMetaData().get("supports")).strip());
                    supportRows.add(row);
                    origins.put(
                            new RuleVariants.RuleName(rule.getPackageName(), rule.getName()),
                            new RuleSet.RuleOrigin(row.supports(), file + ":" + line));
                    continue;
                }
                RuleMeta meta = RuleMetadata.read(rule, file, line, problems);
                if (meta == null) {
                    continue;
                }
                RuleMeta earlier = byCode.putIfAbsent(meta.code(), meta);
                if (earlier != null) {
                    problems.add(new RuleProblem(
                            file,
                            line,
                            "duplicate rule code " + meta.code() + " (already defined at " + earlier.file() + ":"
                                    + earlier.line() + ")"));
                    continue;
                }
                metas.add(meta);
                metaByRuleName.put(rule.getPackageName() + "." + rule.getName(), meta);
                origins.put(
                        new RuleVariants.RuleName(rule.getPackageName(), rule.getName()),
                        new RuleSet.RuleOrigin(meta.code(), file + ":" + line));
            }
        }
        for (SupportRow row : supportRows) {
            if (!byCode.containsKey(row.supports())) {
                problems.add(new RuleProblem(
                        row.file(),
                        row.line(),
                        "decision-table row " + row.line() + ": its supports metadata (\"" + row.supports()
                                + "\") does not name a rule code of the set"));
            }
        }
        for (String required : List.of("ctx", "params", "findings")) {
            if (!globals.contains(required)) {
                problems.add(
                        new RuleProblem(rulesDir.toString(), 0, "no rule file declares the global '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(
                kieBase,
                metas,
                metaByRuleName,
                parameters,
                calendar,
                hash,
                displayNames,
                origins,
                new RuleVariants(sources, hash));
    }

    /** A decision-table row and the rule code it supports. */
    private record SupportRow(String file, int line, String supports) {}

    /** The content hash a rule set compiled from the folder now would have, without compiling it. */
    public static String contentHash(Path rulesDir) {
        return RuleFolder.contentHash(rulesDir, RuleFolder.ruleFiles(rulesDir));
    }
}
