package org.jicha.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in session of the current request, kept after its user changed its own password: the change ends
 * every session of the user (its security stamp rises), and this one is handed the new stamp, under a new
 * session id. A request without a session (HTTP Basic) has nothing to keep.
 */
@Component
public class CurrentSession {

    private final UserDetailsService users;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    CurrentSession(UserDetailsService users) {
        this.users = users;
    }

    /** The client's address as the sign-in throttle counts it. */
    public static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** Re-reads the signed-in user into the session, so that it survives the user's own change. */
    public void refresh(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = holder.getContext().getAuthentication();
        if (current == null || request.getSession(false) == null) {
            return;
        }
        UserDetails user = users.loadUserByUsername(current.getName());
        UsernamePasswordAuthenticationToken renewed =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        renewed.setDetails(current.getDetails());
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(renewed);
        holder.setContext(context);
        request.changeSessionId();
        sessions.saveContext(context, request, response);
    }
}
