package org.jicha.rules;

/**
 * What every shipped rule carries: code, theme, Chinese title and English gloss, severity, team kind,
 * rectify limit (working days), basis (with its [S]/[I]/[U] tag), remedy, and where it is defined.
 */
public record RuleMeta(String code, Theme theme, String title, String titleEn, Severity severity,
                       TeamKind teamKind, int rectifyDays, String basis, String remedy, String description,
                       String file, int line) {
}
