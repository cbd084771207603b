package org.jicha.people;

import java.util.List;

/** The demo users of the sample organisation (sample-data/units.csv, staff.csv); demo profile only. */
final class DemoUsers {

    static final List<UserAccounts.NewUser> ALL = List.of(
            user("admin", "系统管理员", Role.ADMIN, null, false),
            user("auditor", "陈华（营销稽查专责）", Role.AUDITOR, null, false),
            user("supervisor", "闫海玉（营销部主任）", Role.SUPERVISOR, null, false),
            user("qc01", "马东（城关供电所所长）", Role.TEAM, "QC01", false),
            user("qc01re", "王欣（城关抄表班班长）", Role.TEAM, "QC01RE", true),
            user("qc01bi", "潘少（城关核算班班长）", Role.TEAM, "QC01BI", true),
            user("qc02", "潘玉燕（河口供电所所长）", Role.TEAM, "QC02", false),
            user("qc02re", "莫婷（河口抄表班班长）", Role.TEAM, "QC02RE", true));

    private DemoUsers() {}

    private static UserAccounts.NewUser user(String name, String display, Role role, String unit, boolean leader) {
        return new UserAccounts.NewUser(name, null, display, role, unit, name + "@demo.jicha.local", leader);
    }
}
