package org.jicha.people;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users come from table {@code app_users}; passwords are BCrypt hashes. */
@Service
class JichaUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    JichaUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(JichaPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
