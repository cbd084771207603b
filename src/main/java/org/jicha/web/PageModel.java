package org.jicha.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jicha.people.JichaPrincipal;
import org.jicha.people.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the viewer (null before sign-in) and the current path for the language links. */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof JichaPrincipal p) {
            return new Viewer(p.username(), p.displayName() == null ? p.username() : p.displayName(), p.role(),
                    p.unitCode());
        }
        Role role = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5))
                .flatMap(r -> java.util.Arrays.stream(Role.values()).filter(x -> x.name().equals(r)))
                .findFirst().orElse(null);
        return new Viewer(authentication.getName(), authentication.getName(), role, null);
    }

    /**
     * The current query without {@code lang}, ending in {@code &} when not empty: the language links are
     * {@code ?<query>lang=en}, relative to the page, so switching keeps the page and its filters.
     */
    @ModelAttribute("langQuery")
    String languageQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty() && !pair.startsWith("lang=") && !pair.equals("lang") && !pair.equals("continue")) {
                kept.append(pair).append('&');
            }
        }
        return kept.toString();
    }
}
