package org.jicha.rules;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A rule's title in the reader's language, by its code, from the rule set in force: {@code @title} in Chinese,
 * {@code @titleEn} in English (docs/RULES.md). Pages call it as {@code ${@ruleTitles.of(code, #locale)}}; what a
 * ticket or run stored at the time ({@code stored}) is shown when the rule is no longer in the set.
 */
@Component("ruleTitles")
public class RuleTitles {

    private final ActiveRuleSet rules;

    RuleTitles(ActiveRuleSet rules) {
        this.rules = rules;
    }

    /** The title of rule {@code code} in {@code locale}; the empty text for a rule not in force. */
    public String of(String code, Locale locale) {
        return of(code, locale, "");
    }

    /** The title of rule {@code code} in {@code locale}; {@code stored} for a rule not in force. */
    public String of(String code, Locale locale, String stored) {
        if (code == null) {
            return stored;
        }
        return rules.current().rule(code).map(r -> r.title(locale)).orElse(stored);
    }
}
