package org.jicha.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RuleResultDetail;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;
import org.passay.rule.DictionaryRule;
import org.passay.rule.LengthRule;
import org.passay.rule.UsernameRule;
import org.springframework.stereotype.Component;

/**
 * The password policy, checked with Passay: at least {@code jicha.security.password.min-length} characters and
 * at most BCrypt's 72 bytes, not containing the user name (forwards or backwards, any letter case), not a common
 * password (the list in {@code security/common-passwords.txt}, whatever the letter case, also with digits and
 * symbols added before or after it, as in {@code Password2026!}). It applies to every password a person sets
 * and to {@code jicha.security.initial-admin-password}; the demo users' configured password is not checked.
 */
@Component
public class PasswordPolicy {

    /** BCrypt reads no more than 72 bytes; Spring Security refuses longer passwords. */
    static final int MAX_BYTES = 72;

    private static final String COMMON_PASSWORDS = "/security/common-passwords.txt";

    private final int minLength;
    private final PasswordValidator validator;
    private final DictionaryRule common;

    public PasswordPolicy(SecurityProperties properties) {
        this.minLength = properties.password().minLength();
        this.common = new DictionaryRule(
                new WordListDictionary(new ArrayWordList(commonPasswords(), false, new ArraysSort())));
        this.validator = new DefaultPasswordValidator(
                new LengthRule(minLength, Integer.MAX_VALUE), new UsernameRule(true, true), common);
    }

    /**
     * Checks a password a person chose for the user name.
     *
     * @throws PasswordRejectedException naming every rule the password breaks
     */
    public void check(String username, String password) {
        List<PasswordRule> reasons = violations(username, password);
        if (!reasons.isEmpty()) {
            throw new PasswordRejectedException("password", reasons, minLength);
        }
    }

    /** The rules the password breaks, in the order of {@link PasswordRule}; empty when it is acceptable. */
    public List<PasswordRule> violations(String username, String password) {
        String pw = password == null ? "" : password;
        Set<PasswordRule> found = EnumSet.noneOf(PasswordRule.class);
        for (RuleResultDetail detail : validator
                .validate(new PasswordData(username == null ? "" : username, pw))
                .getDetails()) {
            switch (detail.getErrorCode()) {
                case LengthRule.ERROR_CODE_MIN -> found.add(PasswordRule.TOO_SHORT);
                case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED ->
                    found.add(PasswordRule.CONTAINS_USERNAME);
                case DictionaryRule.ERROR_CODE, DictionaryRule.ERROR_CODE_REVERSED -> found.add(PasswordRule.COMMON);
                default -> throw new IllegalStateException("unexpected password rule " + detail.getErrorCode());
            }
        }
        String head = pw.replaceAll("^[^\\p{L}]+", "");
        for (String core : List.of(head, pw.replaceAll("[^\\p{L}]+$", ""), head.replaceAll("[^\\p{L}]+$", ""))) {
            if (!core.isEmpty()
                    && !core.equals(pw)
                    && !common.validate(new PasswordData("", core)).isValid()) {
                found.add(PasswordRule.COMMON);
            }
        }
        if (pw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            found.add(PasswordRule.TOO_LONG);
        }
        return List.copyOf(found);
    }

    public int minLength() {
        return minLength;
    }

    private static String[] commonPasswords() {
        List<String> words = new ArrayList<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + COMMON_PASSWORDS);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words.toArray(String[]::new);
    }
}
