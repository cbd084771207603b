package org.jicha.people;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every user name and password (the sign-in form and HTTP Basic alike) passes the {@link SignInGuard} before the
 * password is checked: a locked user name or address is answered exactly like a wrong password, unchecked;
 * a failure is counted and recorded with the client's address, a success forgives the failures from there.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInGuard guard;

    ThrottledAuthentication(AuthenticationProvider passwords, SignInGuard guard) {
        this.passwords = passwords;
        this.guard = guard;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<SignInGuard.Refusal> refusal = guard.refusal(username, address);
        if (refusal.isPresent()) {
            guard.failed(username, address, refusal.get(), BadCredentialsException.class.getSimpleName());
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            guard.succeeded(username, address);
            return authenticated;
        } catch (AuthenticationException e) {
            guard.failed(username, address, null, e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
