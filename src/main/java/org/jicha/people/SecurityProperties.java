package org.jicha.people;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and users ({@code jicha.security.*}).
 *
 * @param bootstrapAdmin         create the first administrator when there is no user at all (default true)
 * @param initialAdminPassword   that administrator's password, e.g. from the environment variable
 *                               {@code JICHA_SECURITY_INITIAL_ADMIN_PASSWORD}; when empty a random one is
 *                               generated and printed once to the log
 * @param demoUsers              create the demo users of the sample organisation (demo profile only)
 * @param demoPassword           the demo users' password
 */
@ConfigurationProperties("jicha.security")
public record SecurityProperties(@DefaultValue("true") boolean bootstrapAdmin,
                                 String initialAdminPassword,
                                 @DefaultValue("false") boolean demoUsers,
                                 @DefaultValue("jicha-demo") String demoPassword) {
}
