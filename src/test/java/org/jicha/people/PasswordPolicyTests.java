package org.jicha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The password policy: length, the user name either way round, common passwords, BCrypt's 72 bytes. */
class PasswordPolicyTests {

    static PasswordPolicy policy(int minLength) {
        return new PasswordPolicy(new SecurityProperties(
                true,
                null,
                false,
                "jicha-demo",
                new SecurityProperties.SignIn(
                        5, 20, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofDays(90)),
                new SecurityProperties.Password(minLength)));
    }

    final PasswordPolicy policy = policy(10);

    @Test
    void twelveThousandThreeHundredFortyFiveSixSevenEightIsShortAndCommon() {
        assertThat(policy.violations("chen", "12345678")).containsExactly(PasswordRule.TOO_SHORT, PasswordRule.COMMON);
    }

    @Test
    void aPasswordEqualToTheUserNameIsRefusedWhateverItsCaseAndDirection() {
        assertThat(policy.violations("wangxin-qc01", "wangxin-qc01")).containsExactly(PasswordRule.CONTAINS_USERNAME);
        assertThat(policy.violations("wangxin-qc01", "WangXin-QC01!")).containsExactly(PasswordRule.CONTAINS_USERNAME);
        assertThat(policy.violations("wangxin-qc01", "10cq-nixgnaw#7")).containsExactly(PasswordRule.CONTAINS_USERNAME);
        assertThat(policy.violations("admin", "my-admin-pass-2026")).containsExactly(PasswordRule.CONTAINS_USERNAME);
    }

    @Test
    void aShortPasswordIsRefusedNamingTheLengthInChineseAndEnglish() {
        assertThatThrownBy(() -> policy.check("chen", "Qx7-kz"))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessage("密码不符合要求：至少 10 个字符 / password: at least 10 characters")
                .satisfies(e -> {
                    PasswordRejectedException rejected = (PasswordRejectedException) e;
                    assertThat(rejected.reasons()).containsExactly(PasswordRule.TOO_SHORT);
                    assertThat(rejected.field()).isEqualTo("password");
                });
    }

    @Test
    void commonPasswordsAreRefusedInAnyCaseAndWithDigitsOrSymbolsAround() {
        assertThat(policy.violations("chen", "1234567890")).containsExactly(PasswordRule.COMMON);
        assertThat(policy.violations("chen", "QWERTYUIOP")).containsExactly(PasswordRule.COMMON);
        assertThat(policy.violations("chen", "Password2026!")).containsExactly(PasswordRule.COMMON);
        assertThat(policy.violations("chen", "2026@Woaini1314")).containsExactly(PasswordRule.COMMON);
    }

    @Test
    void aLongUnusualPasswordIsAccepted() {
        assertThat(policy.violations("chen", "河口抄表-秋季-7319")).isEmpty();
        assertThat(policy.violations("chen", "first-chief-pw")).isEmpty();
    }

    @Test
    void morethanBcryptsSeventyTwoBytesIsRefused() {
        assertThat(policy.violations("chen", "稽查".repeat(12) + "z")).containsExactly(PasswordRule.TOO_LONG);
        assertThat(policy.violations("chen", "稽查".repeat(12))).isEmpty();
    }

    @Test
    void theShortestLengthIsASetting() {
        assertThat(policy(14).violations("chen", "qiuji-7319-hk")).containsExactly(PasswordRule.TOO_SHORT);
        assertThatThrownBy(() -> policy(14).check("chen", "qiuji-7319-hk")).hasMessageContaining("至少 14 个字符");
    }
}
