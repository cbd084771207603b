package org.jicha.config;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The Chinese and English labels of the product's codes (a theme, a role, a ticket action, a ratio ...), read from
 * the message bundles {@code messages.properties} (Chinese) and {@code messages_en.properties}: the only place a
 * label is written. Pages read the same bundles through Spring's MessageSource; this class serves the code that
 * writes labels outside a page's locale, into reports, mails, API answers and exception messages, which print
 * Chinese and English side by side.
 */
public final class Labels {

    private static final ResourceBundle ZH = ResourceBundle.getBundle(
            "messages",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    private static final ResourceBundle EN = ResourceBundle.getBundle(
            "messages",
            Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private static final Map<String, String> CODE_NAMES_ZH = codeNames(ZH);

    private Labels() {}

    /**
     * The Chinese name of each code of the data contract's code lists ({@code code.<list>.<CODE>}) that has one name in
     * every list it is in ({@code ESTIMATED} 估抄), by code: for texts people wrote that name codes, such as a rule's
     * description. A code named differently in two lists ({@code SPECIAL}) is left out.
     */
    public static Map<String, String> contractCodeNamesZh() {
        return CODE_NAMES_ZH;
    }

    private static Map<String, String> codeNames(ResourceBundle bundle) {
        Map<String, String> names = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (String key : Collections.list(bundle.getKeys())) {
            if (key.startsWith("code.")) {
                String code = key.substring(key.lastIndexOf('.') + 1);
                String before = names.putIfAbsent(code, bundle.getString(key));
                if (before != null && !before.equals(bundle.getString(key))) {
                    ambiguous.add(code);
                }
            }
        }
        names.keySet().removeAll(ambiguous);
        return Map.copyOf(names);
    }

    /** The Chinese text of {@code key}, its {@code {0}} ... filled with {@code arguments}. */
    public static String zh(String key, Object... arguments) {
        return text(ZH, key, arguments);
    }

    /** The English text of {@code key}, its {@code {0}} ... filled with {@code arguments}. */
    public static String en(String key, Object... arguments) {
        return text(EN, key, arguments);
    }

    /** Chinese, then English, as reports print a label: {@code 整改率 / Rectification rate}. */
    public static String both(String key) {
        return zh(key) + " / " + en(key);
    }

    private static String text(ResourceBundle bundle, String key, Object... arguments) {
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(arguments);
    }
}
