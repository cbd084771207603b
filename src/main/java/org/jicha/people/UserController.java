package org.jicha.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jicha.config.Labels;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users (ADMIN only), the signed-in user ({@code /api/me}) and the audit trail (ADMIN only). */
@RestController
class UserController {

    private final UserAccounts accounts;
    private final AuditTrail trail;
    private final CurrentSession session;

    UserController(UserAccounts accounts, AuditTrail trail, CurrentSession session) {
        this.accounts = accounts;
        this.trail = trail;
        this.session = session;
    }

    @GetMapping("/api/me")
    UserView me(Actor actor) {
        if (actor.isSystem()) {
            throw new IllegalStateException("not a user");
        }
        return view(accounts.find(actor.username()));
    }

    /** Every signed-in user changes its own password with the current one; its other sessions end. */
    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ownPassword(
            Actor actor,
            @RequestBody OwnPasswordChange change,
            HttpServletRequest request,
            HttpServletResponse response) {
        accounts.changeOwnPassword(
                actor, CurrentSession.address(request), change.currentPassword(), change.newPassword());
        session.refresh(request, response);
    }

    @GetMapping("/api/users")
    List<UserView> list() {
        return accounts.list().stream().map(this::view).toList();
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(Actor actor, @RequestBody UserAccounts.NewUser user) {
        return view(accounts.create(actor, user));
    }

    @PutMapping("/api/users/{username}/enabled")
    UserView enable(Actor actor, @PathVariable String username, @RequestParam boolean value) {
        return view(accounts.setEnabled(actor, username, value));
    }

    @PutMapping("/api/users/{username}/role")
    UserView role(Actor actor, @PathVariable String username, @RequestBody RoleChange change) {
        return view(accounts.changeRole(actor, username, change.role(), change.unitCode()));
    }

    /** An administrator sets another user's password; the user must change it at its next sign-in. */
    @PutMapping("/api/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void password(Actor actor, @PathVariable String username, @RequestBody PasswordChange change) {
        accounts.setPassword(actor, username, change.password());
    }

    @PostMapping("/api/users/{username}/unlock")
    UserView unlock(Actor actor, @PathVariable String username) {
        return view(accounts.unlock(actor, username));
    }

    @GetMapping("/api/trail")
    List<AuditTrail.TrailEntry> trail(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "200") int limit) {
        return trail.latest(actor, action, limit);
    }

    private UserView view(AppUser u) {
        return new UserView(
                u.getUsername(),
                u.getDisplayName(),
                u.getRole(),
                Labels.zh("role." + u.getRole().name()),
                u.getUnitCode(),
                u.getEmail(),
                u.isTeamLeader(),
                u.isEnabled(),
                accounts.isLocked(u.getUsername()),
                u.isPasswordChangeRequired());
    }

    record PasswordChange(String password) {}

    record OwnPasswordChange(String currentPassword, String newPassword) {}

    record RoleChange(Role role, String unitCode) {}

    record UserView(
            String username,
            String displayName,
            Role role,
            String roleName,
            String unitCode,
            String email,
            boolean teamLeader,
            boolean enabled,
            boolean locked,
            boolean passwordChangeRequired) {}
}
