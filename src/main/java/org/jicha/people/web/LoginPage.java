package org.jicha.people.web;

import org.jicha.people.SecurityProperties;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form; Spring Security handles its POST to {@code /login} (with the CSRF token) and sign-out. A
 * failed sign-in says the same whatever failed (wrong name or password, user or address locked), and that
 * repeated failures lock for a while: it never tells which user names exist or which is locked.
 */
@Controller
@WebPage
class LoginPage {

    private final SecurityProperties security;

    LoginPage(SecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute(
                "lockoutMinutes", Math.max(1, security.signIn().lockout().toMinutes()));
        return "login";
    }
}
