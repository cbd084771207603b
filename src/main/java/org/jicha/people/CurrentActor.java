package org.jicha.people;

import java.util.Arrays;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Turns the authentication of a request into an {@link Actor} with the units it may see. */
@Component
class CurrentActor {

    private final UnitTree units;

    public CurrentActor(UnitTree units) {
        this.units = units;
    }

    /**
     * The actor of an authentication. A user bound to a unit sees that unit's subtree; an ADMIN, AUDITOR or
     * SUPERVISOR without a unit sees everything.
     *
     * @throws IllegalStateException when nobody is signed in (the security chain prevents that for the API)
     */
    public Actor of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("未登录 / not signed in");
        }
        if (authentication.getPrincipal() instanceof JichaPrincipal p) {
            Set<String> visible = p.unitCode() == null ? null : units.subtree(p.unitCode());
            return new Actor(p.username(), p.role(), p.unitCode(), visible);
        }
        // any other authentication (e.g. a test's mock user): the role from its authorities, no unit
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(r -> Arrays.stream(Role.values()).anyMatch(x -> x.name().equals(r)))
                .map(Role::valueOf)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("用户没有角色 / the user has no role"));
        if (role == Role.TEAM) {
            throw new IllegalStateException("班组用户必须属于某个单位 / a TEAM user must be bound to a unit");
        }
        return new Actor(authentication.getName(), role, null, null);
    }
}
