package org.jicha.audit;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The texts a run records about itself (why it is held, how it was planned, what it could not compute), kept as
 * message keys ({@code run.note.*}, {@code run.base.*} in messages*.properties) and stored in both languages,
 * Chinese first: {@code 规则集已变更 / the rule set changed}. Arguments are passed as text, so numbers keep no
 * grouping; an argument that is itself a {@link MessageSourceResolvable} is said in each language.
 */
@Component
class RunNotes {

    private final MessageSource messages;

    RunNotes(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code key} with {@code args} in Chinese, " / ", then in English. */
    String bilingual(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** A key and its arguments to be said inside another note, in that note's language. */
    static MessageSourceResolvable part(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }
}
