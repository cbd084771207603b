package org.jicha.people;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins through the form, sign-outs and every failed authentication (form or HTTP Basic) go to the
 * audit trail. A successful HTTP Basic request is an API call, not a sign-in, and is not recorded.
 */
@Component
class SignInTrail {

    private final AuditTrail trail;

    SignInTrail(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "LOGIN", null, null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication() == null ? "?" : event.getAuthentication().getName();
        trail.record(name == null || name.isBlank() ? "?" : name, "LOGIN_FAILED", null,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        trail.record(event.getAuthentication().getName(), "LOGOUT", null, null);
    }
}
