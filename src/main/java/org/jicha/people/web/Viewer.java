package org.jicha.people.web;

import org.jicha.people.Role;

/**
 * Who looks at a page, as the templates need it: the name to greet, the role (for the navigation and the
 * actions offered) and the unit a TEAM user is bound to. The server checks every action again.
 */
public record Viewer(String username, String displayName, Role role, String unitCode) {

    public boolean isTeam() {
        return role == Role.TEAM;
    }

    /** May run audits, reload rules, upload data and dispatch or verify tickets. */
    public boolean isAuditor() {
        return role == Role.AUDITOR || role == Role.ADMIN;
    }

    /** Sees the whole company's runs, rules and loads (everyone except a TEAM user). */
    public boolean isStaff() {
        return role != null && role != Role.TEAM;
    }

    /**
     * An AUDITOR proper: forces a run despite missing data, withdraws runs, confirms or withdraws held tickets (an
     * ADMIN does not act on tickets: separation of duties).
     */
    public boolean isTicketAuditor() {
        return role == Role.AUDITOR;
    }

    /** Manages users and reads the audit trail. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }
}
