package org.jicha.notify;

import java.util.List;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox for administrators and auditors: list the latest mails, read one, retry a FAILED one.
 * Others get 403; a mail that is not FAILED cannot be retried (409): see {@code notify.web.NotifyProblems}.
 */
@RestController
@RequestMapping("/api/notify/outbox")
public class OutboxController {

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    List<OutboxMail> latest(
            Actor actor,
            @RequestParam(required = false) MailStatus status,
            @RequestParam(defaultValue = "100") int limit) {
        allowed(actor);
        return outbox.latest(status, limit);
    }

    @GetMapping("/{id}")
    OutboxMail get(Actor actor, @PathVariable long id) {
        allowed(actor);
        return outbox.get(id);
    }

    @PostMapping("/{id}/retry")
    OutboxMail retry(Actor actor, @PathVariable long id) {
        allowed(actor);
        return outbox.retry(actor, id);
    }

    private static void allowed(Actor actor) {
        if (!actor.is(Role.ADMIN) && !actor.is(Role.AUDITOR)) {
            throw new OutboxForbiddenException();
        }
    }

    /** The caller is neither an administrator nor an auditor. */
    public static final class OutboxForbiddenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OutboxForbiddenException() {
            super("仅系统管理员和稽查人员可查看发件箱 / only administrators and auditors may use the outbox");
        }
    }
}
