package org.jicha.people;

/** What a user may do. A user has exactly one role. */
public enum Role {
    /** Manages users and configuration. */
    ADMIN("系统管理员", "administrator"),
    /** Writes rules, plans and runs audits, dispatches and verifies tickets (稽查人员). */
    AUDITOR("稽查人员", "auditor"),
    /** Reads reports, approves exemptions (管理人员). */
    SUPERVISOR("管理人员", "supervisor"),
    /** An audited team or station: sees and rectifies the tickets of its unit and the units below it. */
    TEAM("被稽查班组", "audited team");

    private final String zh;
    private final String en;

    Role(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
