package org.jicha.people.web;

import java.util.Arrays;
import org.jicha.people.JichaPrincipal;
import org.jicha.people.Role;
import org.jicha.web.WebPage;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the {@link Viewer} to every page's model (null before sign-in), for the layout's greeting and navigation. */
@ControllerAdvice(annotations = WebPage.class)
class ViewerModel {

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof JichaPrincipal p) {
            return new Viewer(
                    p.username(), p.displayName() == null ? p.username() : p.displayName(), p.role(), p.unitCode());
        }
        Role role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .flatMap(r -> Arrays.stream(Role.values()).filter(x -> x.name().equals(r)))
                .findFirst()
                .orElse(null);
        return new Viewer(authentication.getName(), authentication.getName(), role, null);
    }
}
