package org.jicha.rules.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.Severity;
import org.jicha.rules.TeamKind;
import org.jicha.rules.Theme;
import org.kie.api.definition.rule.Rule;
import org.kie.api.definition.type.Description;

/**
 * A compiled rule's catalogue metadata ({@code @code}, {@code @theme}, {@code @title}, ...) read into a
 * {@link RuleMeta}: every key the catalogue needs must be there, the code must be {@code THEME-NN} of its theme,
 * severity, team kind and theme must be known values, {@code @rectifyDays} a positive whole number and each
 * {@code @requires} entry a {@code table.column}. Each fault is reported at the rule's file and line.
 */
public final class RuleMetadata {

    public static final List<String> REQUIRED_METADATA =
            List.of("code", "theme", "title", "titleEn", "severity", "teamKind", "rectifyDays", "basis", "remedy");

    private static final Pattern REQUIRED_COLUMN = Pattern.compile("[a-z_]+\\.[a-z_]+");
    private static final Pattern CODE_FORMAT = Pattern.compile("(BIL|BUS|INS|MET|EXP|IMP)-\\d{2}");

    private RuleMetadata() {}

    /** The rule's metadata, or null when a fault was added to {@code problems}. */
    public static RuleMeta read(Rule rule, String file, int line, List<RuleProblem> problems) {
        Map<String, Object> md = rule.getMetaData();
        List<String> missing = REQUIRED_METADATA.stream()
                .filter(k -> md.get(k) == null || String.valueOf(md.get(k)).isBlank())
                .toList();
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
            problems.add(
                    new RuleProblem(file, line, "rectifyDays \"" + md.get("rectifyDays") + "\" is not a whole number"));
        }
        List<String> requires = new ArrayList<>();
        if (md.get("requires") != null) {
            for (String column :
                    String.valueOf(md.get("requires")).replace("\"", "").split(",")) {
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
        Object description = md.getOrDefault("description", md.get(Description.class.getName()));
        return new RuleMeta(
                code,
                theme,
                text(md, "title"),
                text(md, "titleEn"),
                severity,
                teamKind,
                rectifyDays,
                text(md, "basis"),
                text(md, "remedy"),
                description == null ? "" : String.valueOf(description),
                file,
                line,
                requires);
    }

    private static String text(Map<String, Object> md, String key) {
        return String.valueOf(md.get(key)).strip();
    }

    private static <E extends Enum<E>> E parseEnum(
            Class<E> type, String value, String key, String file, int line, List<RuleProblem> problems) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(
                    file, line, key + " \"" + value + "\" is not one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
