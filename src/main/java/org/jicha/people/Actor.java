package org.jicha.people;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Who does something: a signed-in user with role and unit, or the system itself (re-audits, nightly
 * checks). {@code visibleUnits} is the unit and every unit below it for a user bound to a unit, or null
 * for one who sees the whole company.
 */
public record Actor(String username, Role role, String unitCode, Set<String> visibleUnits) {

    /** The system: re-audit verification, reopening, escalation. Has no role of a person. */
    public static final Actor SYSTEM = new Actor("system", null, null, null);

    public Actor {
        Objects.requireNonNull(username, "username");
        visibleUnits = visibleUnits == null ? null : Set.copyOf(visibleUnits);
    }

    public boolean isSystem() {
        return role == null;
    }

    public boolean is(Role r) {
        return role == r;
    }

    /** Sees every unit of the company. */
    public boolean seesEverything() {
        return visibleUnits == null;
    }

    /** True when any of the given unit codes (null ones ignored) lies in this actor's scope. */
    public boolean sees(Collection<String> unitCodes) {
        if (seesEverything()) {
            return true;
        }
        return unitCodes.stream().anyMatch(c -> c != null && visibleUnits.contains(c));
    }
}
