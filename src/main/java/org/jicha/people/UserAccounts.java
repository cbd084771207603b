package org.jicha.people;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jicha.config.PeopleZone;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users; every change goes to the audit trail. A person's changes (an actor with a role)
 * meet the password policy and name an existing unit; the system's own users (the first administrator, the demo
 * users, test fixtures) are trusted. A password chosen by someone else than its user must be changed at the
 * first sign-in. Changes that matter to an open session (disabled, role or unit, password, unlock) end the user's
 * sessions (see {@link AppUser#endSessions()}). The last enabled ADMIN cannot be disabled or demoted.
 *
 * <p>Long because every change to an account (create, role, unit, enable, reset, unlock) is one short
 * method here that checks the last-administrator rule, raises the security stamp and writes the trail.
 */
@Service
public class UserAccounts {

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final UnitTree units;
    private final SignInGuard guard;
    private final AuditTrail trail;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public UserAccounts(
            AppUserRepository users,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            UnitTree units,
            SignInGuard guard,
            AuditTrail trail,
            JdbcTemplate jdbc,
            Clock clock,
            PeopleZone zone) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.units = units;
        this.guard = guard;
        this.trail = trail;
        this.jdbc = jdbc;
        this.clock = clock.withZone(zone.zone());
    }

    /**
     * Creates a user. Created by a person, the password must meet the policy, the unit must exist and the user
     * must choose its own password at the first sign-in.
     *
     * @throws InvalidUserException  for an invalid field, naming it (a refused password: {@link PasswordRejectedException})
     * @throws UsernameTakenException when the user name is taken
     */
    @Transactional
    public AppUser create(Actor by, NewUser user) {
        boolean byPerson = !by.isSystem();
        if (byPerson) {
            policy.check(user.username(), user.password());
            checkUnit(user.unitCode());
        } else {
            checkSystemPassword(user.password());
        }
        if (users.findByUsername(user.username()).isPresent()) {
            throw new UsernameTakenException(user.username(), null);
        }
        AppUser created = AppUser.create(
                user.username(),
                encoder.encode(user.password()),
                user.displayName(),
                user.role(),
                user.unitCode(),
                user.email(),
                Boolean.TRUE.equals(user.teamLeader()),
                now(),
                byPerson);
        try {
            created = users.saveAndFlush(created);
        } catch (DataIntegrityViolationException e) {
            throw new UsernameTakenException(user.username(), e);
        }
        trail.record(
                by.username(),
                "USER_CREATED",
                user.username(),
                user.role()
                        + (user.unitCode() == null ? "" : " @ " + user.unitCode())
                        + (byPerson ? "; 首次登录须修改密码 / password to be changed at the first sign-in" : ""));
        return created;
    }

    /**
     * The first administrator of an empty user table. A configured password must meet the policy (the start-up
     * fails otherwise); without one, a random password is generated that must be changed at the first sign-in.
     *
     * @return the generated password, or empty when the configured one was used
     * @throws PasswordRejectedException when the configured password breaks the policy
     */
    @Transactional
    public Optional<String> createFirstAdministrator(String configuredPassword) {
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? randomPassword() : configuredPassword;
        if (!generate) {
            policy.check("admin", password);
        }
        AppUser admin = users.saveAndFlush(AppUser.create(
                "admin", encoder.encode(password), "系统管理员", Role.ADMIN, null, null, false, now(), generate));
        trail.record(
                Actor.SYSTEM.username(),
                "USER_CREATED",
                admin.getUsername(),
                Role.ADMIN
                        + (generate
                                ? "; 密码随机生成，首次登录须修改 / generated password, to be changed at the first sign-in"
                                : ""));
        return generate ? Optional.of(password) : Optional.empty();
    }

    /**
     * Enables or disables a user; disabling ends its sessions.
     *
     * @throws LastAdministratorException when it would disable the last enabled ADMIN
     */
    @Transactional
    public AppUser setEnabled(Actor by, String username, boolean enabled) {
        AppUser user = find(username);
        if (!enabled && user.isActiveAdministrator()) {
            requireAnotherAdministrator(username, "停用", "disable");
        }
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        trail.record(
                by.username(),
                enabled ? "USER_ENABLED" : "USER_DISABLED",
                username,
                enabled ? null : "会话已结束 / sessions ended");
        return user;
    }

    /**
     * Changes a user's role and unit (null: none); a change ends the user's sessions.
     *
     * @throws InvalidUserException        for a missing role, a TEAM user without a unit, a unit that does not exist
     * @throws LastAdministratorException when it would demote the last enabled ADMIN
     */
    @Transactional
    public AppUser changeRole(Actor by, String username, Role role, String unitCode) {
        AppUser user = find(username);
        checkUnit(unitCode);
        if (role != null && role != Role.ADMIN && user.isActiveAdministrator()) {
            requireAnotherAdministrator(username, "降级", "demote");
        }
        String before = user.getRole() + (user.getUnitCode() == null ? "" : " @ " + user.getUnitCode());
        long stamp = user.getSecurityStamp();
        user.changeRole(role, unitCode);
        if (user.getSecurityStamp() != stamp) {
            trail.record(
                    by.username(),
                    "ROLE_CHANGED",
                    username,
                    before + " -> " + user.getRole() + (user.getUnitCode() == null ? "" : " @ " + user.getUnitCode())
                            + "; 会话已结束 / sessions ended");
        }
        return user;
    }

    /**
     * An administrator sets another user's password; the user must change it at its next sign-in, and its
     * sessions end.
     *
     * @throws InvalidUserException for one's own password (that needs the current one: {@link #changeOwnPassword})
     *                              or a password the policy refuses
     */
    @Transactional
    public void setPassword(Actor by, String username, String password) {
        if (by.username().equals(username)) {
            throw new InvalidUserException(
                    "username",
                    "修改自己的密码须提供当前密码：PUT /api/me/password / your own "
                            + "password is changed with the current one: PUT /api/me/password");
        }
        AppUser user = find(username);
        policy.check(username, password);
        user.changePassword(encoder.encode(password), true);
        trail.record(
                by.username(),
                "PASSWORD_CHANGED",
                username,
                "由管理员设置，须在下次登录时修改；会话已结束 / set by an administrator, to be changed at the next sign-in; "
                        + "sessions ended");
    }

    /**
     * A user changes its own password, giving the current one. A wrong current password counts as a failed
     * sign-in (so the form cannot be used to guess it), and is refused while the user is locked. The user's
     * other sessions end; the caller keeps this one ({@link CurrentSession#refresh}).
     *
     * @param address the client's address, for the sign-in throttle
     * @throws InvalidUserException for a wrong current password (field {@code currentPassword}) or a new one the
     *                              policy refuses (field {@code newPassword}, {@link PasswordRejectedException})
     */
    @Transactional
    public void changeOwnPassword(Actor me, String address, String currentPassword, String newPassword) {
        AppUser user = find(me.username());
        Optional<SignInGuard.Refusal> refusal = guard.refusal(me.username(), address);
        if (refusal.isPresent()
                || currentPassword == null
                || !encoder.matches(currentPassword, user.getPasswordHash())) {
            guard.failed(
                    me.username(),
                    address,
                    refusal.orElse(null),
                    "当前密码不正确（修改密码）/ wrong current password " + "(password change)");
            throw new InvalidUserException("currentPassword", "当前密码不正确 / currentPassword: not the current password");
        }
        List<PasswordRule> reasons = new ArrayList<>(policy.violations(me.username(), newPassword));
        if (newPassword != null && encoder.matches(newPassword, user.getPasswordHash())) {
            reasons.add(PasswordRule.SAME_AS_CURRENT);
        }
        if (!reasons.isEmpty()) {
            throw new PasswordRejectedException("newPassword", reasons, policy.minLength());
        }
        user.changePassword(encoder.encode(newPassword), false);
        trail.record(
                me.username(),
                "PASSWORD_CHANGED",
                me.username(),
                "本人修改；其他会话已结束 / by the user; its other " + "sessions ended");
    }

    /** An administrator ends a user's lockout; the user's sessions end too (the account may have been attacked). */
    @Transactional
    public AppUser unlock(Actor by, String username) {
        AppUser user = find(username);
        String until =
                guard.lockedUntil(username).map(t -> "锁定至 / locked until " + t).orElse("未锁定 / was not locked");
        guard.clear(username);
        user.endSessions();
        trail.record(by.username(), "UNLOCKED", username, until + "; 会话已结束 / sessions ended");
        return user;
    }

    /** What a session of the user must be checked against on each request; empty when the user is gone. */
    @Transactional(readOnly = true)
    public Optional<AccountState> state(String username) {
        return jdbc
                .query(
                        "SELECT enabled, security_stamp, password_change_required FROM app_users WHERE username = ?",
                        (rs, i) -> new AccountState(rs.getBoolean(1), rs.getLong(2), rs.getBoolean(3)),
                        username)
                .stream()
                .findFirst();
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

    /** Whether the user name is locked out now (from anywhere), for the user list. */
    public boolean isLocked(String username) {
        return guard.lockedUntil(username).isPresent();
    }

    private void requireAnotherAdministrator(String username, String zhChange, String enChange) {
        if (users.lockEnabledAdministrators().stream()
                .noneMatch(a -> !a.getUsername().equals(username))) {
            throw new LastAdministratorException(username, zhChange, enChange);
        }
    }

    private void checkUnit(String unitCode) {
        if (unitCode != null && !unitCode.isBlank() && !units.exists(unitCode)) {
            throw new InvalidUserException(
                    "unitCode",
                    "单位 " + unitCode + " 不存在（须是已装载的单位编码）/ unitCode: no unit " + unitCode + " has been loaded");
        }
    }

    /** The system's own users (demo, fixtures) are not held to the policy, but BCrypt's limits still apply. */
    private static void checkSystemPassword(String password) {
        if (password == null
                || password.isBlank()
                || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            throw new InvalidUserException("password", "密码不能为空且不得超过 72 字节 / password: required, at most 72 bytes");
        }
    }

    /** A random password for the first administrator when none is configured. */
    static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The fields of a new user. */
    public record NewUser(
            String username,
            String password,
            String displayName,
            Role role,
            String unitCode,
            String email,
            Boolean teamLeader) {

        public NewUser withPassword(String newPassword) {
            return new NewUser(username, newPassword, displayName, role, unitCode, email, teamLeader);
        }
    }

    /** A user's state that an open session is checked against. */
    public record AccountState(boolean enabled, long securityStamp, boolean passwordChangeRequired) {}
}
