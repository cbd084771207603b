package org.jicha.rules;

import java.util.List;
import java.util.Locale;

/**
 * What every shipped rule carries: code, theme, Chinese title and English gloss, severity, team kind,
 * rectify limit (working days), basis (with its [S]/[I]/[U] tag), remedy, where it is defined, and the
 * optional {@code @requires("table.column, ...")}: contract columns without which the rule cannot be computed
 * (a run whose stored data has no value in such a column says so in its report).
 */
public record RuleMeta(
        String code,
        Theme theme,
        String title,
        String titleEn,
        Severity severity,
        TeamKind teamKind,
        int rectifyDays,
        String basis,
        String remedy,
        String description,
        String file,
        int line,
        List<String> requires) {

    public RuleMeta {
        requires = requires == null ? List.of() : List.copyOf(requires);
    }

    /** The title a person reading in {@code locale} sees: {@code @titleEn} in English, {@code @title} otherwise. */
    public String title(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? titleEn : title;
    }
}
