package org.jicha.notify;

import org.jicha.people.AppUser;
import org.jicha.people.Role;

/** A user who can receive mail: enabled and with an e-mail address. */
record Recipient(String username, String displayName, String email, Role role, String unitCode, boolean teamLeader) {

    static Recipient of(AppUser user) {
        return new Recipient(
                user.getUsername(),
                user.getDisplayName(),
                user.getEmail(),
                user.getRole(),
                user.getUnitCode(),
                user.isTeamLeader());
    }
}
