package org.jicha.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jicha.calendar.CalendarFile;
import org.jicha.calendar.CalendarFileException;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.rules.internal.CompiledRuleSetCheck;
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
import org.drools.compiler.kie.builder.impl.InternalKieModule;

/**
 * Compiles a rules folder into a {@link RuleSet}: every {@code *.drl} and {@code *.drl.xlsx} below it,
 * {@code parameters.yml} and {@code calendar/cn-working-days.csv}. Every problem (a compile error, missing
 * or invalid metadata, a duplicate code, an undefined parameter, a parameter value the rules cannot read the
 * way they read it) is reported with its file and line (a decision table's with its sheet, row and column; a
 * bad value at its line of {@code parameters.yml}); any problem rejects the whole set. A decision-table row
 * needs no catalogue metadata: it carries {@code supports("CODE")}, the rule whose data it is. What Drools
 * compiled is checked against the allow-list of types ({@link org.jicha.rules.internal.TypeAllowList})
 * before any of it is loaded or run; a rule that reaches past it is a problem like any other.
 */
public final class RuleSetLoader {

    public static final String PARAMETERS_FILE = "parameters.yml";
    public static final String CALENDAR_FILE = "calendar/cn-working-days.csv";

    static final List<String> REQUIRED_METADATA = List.of(
            "code", "theme", "title", "titleEn", "severity", "teamKind", "rectifyDays", "basis", "remedy");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern ACCUMULATE_IMPORT = Pattern.compile("^\\s*import\\s+accumulate\\s+([\\w.$]+)");
    private static final Pattern FUNCTION = Pattern.compile("^\\s*function\\s+[^(]*?([\\w$]+)\\s*\\(");
    private static final Pattern REQUIRED_COLUMN = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Pattern CODE_FORMAT = Pattern.compile("(BIL|BUS|INS|MET|EXP|IMP)-\\d{2}");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kieServices = KieServices.Factory.get();

    /** Compiles the folder; throws {@link RuleSetException} listing every problem found. */
    public RuleSet load(Path rulesDir) {
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(rulesDir)) {
            throw new RuleSetException(List.of(new RuleProblem(rulesDir.toString(), 0, "rules folder does not exist")));
        }
        List<Path> ruleFiles = ruleFiles(rulesDir);
        ParametersFile.Contents parameterValues = ParametersFile.read(rulesDir.resolve(PARAMETERS_FILE), PARAMETERS_FILE,
                problems);
        List<ParameterUse> parameterUses = new ArrayList<>();
        WorkingDayCalendar calendar = readCalendar(rulesDir, problems);
        if (ruleFiles.isEmpty()) {
            problems.add(new RuleProblem(rulesDir.toString(), 0, "no *.drl or *.drl.xlsx file in the rules folder"));
        }

        String hash = contentHash(rulesDir, ruleFiles);
        ReleaseId releaseId = kieServices.newReleaseId("org.jicha.ruleset", "rules",
                "1.0." + BUILDS.incrementAndGet() + "-" + hash.substring(0, 12));
        KieFileSystem kfs = kieServices.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> displayByKiePath = new HashMap<>();
        Map<String, Map<String, Integer>> ruleLines = new HashMap<>();
        Map<String, Map<String, Integer>> functionLines = new HashMap<>();
        Map<String, DecisionTableFile> tables = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        List<String> displayNames = new ArrayList<>();
        for (Path file : ruleFiles) {
            String display = display(rulesDir, file);
            displayNames.add(display);
            String kiePath;
            if (display.endsWith(".drl")) {
                String text = read(file);
                Matcher pkg = PACKAGE.matcher(text);
                String pkgPath = pkg.find() ? pkg.group(1).replace('.', '/') : "defaultpkg";
                kiePath = "src/main/resources/" + pkgPath + "/" + file.getFileName();
                // the encoding is named so that the platform charset (POSIX, GBK) never decodes the audit team's text
                kfs.write(kiePath, kieServices.getResources()
                        .newReaderResource(new StringReader(text), "UTF-8")
                        .setSourcePath(kiePath).setResourceType(ResourceType.DRL));
                ruleLines.put(display, linesOf(RULE, text));
                functionLines.put(display, linesOf(FUNCTION, text));
                sources.put(kiePath, text);
                parameterUses.addAll(ParameterUse.scan(display, text, line -> line));
                checkAccumulateImports(display, text, problems);
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
                kfs.write(kiePath, kieServices.getResources()
                        .newReaderResource(new StringReader(table.drl()), "UTF-8")
                        .setSourcePath(kiePath).setResourceType(ResourceType.DRL));
                ruleLines.put(display, table.ruleRows());
                sources.put(kiePath, table.drl());
                parameterUses.addAll(ParameterUse.scan(display, table.drl(), line -> table.problem(line, "").line()));
                checkAccumulateImports(display, table.drl(), problems);
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
            String file = m.getPath() == null ? rulesDir.toString() : displayOf(m.getPath(), displayByKiePath);
            DecisionTableFile table = tables.get(file);
            problems.add(table != null ? table.problem(m.getLine(), m.getText().strip())
                    : new RuleProblem(file, Math.max(m.getLine(), 0), m.getText().strip()));
        }
        if (problems.isEmpty()) {
            problems.addAll(allowListProblems(builder, rulesDir, displayByKiePath, ruleLines, functionLines));
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
                String file = fileOf(rule, displayByKiePath);
                int line = ruleLines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
                if (tables.containsKey(file) && rule.getMetaData().get("code") == null) {
                    // a row of a decision table: data for the rule named by its "supports" metadata
                    SupportRow row = new SupportRow(file, line, String.valueOf(rule.getMetaData().get("supports")).strip());
                    supportRows.add(row);
                    origins.put(new RuleVariants.RuleName(rule.getPackageName(), rule.getName()),
                            new RuleSet.RuleOrigin(row.supports(), file + ":" + line));
                    continue;
                }
                RuleMeta meta = metadata(rule, file, line, problems);
                if (meta == null) {
                    continue;
                }
                RuleMeta earlier = byCode.putIfAbsent(meta.code(), meta);
                if (earlier != null) {
                    problems.add(new RuleProblem(file, line, "duplicate rule code " + meta.code()
                            + " (already defined at " + earlier.file() + ":" + earlier.line() + ")"));
                    continue;
                }
                metas.add(meta);
                metaByRuleName.put(rule.getPackageName() + "." + rule.getName(), meta);
                origins.put(new RuleVariants.RuleName(rule.getPackageName(), rule.getName()),
                        new RuleSet.RuleOrigin(meta.code(), file + ":" + line));
            }
        }
        for (SupportRow row : supportRows) {
            if (!byCode.containsKey(row.supports())) {
                problems.add(new RuleProblem(row.file(), row.line(), "decision-table row " + row.line()
                        + ": its supports metadata (\"" + row.supports() + "\") does not name a rule code of the set"));
            }
        }
        for (String required : List.of("ctx", "params", "findings")) {
            if (!globals.contains(required)) {
                problems.add(new RuleProblem(rulesDir.toString(), 0, "no rule file declares the global '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(kieBase, metas, metaByRuleName, parameters, calendar, hash, displayNames, origins,
                new RuleVariants(sources, hash));
    }

    /** A decision-table row and the rule code it supports. */
    private record SupportRow(String file, int line, String supports) {
    }

    private static RuleMeta metadata(Rule rule, String file, int line, List<RuleProblem> problems) {
        Map<String, Object> md = rule.getMetaData();
        List<String> missing = REQUIRED_METADATA.stream()
                .filter(k -> md.get(k) == null || String.valueOf(md.get(k)).isBlank()).toList();
        if (!missing.isEmpty()) {
            problems.add(new RuleProblem(file, line, "rule \"" + rule.getName() + "\" lacks metadata " + missing));
            return null;
        }
        String code = text(md, "code");
        int before = problems.size();
        if (!CODE_FORMAT.matcher(code).matches()) {
            problems.add(new RuleProblem(file, line, "rule code \"" + code + "\" is not THEME-NN (e.g. BIL-01)"));
        }
        Theme theme = parseEnum(Theme.class, text(md, "theme"), "theme", file, line, problems);
        Severity severity = parseEnum(Severity.class, text(md, "severity"), "severity", file, line, problems);
        TeamKind teamKind = parseEnum(TeamKind.class, text(md, "teamKind"), "teamKind", file, line, problems);
        if (theme != null && !code.startsWith(theme.name() + "-")) {
            problems.add(new RuleProblem(file, line, "rule code " + code + " does not belong to theme " + theme));
        }
        int rectifyDays = 0;
        try {
            rectifyDays = Integer.parseInt(text(md, "rectifyDays"));
            if (rectifyDays <= 0) {
                problems.add(new RuleProblem(file, line, "rectifyDays must be a positive number of working days"));
            }
        } catch (NumberFormatException e) {
            problems.add(new RuleProblem(file, line, "rectifyDays \"" + md.get("rectifyDays") + "\" is not a whole number"));
        }
        List<String> requires = new ArrayList<>();
        if (md.get("requires") != null) {
            for (String column : String.valueOf(md.get("requires")).replace("\"", "").split(",")) {
                String c = column.strip();
                if (!REQUIRED_COLUMN.matcher(c).matches()) {
                    problems.add(new RuleProblem(file, line, "@requires entry \"" + c + "\" is not table.column"));
                }
                requires.add(c);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        // Drools files @description under the key of its own Description annotation type
        Object description = md.getOrDefault("description", md.get(org.kie.api.definition.type.Description.class.getName()));
        return new RuleMeta(code, theme, text(md, "title"), text(md, "titleEn"), severity, teamKind, rectifyDays,
                text(md, "basis"), text(md, "remedy"), description == null ? "" : String.valueOf(description), file, line,
                requires);
    }

    private static String text(Map<String, Object> md, String key) {
        return String.valueOf(md.get(key)).strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String key, String file, int line,
                                                   List<RuleProblem> problems) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(file, line, key + " \"" + value + "\" is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /**
     * What Drools compiled, checked against the allow-list of types before the set is loaded: each violation
     * located by the rule's (or function's) file and line.
     */
    private static List<RuleProblem> allowListProblems(KieBuilder builder, Path rulesDir,
                                                       Map<String, String> displayByKiePath,
                                                       Map<String, Map<String, Integer>> ruleLines,
                                                       Map<String, Map<String, Integer>> functionLines) {
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<RuleProblem> problems = new ArrayList<>();
        for (String kieBase : module.getKieModuleModel().getKieBaseModels().keySet()) {
            List<CompiledRuleSetCheck.Violation> violations;
            try {
                violations = CompiledRuleSetCheck.check(module.getKnowledgePackagesForKieBase(kieBase));
            } catch (RuntimeException e) {
                // fail closed: what cannot be checked is not loaded
                return List.of(new RuleProblem(rulesDir.toString(), 0, "the compiled rule set cannot be checked against "
                        + "the allow-list of types: " + e));
            }
            for (CompiledRuleSetCheck.Violation v : violations) {
                Map<String, Map<String, Integer>> lines = v.rule() != null ? ruleLines : functionLines;
                String name = v.rule() != null ? v.rule() : v.function();
                String file = v.sourcePath() != null ? displayOfSource(v.sourcePath(), displayByKiePath)
                        : lines.entrySet().stream().filter(e -> name != null && e.getValue().containsKey(name))
                                .map(Map.Entry::getKey).findFirst().orElse(rulesDir.toString());
                int line = name == null ? 0 : lines.getOrDefault(file, Map.of()).getOrDefault(name, 0);
                problems.add(new RuleProblem(file, line, v.message()));
            }
        }
        return problems;
    }

    /**
     * Drools creates an imported accumulate function's class while it compiles, before the allow-list is
     * checked on the result: only its own functions may be imported, refused here from the text.
     */
    private static void checkAccumulateImports(String file, String text, List<RuleProblem> problems) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ACCUMULATE_IMPORT.matcher(lines[i]);
            if (m.find() && !m.group(1).startsWith("org.drools.core.base.accumulators.")) {
                problems.add(new RuleProblem(file, i + 1, "import accumulate " + m.group(1)
                        + ": only Drools' own accumulate functions may be used (不在允许清单内 / not on the allow-list)"));
            }
        }
    }

    /** The 1-based line of each name the pattern's first group captures (the first occurrence). */
    private static Map<String, Integer> linesOf(Pattern declaration, String text) {
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            Matcher m = declaration.matcher(all[i]);
            if (m.find()) {
                lines.putIfAbsent(m.group(1), i + 1);
            }
        }
        return lines;
    }

    /**
     * The rules-folder name of a file a compiler message points at. KIE reports paths relative to its
     * resources root ({@code jicha/bus/business.drl}), not the path written to the KieFileSystem.
     */
    private static String displayOf(String messagePath, Map<String, String> displayByKiePath) {
        String display = displayByKiePath.get(messagePath);
        if (display == null) {
            display = displayByKiePath.get("src/main/resources/" + messagePath);
        }
        return display != null ? display : messagePath;
    }

    private static String fileOf(Rule rule, Map<String, String> displayByKiePath) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            return displayOfSource(impl.getResource().getSourcePath(), displayByKiePath);
        }
        return rule.getPackageName() + "/" + rule.getName();
    }

    /** The rules-folder name of a Drools resource's source path. */
    private static String displayOfSource(String source, Map<String, String> displayByKiePath) {
        for (Map.Entry<String, String> e : displayByKiePath.entrySet()) {
            if (e.getKey().endsWith(source) || source.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return source;
    }

    private static WorkingDayCalendar readCalendar(Path rulesDir, List<RuleProblem> problems) {
        Path file = rulesDir.resolve(CALENDAR_FILE);
        if (!Files.exists(file)) {
            problems.add(new RuleProblem(CALENDAR_FILE, 0, "working-day calendar is missing"));
            return WorkingDayCalendar.weekdaysOnly();
        }
        try {
            return CalendarFile.read(file);
        } catch (CalendarFileException e) {
            problems.add(new RuleProblem(CALENDAR_FILE, 0, e.getMessage()));
            return WorkingDayCalendar.weekdaysOnly();
        }
    }

    static List<Path> ruleFiles(Path rulesDir) {
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return !name.startsWith("~$") && !name.startsWith(".")
                                && (name.endsWith(".drl") || name.endsWith(".drl.xlsx"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content hash a rule set compiled from the folder now would have, without compiling it. */
    public static String contentHash(Path rulesDir) {
        return contentHash(rulesDir, ruleFiles(rulesDir));
    }

    private static String contentHash(Path rulesDir, List<Path> ruleFiles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Path> all = new ArrayList<>(ruleFiles);
            for (String extra : List.of(PARAMETERS_FILE, CALENDAR_FILE)) {
                if (Files.exists(rulesDir.resolve(extra))) {
                    all.add(rulesDir.resolve(extra));
                }
            }
            all.sort(null);
            for (Path p : all) {
                digest.update(display(rulesDir, p).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(p));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String display(Path rulesDir, Path file) {
        return rulesDir.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
