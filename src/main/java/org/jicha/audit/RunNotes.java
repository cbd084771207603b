package org.jicha.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The texts a run records about itself (why it is held, how it was planned, what it could not compute), kept as
 * message keys ({@code run.note.*}, {@code run.base.*} in messages*.properties) and stored in both languages,
 * Chinese first: {@code 规则集已变更 / the rule set changed}. Arguments are passed as text, so numbers keep no
 * grouping; an argument that is itself a {@link MessageSourceResolvable} is said in each language, one made by
 * {@link #said} (data described in each language) likewise.
 *
 * <p>The stored form, which the API and the command line show as it is, is one note {@code 中文 / English} or several
 * joined by {@code "; "}. A page shows only the reader's half ({@link #inLanguage}); to make that split certain,
 * every note is written so that {@code " / "} appears only between its halves and the Chinese half holds no
 * {@code "; "} (such text inside an argument is written with full-width {@code ／} and {@code ；}). A message not
 * of this form (an exception's text, a run recorded before) is shown whole.
 */
@Component
public class RunNotes {

    static final String HALVES = " / ";
    static final String NOTES = "; ";
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final MessageSource messages;

    RunNotes(MessageSource messages) {
        this.messages = messages;
    }

    /** {@code key} with {@code args} in Chinese, " / ", then in English. */
    String bilingual(String key, Object... args) {
        String zh = messages.getMessage(key, in(args, true), Locale.SIMPLIFIED_CHINESE);
        String en = messages.getMessage(key, in(args, false), Locale.ENGLISH);
        return zh.replace(HALVES, "／").replace(NOTES, "；") + HALVES + en.replace(HALVES, " ／ ");
    }

    /** A key and its arguments to be said inside another note, in that note's language. */
    static MessageSourceResolvable part(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    /** An argument written in each language by the code that knows the data (a verdict on missing data). */
    static Said said(String zh, String en) {
        return new Said(zh, en);
    }

    /** Text said in Chinese and in English. */
    record Said(String zh, String en) {}

    private static Object[] in(Object[] args, boolean chinese) {
        Object[] said = args.clone();
        for (int i = 0; i < said.length; i++) {
            if (said[i] instanceof Said s) {
                said[i] = chinese ? s.zh() : s.en();
            }
        }
        return said;
    }

    /**
     * The reader's half of a run's message: the Chinese halves of its notes for a Chinese reader, joined by
     * {@code ；}, the English halves for anybody else. A message that is not the stored form described above
     * (no {@code " / "}, or a Chinese half without Chinese or with {@code "; "}) is returned whole: both languages
     * rather than half a sentence.
     */
    public static String inLanguage(String stored, Locale locale) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(Pattern.quote(HALVES), -1);
        if (parts.length < 2) {
            return stored;
        }
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        zh.add(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            // "English of one note; Chinese of the next": the Chinese half holds no "; ", so the last one splits
            int split = parts[i].lastIndexOf(NOTES);
            if (split < 0) {
                return stored;
            }
            en.add(parts[i].substring(0, split));
            zh.add(parts[i].substring(split + NOTES.length()));
        }
        en.add(parts[parts.length - 1]);
        for (String half : zh) {
            if (half.contains(NOTES) || !HAN.matcher(half).find()) {
                return stored;
            }
        }
        return Locale.CHINESE.getLanguage().equals(locale.getLanguage())
                ? String.join("；", zh)
                : String.join(NOTES, en);
    }
}
