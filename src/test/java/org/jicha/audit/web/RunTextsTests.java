package org.jicha.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A rule error's subject, stored as {@code CUSTOMER:C002}, is said by its type's name in the reader's language. */
class RunTextsTests {

    private final RunTexts texts = new RunTexts(messages());

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void aSubjectIsNamedByItsTypeInEachLanguage() {
        assertThat(texts.subject("CUSTOMER:C002", Locale.SIMPLIFIED_CHINESE)).isEqualTo("用户 C002");
        assertThat(texts.subject("METER:M-7", Locale.ENGLISH)).isEqualTo("Meter M-7");
    }

    @Test
    void aSubjectOfNoKnownTypeIsShownAsStored() {
        assertThat(texts.subject("", Locale.ENGLISH)).isEmpty();
        assertThat(texts.subject("PLANET:P1", Locale.ENGLISH)).isEqualTo("PLANET:P1");
        assertThat(texts.subject(null, Locale.ENGLISH)).isEmpty();
    }

    @Test
    void thePreviewsFirstErrorNamesItsSubjectAndKeepsTheMessage() {
        assertThat(texts.error("CUSTOMER:C002: ArithmeticException: / by zero", Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("用户 C002: ArithmeticException: / by zero");
        assertThat(texts.error("CUSTOMER:C002: ArithmeticException: / by zero", Locale.ENGLISH))
                .isEqualTo("Customer C002: ArithmeticException: / by zero");
        assertThat(texts.error(": NullPointerException: x", Locale.ENGLISH)).isEqualTo(": NullPointerException: x");
        assertThat(texts.error(null, Locale.ENGLISH)).isNull();
    }
}
