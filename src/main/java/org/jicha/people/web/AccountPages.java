package org.jicha.people.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jicha.people.Actor;
import org.jicha.people.CurrentSession;
import org.jicha.people.InvalidUserException;
import org.jicha.people.PasswordPolicy;
import org.jicha.people.PasswordRejectedException;
import org.jicha.people.UserAccounts;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own password: the change form (linked from every page's header), also the page every
 * other page leads to while the user must change a password someone else chose.
 */
@Controller
@WebPage
class AccountPages {

    private final UserAccounts accounts;
    private final PasswordPolicy policy;
    private final CurrentSession session;

    AccountPages(UserAccounts accounts, PasswordPolicy policy, CurrentSession session) {
        this.accounts = accounts;
        this.policy = policy;
        this.session = session;
    }

    @GetMapping("/account/password")
    String form(Actor actor, Model model) {
        model.addAttribute("forced", accounts.find(actor.username()).isPasswordChangeRequired());
        model.addAttribute("minLength", policy.minLength());
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(
            Actor actor,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("problem", "account.password.mismatch");
            return refused(actor, model, response);
        }
        try {
            accounts.changeOwnPassword(actor, CurrentSession.address(request), currentPassword, newPassword);
        } catch (PasswordRejectedException e) {
            model.addAttribute("problem", "account.password.rejected");
            model.addAttribute("reasons", e.reasons());
            return refused(actor, model, response);
        } catch (InvalidUserException e) {
            model.addAttribute("problem", "account.password.wrongCurrent");
            return refused(actor, model, response);
        }
        session.refresh(request, response);
        redirect.addFlashAttribute("notice", "account.password.changed");
        return "redirect:/account/password";
    }

    private String refused(Actor actor, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(actor, model);
    }
}
