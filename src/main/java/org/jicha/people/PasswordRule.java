package org.jicha.people;

/** What a password may break ({@link PasswordPolicy}); pages show {@code password.rule.<name>} from the bundles. */
public enum PasswordRule {
    /** Fewer characters than {@code jicha.security.password.min-length}. */
    TOO_SHORT("至少 %d 个字符", "at least %d characters"),
    /** More than BCrypt's 72 bytes in UTF-8 (72 letters or digits, 24 Chinese characters). */
    TOO_LONG("不得超过 72 字节（24 个汉字）", "at most 72 bytes (72 letters, 24 Chinese characters)"),
    /** Contains the user name, forwards or backwards, in any letter case. */
    CONTAINS_USERNAME("不得包含用户名（正写或倒写）", "must not contain the user name (either way round)"),
    /** Is, or is a common password with digits and symbols around it. */
    COMMON("不得是常见密码", "is a common password"),
    /** The new password equals the current one. */
    SAME_AS_CURRENT("不得与当前密码相同", "must differ from the current password");

    private final String zh;
    private final String en;

    PasswordRule(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    String zh(int minLength) {
        return zh.formatted(minLength);
    }

    String en(int minLength) {
        return en.formatted(minLength);
    }
}
