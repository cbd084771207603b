package org.jicha.rules.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.jicha.rules.RuleProblem;
import org.kie.api.builder.KieBuilder;
import org.kie.api.definition.rule.Rule;

/**
 * Where a compiled rule came from in the rules folder, and the checks that need it: the rules-folder file a
 * Drools message or rule points at, the line of each rule and function, the allow-list of types checked on
 * what Drools compiled ({@link CompiledRuleSetCheck}) and the refusal of foreign accumulate functions, each
 * problem located at its file and line.
 */
public final class RuleSources {

    private static final Pattern ACCUMULATE_IMPORT = Pattern.compile("^\\s*import\\s+accumulate\\s+([\\w.$]+)");

    private RuleSources() {}

    /**
     * What Drools compiled, checked against the allow-list of types before the set is loaded: each violation
     * located by the rule's (or function's) file and line.
     */
    public static List<RuleProblem> allowListProblems(
            KieBuilder builder,
            Path rulesDir,
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
                return List.of(new RuleProblem(
                        rulesDir.toString(),
                        0,
                        "the compiled rule set cannot be checked against " + "the allow-list of types: " + e));
            }
            for (CompiledRuleSetCheck.Violation v : violations) {
                Map<String, Map<String, Integer>> lines = v.rule() != null ? ruleLines : functionLines;
                String name = v.rule() != null ? v.rule() : v.function();
                String file = v.sourcePath() != null
                        ? displayOfSource(v.sourcePath(), displayByKiePath)
                        : lines.entrySet().stream()
                                .filter(e -> name != null && e.getValue().containsKey(name))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(rulesDir.toString());
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
    public static void checkAccumulateImports(String file, String text, List<RuleProblem> problems) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ACCUMULATE_IMPORT.matcher(lines[i]);
            if (m.find() && !m.group(1).startsWith("org.drools.core.base.accumulators.")) {
                problems.add(
                        new RuleProblem(
                                file,
                                i + 1,
                                "import accumulate " + m.group(1)
                                        + ": only Drools' own accumulate functions may be used (不在允许清单内 / not on the allow-list)"));
            }
        }
    }

    /** The 1-based line of each name the pattern's first group captures (the first occurrence). */
    public static Map<String, Integer> linesOf(Pattern declaration, String text) {
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
    public static String displayOf(String messagePath, Map<String, String> displayByKiePath) {
        String display = displayByKiePath.get(messagePath);
        if (display == null) {
            display = displayByKiePath.get("src/main/resources/" + messagePath);
        }
        return display != null ? display : messagePath;
    }

    public static String fileOf(Rule rule, Map<String, String> displayByKiePath) {
        if (rule instanceof RuleImpl impl
                && impl.getResource() != null
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
}
