package org.jicha.people;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an empty user table: its password comes from
 * {@code jicha.security.initial-admin-password} (environment: {@code JICHA_SECURITY_INITIAL_ADMIN_PASSWORD}),
 * and must meet the password policy (else the start-up fails, naming what is wrong), or is generated, printed
 * once to the log and must be changed at the first sign-in. In the demo profile, the demo users of the sample
 * organisation are created instead, with the configured demo password (not held to the policy, not to be
 * changed); they never exist elsewhere.
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
            log.warn(
                    "演示用户已创建，密码均为 \"{}\" / demo users created, all with the password \"{}\": {}",
                    properties.demoPassword(),
                    properties.demoPassword(),
                    DemoUsers.ALL.stream().map(UserAccounts.NewUser::username).toList());
            return;
        }
        Optional<String> generated;
        try {
            generated = accounts.createFirstAdministrator(properties.initialAdminPassword());
        } catch (PasswordRejectedException e) {
            throw new IllegalStateException(
                    "jicha.security.initial-admin-password (JICHA_SECURITY_INITIAL_ADMIN_PASSWORD) "
                            + "不符合密码策略 / does not meet the password policy: " + e.getMessage(),
                    e);
        }
        if (generated.isPresent()) {
            log.warn("""

                    ================================================================
                     首个管理员 / first administrator:  admin / {}
                     首次登录后须立即修改此密码 / it must be changed at the first sign-in.
                     此密码只显示这一次 / this password is shown only this once.
                    ================================================================""", generated.get());
        } else {
            log.info("First administrator 'admin' created with the configured password");
        }
    }
}
