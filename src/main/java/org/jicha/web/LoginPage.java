package org.jicha.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST to {@code /login} (with the CSRF token) and sign-out. */
@Controller
@WebPage
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
