package org.jicha.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and users ({@code jicha.security.*}).
 *
 * @param bootstrapAdmin         create the first administrator when there is no user at all (default true)
 * @param initialAdminPassword   that administrator's password, e.g. from the environment variable
 *                               {@code JICHA_SECURITY_INITIAL_ADMIN_PASSWORD}; it must meet the password policy
 *                               (start-up fails naming what is wrong). When empty a random one is generated,
 *                               printed once to the log, and must be changed at the first sign-in
 * @param demoUsers              create the demo users of the sample organisation (demo profile only)
 * @param demoPassword           the demo users' password; the policy does not apply to it (demo profile only)
 * @param signIn                 throttling and temporary lockout of failed sign-ins
 * @param password               the password policy
 */
@ConfigurationProperties("jicha.security")
public record SecurityProperties(
        @DefaultValue("true") boolean bootstrapAdmin,
        String initialAdminPassword,
        @DefaultValue("false") boolean demoUsers,
        @DefaultValue("jicha-demo") String demoPassword,
        @DefaultValue SignIn signIn,
        @DefaultValue Password password) {

    /**
     * {@code jicha.security.sign-in.*}: failed sign-ins (form and HTTP Basic alike) are counted in the database,
     * so the counts survive a restart and are shared by the nodes of a cluster.
     *
     * @param maxFailuresPerUser    failures of one user name within {@code window} that lock it for {@code lockout}
     * @param maxFailuresPerAddress failures from one client address within {@code window} (whatever the user
     *                              names) that refuse every sign-in from that address for {@code lockout}
     * @param window                how far back failures are counted
     * @param lockout               how long a lockout lasts; it always ends by itself (an ADMIN may end it sooner)
     * @param knownAddressFor       an address the user signed in from successfully within this time is "known":
     *                              a lockout caused from other addresses does not apply there (failures from the
     *                              known address itself lock the user for that address alone)
     */
    public record SignIn(
            @DefaultValue("5") int maxFailuresPerUser,
            @DefaultValue("20") int maxFailuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration lockout,
            @DefaultValue("90d") Duration knownAddressFor) {

        public SignIn {
            if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException("jicha.security.sign-in.max-failures-per-user and "
                        + "max-failures-per-address must be at least 1");
            }
            if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("jicha.security.sign-in.window and lockout must be positive");
            }
        }
    }

    /**
     * {@code jicha.security.password.*}: passwords set by people (and {@code initial-admin-password}).
     *
     * @param minLength the fewest characters a password may have (at most 72 bytes in UTF-8, BCrypt's limit)
     */
    public record Password(@DefaultValue("10") int minLength) {

        public Password {
            if (minLength < 8 || minLength > 64) {
                throw new IllegalArgumentException("jicha.security.password.min-length must be between 8 and 64");
            }
        }
    }
}
