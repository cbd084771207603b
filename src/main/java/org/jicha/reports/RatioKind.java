package org.jicha.reports;

import java.util.List;
import java.util.Set;
import org.jicha.config.Labels;

/**
 * The utility's ratios and their definitions (口径), as printed with every report; names and definitions are in the
 * message bundles. The counting itself is in {@link RatioQueries}; docs/REPORTS.md explains each with examples.
 */
public enum RatioKind {
    READING_ERROR,
    TARIFF_CORRECT,
    EXPANSION_ON_TIME,
    RECTIFIED,
    RECTIFIED_ON_TIME;

    /** The EXP rules about time limits, whose findings make an archived application miss its limits. */
    public static final Set<String> TIME_LIMIT_RULES =
            Set.of("EXP-01", "EXP-02", "EXP-03", "EXP-04", "EXP-05", "EXP-06", "EXP-07", "EXP-10");

    /** The rule whose finding marks a meter as due but without any reading record. */
    public static final String UNREAD_RULE = "BIL-01";

    /** The Chinese name ({@code ratio.<KIND>} in the message bundles). */
    public String zh() {
        return Labels.zh("ratio." + name());
    }

    public String en() {
        return Labels.en("ratio." + name());
    }

    /** Chinese first, then English, as a report prints it. */
    public String label() {
        return Labels.both("ratio." + name());
    }

    /** How it is counted, Chinese then English ({@code ratio.<KIND>.definition}). */
    public String definition() {
        return Labels.both("ratio." + name() + ".definition");
    }

    /** The ratios of a team of that kind: its own kind's ratio, then the two rectification ratios. */
    public static List<RatioKind> forTeamKind(String teamKind) {
        RatioKind own = switch (teamKind == null ? "" : teamKind) {
            case "READING" -> READING_ERROR;
            case "BILLING" -> TARIFF_CORRECT;
            case "EXPANSION", "INSTALLATION" -> EXPANSION_ON_TIME;
            default -> null;
        };
        return own == null ? List.of(RECTIFIED, RECTIFIED_ON_TIME) : List.of(own, RECTIFIED, RECTIFIED_ON_TIME);
    }
}
