package org.jicha.people.web;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail (操作日志) for administrators: the latest entries, newest first, by actor and action. Actions
 * are shown by their Chinese name ({@code trail.action.*}), ticket actions by the workflow's names, and any
 * action without a name by its code.
 */
@Controller
@WebPage
class TrailPage {

    static final int SHOWN = 200;

    /** A role's code as a whole word of a trail entry's detail. */
    private static final Pattern ROLE = Pattern.compile("(?<![A-Za-z0-9_])("
            + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining("|"))
            + ")(?![A-Za-z0-9_])");

    private final AuditTrail trail;
    private final MessageSource messages;

    TrailPage(AuditTrail trail, MessageSource messages) {
        this.trail = trail;
        this.messages = messages;
    }

    /** One entry as the page shows it. */
    record Row(
            long id, LocalDateTime at, String actor, String action, String actionName, String target, String detail) {}

    @GetMapping("/trail")
    String list(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            Locale locale,
            Model model) {
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        String what = action == null || action.isBlank() ? null : action.strip();
        List<Row> rows = trail.latest(who, what, SHOWN).stream()
                .map(e -> new Row(
                        e.id(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        name(e.action(), locale),
                        e.target(),
                        detail(e.detail(), locale)))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("actor", who);
        model.addAttribute("action", what);
        model.addAttribute("shown", SHOWN);
        return "trail/list";
    }

    /** The stored detail with each role's code ({@code TEAM @ QC01RE}) shown by its name in the reader's language. */
    private String detail(String detail, Locale locale) {
        if (detail == null) {
            return null;
        }
        Matcher m = ROLE.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, Matcher.quoteReplacement(messages.getMessage("role." + m.group(), null, m.group(), locale)));
        }
        return m.appendTail(out).toString();
    }

    private String name(String action, Locale locale) {
        String named = messages.getMessage("trail.action." + action, null, null, locale);
        if (named != null) {
            return named;
        }
        if (action.startsWith("TICKET_")) {
            String ticketAction = messages.getMessage("ticket.action." + action.substring(7), null, null, locale);
            if (ticketAction != null) {
                return messages.getMessage("trail.ticketAction", new Object[] {ticketAction}, locale);
            }
        }
        return action;
    }
}
