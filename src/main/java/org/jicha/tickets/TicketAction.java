package org.jicha.tickets;

import java.util.Locale;
import org.jicha.config.Labels;

/**
 * What can be done to a ticket. The first eight are done by people on one ticket (who, and in which state, is
 * {@link TicketTransitions}); the next three only by the system, when a re-audit closes the loop; the last two by
 * an auditor on a run's tickets at once (confirm or withdraw what the brake held, withdraw a run).
 */
public enum TicketAction {
    DISPATCH,
    SUBMIT_FEEDBACK,
    REJECT_SCOPE,
    VERIFY,
    RETURN,
    CLOSE,
    MARK_FALSE_POSITIVE,
    EXEMPT,
    AUTO_VERIFY,
    REOPEN,
    FLAG,
    CONFIRM,
    WITHDRAW;

    /** The action as a verb in a Chinese sentence ({@code ticket.verb.<ACTION>} in the message bundles). */
    public String zh() {
        return Labels.zh("ticket.verb." + name());
    }

    /** The action as a verb in an English sentence. */
    public String en() {
        return Labels.en("ticket.verb." + name());
    }

    /** Only the system does it (re-audit). */
    public boolean isSystemOnly() {
        return this == AUTO_VERIFY || this == REOPEN || this == FLAG;
    }

    /** Done on a run's tickets at once (per run and rule, or the whole run), never on one ticket. */
    public boolean isRunLevel() {
        return this == CONFIRM || this == WITHDRAW;
    }

    /**
     * The action named in a URL: {@code submit-feedback}, {@code SUBMIT_FEEDBACK} and {@code submit_feedback}
     * all work.
     *
     * @throws IllegalArgumentException naming the unknown action
     */
    public static TicketAction parse(String name) {
        String normal = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TicketAction a : values()) {
            if (a.name().equals(normal)) {
                return a;
            }
        }
        throw new IllegalArgumentException("没有此操作 / action: no such action \"" + name + "\"");
    }
}
