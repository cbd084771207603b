package org.jicha.people;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users (ADMIN only), the signed-in user ({@code /api/me}) and the audit trail. */
@RestController
class UserController {

    private final UserAccounts accounts;
    private final AuditTrail trail;

    UserController(UserAccounts accounts, AuditTrail trail) {
        this.accounts = accounts;
        this.trail = trail;
    }

    @GetMapping("/api/me")
    UserView me(Actor actor) {
        if (actor.isSystem()) {
            throw new IllegalStateException("not a user");
        }
        return new UserView(actor.username(), null, actor.role(), actor.role().zh(), actor.unitCode(), null, false, true);
    }

    @GetMapping("/api/users")
    List<UserView> list() {
        return accounts.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/api/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(Actor actor, @RequestBody UserAccounts.NewUser user) {
        return UserView.of(accounts.create(actor, user));
    }

    @PutMapping("/api/users/{username}/enabled")
    UserView enable(Actor actor, @PathVariable String username, @RequestParam boolean value) {
        return UserView.of(accounts.setEnabled(actor, username, value));
    }

    @PutMapping("/api/users/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void password(Actor actor, @PathVariable String username, @RequestBody PasswordChange change) {
        accounts.changePassword(actor, username, change.password());
    }

    @GetMapping("/api/trail")
    List<AuditTrail.TrailEntry> trail(@RequestParam(required = false) String actor,
                                      @RequestParam(required = false) String action,
                                      @RequestParam(defaultValue = "200") int limit) {
        return trail.latest(actor, action, limit);
    }

    record PasswordChange(String password) {
    }

    record UserView(String username, String displayName, Role role, String roleName, String unitCode, String email,
                    boolean teamLeader, boolean enabled) {

        static UserView of(AppUser u) {
            return new UserView(u.getUsername(), u.getDisplayName(), u.getRole(), u.getRole().zh(), u.getUnitCode(),
                    u.getEmail(), u.isTeamLeader(), u.isEnabled());
        }
    }
}
