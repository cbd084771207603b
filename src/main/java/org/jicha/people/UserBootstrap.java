package org.jicha.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an empty user table: its password comes from
 * {@code jicha.security.initial-admin-password} (environment: {@code JICHA_SECURITY_INITIAL_ADMIN_PASSWORD}),
 * or is generated and printed once to the log. In the demo profile, the demo users of the sample
 * organisation are created as well; they never exist elsewhere.
 */
@Component
class UserBootstrap {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    UserBootstrap(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void firstUsers() {
        if (!properties.bootstrapAdmin() || !accounts.noUsers()) {
            return;
        }
        Actor system = Actor.SYSTEM;
        if (properties.demoUsers()) {
            DemoUsers.ALL.forEach(u -> accounts.create(system, u.withPassword(properties.demoPassword())));
            log.warn("演示用户已创建，密码均为 \"{}\" / demo users created, all with the password \"{}\": {}",
                    properties.demoPassword(), properties.demoPassword(),
                    DemoUsers.ALL.stream().map(UserAccounts.NewUser::username).toList());
            return;
        }
        String configured = properties.initialAdminPassword();
        String password = configured == null || configured.isBlank() ? UserAccounts.randomPassword() : configured;
        accounts.create(system, new UserAccounts.NewUser("admin", password, "系统管理员", Role.ADMIN, null, null, false));
        if (configured == null || configured.isBlank()) {
            log.warn("""

                    ================================================================
                     首个管理员 / first administrator:  admin / {}
                     请登录后立即修改密码 / change it after the first sign-in.
                     此密码只显示这一次 / this password is shown only this once.
                    ================================================================""", password);
        } else {
            log.info("First administrator 'admin' created with the configured password");
        }
    }
}
