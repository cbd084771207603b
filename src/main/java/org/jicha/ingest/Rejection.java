package org.jicha.ingest;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.stream.Collectors;
import org.jicha.config.Labels;

/**
 * A row that was not loaded, and why: the file, the physical line in it (the header is line 1), the column
 * and value at fault (null when the whole row is at fault, e.g. a wrong number of fields) and the reason: in
 * English ({@code reason}, as the API and the command line print it) and as a message key with its arguments
 * ({@code reasonKey}, {@code reasonArguments}: {@code load.reason.*} of the message bundles), which the load page
 * shows in the reader's language. An argument written {@code msg:KEY} is itself a message (a code's name, a
 * record's noun); one written {@code codes:PREFIX|A|B} is a list of codes, shown by their names
 * ({@code PREFIX + code}) in Chinese and as the codes in English. Rejections stored before the keys existed have
 * only the English reason.
 */
public record Rejection(
        String file,
        long line,
        String column,
        String value,
        String reason,
        String reasonKey,
        List<String> reasonArguments) {

    /** The prefix of an argument that names a message key rather than a value. */
    public static final String MESSAGE_ARGUMENT = "msg:";

    private static final String CODES_ARGUMENT = "codes:";

    public Rejection {
        reasonArguments = reasonArguments == null ? List.of() : List.copyOf(reasonArguments);
    }

    /** A rejection for {@code key} with its arguments; the English reason is the key's English text. */
    public static Rejection of(
            String file, long line, String column, String value, String key, List<String> arguments) {
        return new Rejection(file, line, column, value, text(Locale.ENGLISH, key, arguments), key, arguments);
    }

    /** The reason in {@code locale}: Chinese unless English is asked for; the stored English text without a key. */
    public String reason(Locale locale) {
        return reasonKey == null ? reason : text(locale, reasonKey, reasonArguments);
    }

    /** The text of {@code key} in {@code locale}, its {@code msg:} arguments resolved in the same language. */
    public static String text(Locale locale, String key, List<String> arguments) {
        boolean english = locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        Object[] values = arguments.stream().map(a -> argument(english, a)).toArray();
        return english ? Labels.en(key, values) : Labels.zh(key, values);
    }

    /** An argument naming codes of a list whose names are {@code namesPrefix + code} (no prefix: codes only). */
    public static String codes(String namesPrefix, List<String> codes) {
        return CODES_ARGUMENT + (namesPrefix == null ? "" : namesPrefix) + "|" + String.join("|", codes);
    }

    private static String argument(boolean english, String argument) {
        if (argument == null) {
            return null;
        }
        if (argument.startsWith(MESSAGE_ARGUMENT)) {
            return label(english, argument.substring(MESSAGE_ARGUMENT.length()));
        }
        if (argument.startsWith(CODES_ARGUMENT)) {
            List<String> parts =
                    List.of(argument.substring(CODES_ARGUMENT.length()).split("\\|"));
            List<String> codes = parts.subList(1, parts.size());
            if (english || parts.get(0).isEmpty()) {
                return String.join(", ", codes);
            }
            return codes.stream().map(c -> label(false, parts.get(0) + c)).collect(Collectors.joining("、"));
        }
        return argument;
    }

    private static String label(boolean english, String key) {
        try {
            return english ? Labels.en(key) : Labels.zh(key);
        } catch (MissingResourceException unknown) {
            return key.substring(key.lastIndexOf('.') + 1);
        }
    }

    /** The rejection in one line, e.g. {@code readings.csv:17 column consumption_kwh value "-5": must be >= 0}. */
    public String describe() {
        String where = file + ":" + line;
        return column == null
                ? where + ": " + reason
                : where + " column " + column + " value \"" + (value == null ? "" : value) + "\": " + reason;
    }
}
