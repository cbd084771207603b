package org.jicha.rules.web;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Rule statistics for the rules page and {@code /api/rules/statistics}. The figures come from the runs and the
 * tickets, which depend on the rules: the audit feature answers this question (dependency inverted, so the rules
 * feature does not depend on the audit).
 */
@NamedInterface("pages")
public interface RuleStatistics {

    /** Every rule of the catalogue in force with its figures over the last {@code runs} completed runs (1..100). */
    List<RuleFigures> ofLastRuns(int runs);
}
