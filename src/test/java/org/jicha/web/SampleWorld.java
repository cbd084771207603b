package org.jicha.web;

import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;

/**
 * The world the page tests look at: the repository's sample batch, loaded and audited as of its as-of date at
 * start-up (as the demo profile does), and users of each role created through {@link UserAccounts}.
 */
final class SampleWorld {

    static final String PASSWORD = "page-test-pw";

    private SampleWorld() {}

    /** Creates auditor, supervisor, a reading team of station QC01 and one of QC02 (once per database). */
    static void users(UserAccounts accounts) {
        user(accounts, "auditor", "陈华", Role.AUDITOR, null);
        user(accounts, "supervisor", "闫海玉", Role.SUPERVISOR, null);
        user(accounts, "qc01re", "王欣", Role.TEAM, "QC01RE");
        user(accounts, "qc02re", "莫婷", Role.TEAM, "QC02RE");
    }

    private static void user(UserAccounts accounts, String name, String display, Role role, String unit) {
        try {
            accounts.find(name);
        } catch (IllegalArgumentException absent) {
            accounts.create(
                    Actor.SYSTEM,
                    new UserAccounts.NewUser(
                            name, PASSWORD, display, role, unit, name + "@test.jicha.local", role == Role.TEAM));
        }
    }
}
