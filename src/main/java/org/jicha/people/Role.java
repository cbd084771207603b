package org.jicha.people;

/** What a user may do. A user has exactly one role; its name is {@code role.<ROLE>} in the message bundles. */
public enum Role {
    /** Manages users and configuration. */
    ADMIN,
    /** Writes rules, plans and runs audits, dispatches and verifies tickets (稽查人员). */
    AUDITOR,
    /** Reads reports, approves exemptions (管理人员). */
    SUPERVISOR,
    /** An audited team or station: sees and rectifies the tickets of its unit and the units below it. */
    TEAM;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
