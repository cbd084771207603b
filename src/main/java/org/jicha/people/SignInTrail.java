package org.jicha.people;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins through the form and sign-outs go to the audit trail with the client's address. A successful HTTP
 * Basic request is an API call, not a sign-in, and is not recorded; failures of both are recorded by the
 * {@link SignInGuard}, which counts them.
 */
@Component
class SignInTrail {

    private final AuditTrail trail;

    SignInTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "LOGIN", address(event.getAuthentication()), null);
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "LOGOUT", address(event.getAuthentication()), null);
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
