package org.jicha.reports;

import java.util.Locale;
import java.util.MissingResourceException;
import org.jicha.config.Labels;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;

/**
 * The words a report prints for the codes it holds (severity, ticket status, team kind, theme, subject type) and
 * for its rules' titles, in the report's language: Chinese by default, English when the report is asked for in
 * English ({@code ?lang=en}, or the user's language). Labels come from the message bundles like every other
 * label; a code without a label (a value the bundles do not know yet) prints as stored rather than failing the
 * report. Headers stay bilingual in both languages ({@code 工单号 / Ticket}).
 */
final class ReportLabels {

    private final boolean english;
    private final RuleSet rules;

    private ReportLabels(boolean english, RuleSet rules) {
        this.english = english;
        this.rules = rules;
    }

    static ReportLabels of(Locale locale, RuleSet rules) {
        return new ReportLabels(isEnglish(locale), rules);
    }

    static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    boolean english() {
        return english;
    }

    String severity(String code) {
        return label("severity.", code);
    }

    String status(String code) {
        return label("ticket.status.", code);
    }

    String teamKind(String code) {
        return label("teamKind.", code);
    }

    String theme(String code) {
        return label("theme.", code);
    }

    /** The theme in the other language, printed beside it in the by-theme table. */
    String themeInOther(String code) {
        return english ? Labels.zh("theme." + code) : Labels.en("theme." + code);
    }

    String subjectType(String code) {
        return label("subjectType.", code);
    }

    /** A rule's title in the report's language; {@code stored} (a ticket's own title) for a rule no longer in force. */
    String title(String ruleCode, String stored) {
        return rules.rule(ruleCode).map(this::title).orElse(stored == null ? "" : stored);
    }

    String title(RuleMeta rule) {
        return english && rule.titleEn() != null && !rule.titleEn().isBlank() ? rule.titleEn() : rule.title();
    }

    String pick(String zh, String en) {
        return english ? en : zh;
    }

    private String label(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return code;
        }
        try {
            return english ? Labels.en(prefix + code) : Labels.zh(prefix + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
