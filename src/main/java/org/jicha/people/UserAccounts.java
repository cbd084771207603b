package org.jicha.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing users; every change goes to the audit trail. */
@Service
public class UserAccounts {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditTrail trail;
    private final Clock clock;

    public UserAccounts(AppUserRepository users, PasswordEncoder encoder, AuditTrail trail, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException for an invalid field or a password shorter than 8 characters
     * @throws IllegalStateException    when the user name is taken
     */
    @Transactional
    public AppUser create(Actor by, NewUser user) {
        if (user.password() == null || user.password().length() < 8) {
            throw new IllegalArgumentException("密码至少 8 位 / password: at least 8 characters");
        }
        if (users.findByUsername(user.username()).isPresent()) {
            throw new IllegalStateException("用户名已存在 / username already taken: " + user.username());
        }
        AppUser created = AppUser.create(user.username(), encoder.encode(user.password()), user.displayName(),
                user.role(), user.unitCode(), user.email(), Boolean.TRUE.equals(user.teamLeader()), now());
        try {
            created = users.saveAndFlush(created);
        } catch (DataIntegrityViolationException e) {
            throw new IllegalStateException("用户名已存在 / username already taken: " + user.username(), e);
        }
        trail.record(by.username(), "USER_CREATED", user.username(),
                user.role() + (user.unitCode() == null ? "" : " @ " + user.unitCode()));
        return created;
    }

    @Transactional
    public AppUser setEnabled(Actor by, String username, boolean enabled) {
        AppUser user = find(username);
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        trail.record(by.username(), enabled ? "USER_ENABLED" : "USER_DISABLED", username, null);
        return user;
    }

    @Transactional
    public void changePassword(Actor by, String username, String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("密码至少 8 位 / password: at least 8 characters");
        }
        find(username).changePassword(encoder.encode(password));
        trail.record(by.username(), "PASSWORD_CHANGED", username, null);
    }

    @Transactional(readOnly = true)
    public List<AppUser> list() {
        return users.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public AppUser find(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("没有此用户 / no such user: " + username));
    }

    @Transactional(readOnly = true)
    public boolean noUsers() {
        return users.count() == 0;
    }

    /** A random password for the first administrator when none is configured. */
    static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    /** The fields of a new user. */
    public record NewUser(String username, String password, String displayName, Role role, String unitCode,
                          String email, Boolean teamLeader) {

        public NewUser withPassword(String newPassword) {
            return new NewUser(username, newPassword, displayName, role, unitCode, email, teamLeader);
        }
    }
}
