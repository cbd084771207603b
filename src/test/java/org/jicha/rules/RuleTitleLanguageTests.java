package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every shipped rule has its English title ({@code @titleEn}, required by the loader) and pages ask for the
 * title in the reader's language: English pages show no Chinese title (issue 13).
 */
class RuleTitleLanguageTests {

    static final RuleSet SHIPPED = new RuleSetLoader().load(Path.of("rules"));

    @Test
    void everyShippedRuleHasAnEnglishTitleWithoutChinese() {
        assertThat(SHIPPED.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.title(Locale.ENGLISH))
                    .as(rule.code())
                    .isEqualTo(rule.titleEn())
                    .isNotBlank()
                    .doesNotContainPattern("\\p{IsHan}");
            assertThat(rule.title(Locale.SIMPLIFIED_CHINESE))
                    .as(rule.code())
                    .isEqualTo(rule.title())
                    .containsPattern("\\p{IsHan}");
        });
    }

    @Test
    void aReaderInAnotherLanguageGetsTheChineseTitle() {
        RuleMeta rule = SHIPPED.rule("BIL-06").orElseThrow();
        assertThat(rule.title(Locale.CHINA)).isEqualTo("零电量");
        assertThat(rule.title(Locale.UK)).isEqualTo("Zero consumption");
        assertThat(rule.title(Locale.GERMAN)).isEqualTo("零电量");
        assertThat(rule.title(null)).isEqualTo("零电量");
    }
}
