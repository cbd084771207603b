package org.jicha.people;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security holds it: name, password hash, role and unit, and the security stamp it
 * signed in with (a session whose stamp is no longer the user's is refused: {@link AccountStateFilter}).
 */
public record JichaPrincipal(
        String username,
        String passwordHash,
        String displayName,
        Role role,
        String unitCode,
        boolean enabled,
        long securityStamp)
        implements UserDetails {

    @Serial
    private static final long serialVersionUID = 2L;

    static JichaPrincipal of(AppUser user) {
        return new JichaPrincipal(
                user.getUsername(),
                user.getPasswordHash(),
                user.getDisplayName(),
                user.getRole(),
                user.getUnitCode(),
                user.isEnabled(),
                user.getSecurityStamp());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
