package org.jicha.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.Theme;

/**
 * What a run covers: rules (by theme and/or code; both empty = every rule) and units (each with its subtree
 * in {@code units}; empty = the whole company). An unscoped run is {@link #ALL}.
 */
public record RunScope(Set<Theme> themes, Set<String> ruleCodes, Set<String> unitCodes) {

    public static final RunScope ALL = new RunScope(Set.of(), Set.of(), Set.of());

    public RunScope {
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        ruleCodes = ruleCodes == null ? Set.of() : Set.copyOf(ruleCodes);
        unitCodes = unitCodes == null ? Set.of() : Set.copyOf(unitCodes);
    }

    public boolean allRules() {
        return themes.isEmpty() && ruleCodes.isEmpty();
    }

    public boolean allUnits() {
        return unitCodes.isEmpty();
    }

    public boolean isAll() {
        return allRules() && allUnits();
    }

    /** The rules of a set this scope covers: those of its themes plus those named. */
    public List<RuleMeta> rulesOf(RuleSet ruleSet) {
        if (allRules()) {
            return ruleSet.rules();
        }
        return ruleSet.rules().stream()
                .filter(r -> themes.contains(r.theme()) || ruleCodes.contains(r.code()))
                .toList();
    }

    /** Short text for the run's record, e.g. {@code 主题 BIL; 规则 MET-06; 单位 ST01}; null when unscoped. */
    public String describe() {
        if (isAll()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!themes.isEmpty()) {
            parts.add("主题 / themes "
                    + String.join(",", sorted(themes.stream().map(Theme::name).toList())));
        }
        if (!ruleCodes.isEmpty()) {
            parts.add("规则 / rules " + String.join(",", sorted(ruleCodes)));
        }
        if (!unitCodes.isEmpty()) {
            parts.add("单位 / units " + String.join(",", sorted(unitCodes)));
        }
        String text = String.join("; ", parts);
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Set<String> sorted(Collection<String> values) {
        return new TreeSet<>(values);
    }
}
