package org.jicha.rules;

/** Who asked for a rule-set (re)load. */
public enum ReloadTrigger {
    STARTUP,
    WATCH,
    API,
    /** A candidate put in force from the candidates area ({@code rules.candidates.RulePromotion}). */
    PROMOTE
}
