package org.jicha.people;

import org.jicha.config.Labels;

/** What a password may break ({@link PasswordPolicy}); pages show {@code password.rule.<name>} from the bundles. */
public enum PasswordRule {
    /** Fewer characters than {@code jicha.security.password.min-length}. */
    TOO_SHORT,
    /** More than BCrypt's 72 bytes in UTF-8 (72 letters or digits, 24 Chinese characters). */
    TOO_LONG,
    /** Contains the user name, forwards or backwards, in any letter case. */
    CONTAINS_USERNAME,
    /** Is, or is a common password with digits and symbols around it. */
    COMMON,
    /** The new password equals the current one. */
    SAME_AS_CURRENT;

    /** Why a password was refused, in Chinese ({@code password.reason.<RULE>} in the message bundles). */
    String zh(int minLength) {
        return Labels.zh("password.reason." + name(), minLength);
    }

    String en(int minLength) {
        return Labels.en("password.reason." + name(), minLength);
    }
}
