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

/** A person who signs in to Jicha: role, unit (for a TEAM user, required), e-mail for notices. */
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

    @Version
    private long version;

    protected AppUser() {
    }

    /**
     * A new, enabled user. A TEAM user must be bound to a unit; the others may be (a supervisor of one
     * county) or not (the whole company).
     *
     * @throws IllegalArgumentException naming the field at fault
     */
    public static AppUser create(String username, String passwordHash, String displayName, Role role, String unitCode,
                                 String email, boolean teamLeader, LocalDateTime now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名须为 2–64 个字母、数字或 ._- / username: 2-64 letters, digits or ._-");
        }
        Objects.requireNonNull(role, "role");
        if (role == Role.TEAM && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException("班组用户必须指定单位 / unitCode: a TEAM user must be bound to a unit");
        }
        if (email != null && !email.isBlank() && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("电子邮箱格式不正确 / email: not an e-mail address: " + email);
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
        return user;
    }

    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
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
}
