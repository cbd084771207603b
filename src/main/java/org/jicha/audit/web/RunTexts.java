package org.jicha.audit.web;

import java.util.Locale;
import org.jicha.audit.RunNotes;
import org.jicha.facts.SubjectType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts the runs store for every reader, said on a page in the reader's language: a subject stored as
 * {@code CUSTOMER:C002} (a rule error's subject) as {@code 用户 C002} / {@code Customer C002} (keys
 * {@code subjectType.*}), and a run's notes, stored as {@code 中文 / English}, in the reader's half only
 * ({@link RunNotes#inLanguage}). Pages call it as {@code ${@runTexts.subject(o.subject, #locale)}}.
 */
@Component("runTexts")
public class RunTexts {

    private final MessageSource messages;

    RunTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code TYPE:id} with the type's label; any other text (none, an unknown type) as stored. */
    public String subject(String stored, Locale locale) {
        if (stored == null) {
            return "";
        }
        int colon = stored.indexOf(':');
        if (colon < 0) {
            return stored;
        }
        String type = stored.substring(0, colon);
        if (!known(type)) {
            return stored;
        }
        return messages.getMessage("subjectType." + type, null, locale) + " " + stored.substring(colon + 1);
    }

    /**
     * A rule error as the impact preview stores it, {@code TYPE:id: message}, its subject labelled as by
     * {@link #subject}; any other text as stored.
     */
    public String error(String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        int end = stored.indexOf(": ", stored.indexOf(':') + 1);
        if (end < 0) {
            return stored;
        }
        return subject(stored.substring(0, end), locale) + stored.substring(end);
    }

    /** A run's message in the reader's language when it is the combined {@code 中文 / English} form, else whole. */
    public String note(String stored, Locale locale) {
        return RunNotes.inLanguage(stored, locale);
    }

    private static boolean known(String type) {
        for (SubjectType t : SubjectType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
