package org.jicha.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person who signs in to Jicha: role, unit (for a TEAM user, required), e-mail for notices. Every change that
 * must end the user's open sessions raises {@link #getSecurityStamp() the security stamp}.
 */
@Entity
@Table(name = "app_users")
public class AppUser {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "unit_code")
    private String unitCode;

    private String email;

    @Column(name = "team_leader", nullable = false)
    private boolean teamLeader;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** Raised by every change that ends the user's sessions; a session holding an older stamp is refused. */
    @Column(name = "security_stamp", nullable = false)
    private long securityStamp;

    /** Set when someone else chose the password: the user must choose its own before anything else. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Version
    private long version;

    protected AppUser() {}

    /**
     * A new, enabled user. A TEAM user must be bound to a unit; the others may be (a supervisor of one
     * county) or not (the whole company). Whether the unit exists is for the caller to check (users may exist
     * before the first load).
     *
     * @param mustChangePassword the password was chosen by someone else: the user must choose its own first
     * @throws IllegalArgumentException naming the field at fault
     */
    public static AppUser create(
            String username,
            String passwordHash,
            String displayName,
            Role role,
            String unitCode,
            String email,
            boolean teamLeader,
            LocalDateTime now,
            boolean mustChangePassword) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidUserException(
                    "username", "用户名须为 2–64 个字母、数字或 ._- / username: 2-64 letters, digits or ._-");
        }
        checkRole(role, unitCode);
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidUserException("email", "电子邮箱格式不正确 / email: not an e-mail address: " + email);
        }
        AppUser user = new AppUser();
        user.username = username;
        user.passwordHash = Objects.requireNonNull(passwordHash);
        user.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        user.role = role;
        user.unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode;
        user.email = email == null || email.isBlank() ? null : email;
        user.teamLeader = teamLeader;
        user.enabled = true;
        user.createdAt = now;
        user.passwordChangeRequired = mustChangePassword;
        return user;
    }

    private static void checkRole(Role role, String unitCode) {
        if (role == null) {
            throw new InvalidUserException("role", "必须指定角色 / role: required (ADMIN, AUDITOR, SUPERVISOR or TEAM)");
        }
        if (role == Role.TEAM && (unitCode == null || unitCode.isBlank())) {
            throw new InvalidUserException("unitCode", "班组用户必须指定单位 / unitCode: a TEAM user must be bound to a unit");
        }
    }

    /**
     * A new password hash; ends the user's sessions.
     *
     * @param mustChange true when someone other than the user chose it (an administrator, the generator)
     */
    public void changePassword(String newHash, boolean mustChange) {
        this.passwordHash = Objects.requireNonNull(newHash);
        this.passwordChangeRequired = mustChange;
        endSessions();
    }

    /** Sets the role and the unit (null: none); ends the user's sessions when either changes. */
    public void changeRole(Role newRole, String newUnitCode) {
        checkRole(newRole, newUnitCode);
        String unit = newUnitCode == null || newUnitCode.isBlank() ? null : newUnitCode;
        if (newRole != role || !Objects.equals(unit, unitCode)) {
            this.role = newRole;
            this.unitCode = unit;
            endSessions();
        }
    }

    /** Disables the user and ends its sessions. */
    public void disable() {
        this.enabled = false;
        endSessions();
    }

    public void enable() {
        this.enabled = true;
    }

    /** Every session of the user is refused on its next request. */
    public void endSessions() {
        this.securityStamp++;
    }

    /** Whether the user is an enabled administrator. */
    public boolean isActiveAdministrator() {
        return enabled && role == Role.ADMIN;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public String getEmail() {
        return email;
    }

    public boolean isTeamLeader() {
        return teamLeader;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    public long getSecurityStamp() {
        return securityStamp;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }
}
