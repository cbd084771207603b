package org.jicha.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.jicha.config.PeopleZone;
import org.jicha.config.Times;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class CronWordsTests {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CronWords words = new CronWords(messages(), new Times(new PeopleZone(ZoneId.of("Asia/Shanghai"))));

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void thePlansCronsReadAsPeopleSayThem() {
        assertThat(words.words("0 0 3 1 * ?", ZH)).isEqualTo("每月 1 日 03:00");
        assertThat(words.words("0 0 3 1 1/3 ?", ZH)).isEqualTo("每季度首月 1 日 03:00");
        assertThat(words.words("0 0 2 * * ?", ZH)).isEqualTo("每天 02:00");
        assertThat(words.words("0 0 3 ? * MON", ZH)).isEqualTo("每周一 03:00");
        assertThat(words.words("0 30 23 L * ?", ZH)).isEqualTo("每月最后一天 23:30");
        assertThat(words.words("0 0 6 15 6 ?", ZH)).isEqualTo("每年 6 月 15 日 06:00");
    }

    @Test
    void inEnglishOnRequest() {
        assertThat(words.words("0 0 3 1 * ?", Locale.ENGLISH)).isEqualTo("Monthly on day 1 at 03:00");
        assertThat(words.words("0 0 3 ? * MON", Locale.ENGLISH)).isEqualTo("Weekly on Monday at 03:00");
        assertThat(words.words("0 0 3 1 1/3 ?", Locale.ENGLISH))
                .isEqualTo("Quarterly (Jan, Apr, Jul, Oct) on day 1 at 03:00");
    }

    @Test
    void aCronWithoutWordsIsShownAsWrittenWithItsNextRuns() {
        assertThat(words.words("0 0/15 8-17 ? * MON-FRI", ZH)).isEqualTo("0 0/15 8-17 ? * MON-FRI");
        assertThat(words.nextRuns("0 0/15 8-17 ? * MON-FRI", 3, Instant.parse("2026-12-07T02:00:00Z")))
                .containsExactly("2026-12-07 10:15", "2026-12-07 10:30", "2026-12-07 10:45");
    }

    @Test
    void theNextRunIsInThePeoplesZoneSoTheFirstStaysTheFirst() {
        // 03:00 on the 1st in Shanghai is 19:00 UTC on the day before
        assertThat(words.nextRuns("0 0 3 1 * ?", 2, Instant.parse("2026-12-07T02:00:00Z")))
                .containsExactly("2027-01-01 03:00", "2027-02-01 03:00");
        assertThat(words.nextRuns("not a cron", 2, Instant.parse("2026-12-07T02:00:00Z")))
                .isEmpty();
    }
}
