package org.jicha.tickets;

import static org.jicha.tickets.TicketStatus.AWAITING_CONFIRMATION;
import static org.jicha.tickets.TicketStatus.CLOSED;
import static org.jicha.tickets.TicketStatus.DISPATCHED;
import static org.jicha.tickets.TicketStatus.EXEMPTED;
import static org.jicha.tickets.TicketStatus.FALSE_POSITIVE;
import static org.jicha.tickets.TicketStatus.FEEDBACK_SUBMITTED;
import static org.jicha.tickets.TicketStatus.NEW;
import static org.jicha.tickets.TicketStatus.RETURNED;
import static org.jicha.tickets.TicketStatus.SCOPE_REJECTED;
import static org.jicha.tickets.TicketStatus.VERIFIED;
import static org.jicha.tickets.TicketStatus.WITHDRAWN;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.people.Actor;
import org.jicha.people.Role;

/**
 * The transition table of the closed loop: per action, who may do it and from which states, and the state it
 * leads to. {@link InspectionTicket} consults it before every change; the re-audit's bulk SQL takes its state
 * lists from here too, so there is one place that says what is legal (docs/TICKETS.md shows it as a table).
 * An ADMIN reads everything but has no ticket action (separation of duties).
 */
final class TicketTransitions {

    /** Who performs an action. */
    public enum Performer {
        AUDITOR,
        SUPERVISOR,
        TEAM,
        SYSTEM
    }

    /**
     * One row of the table.
     *
     * @param to the state the action leads to; null where it depends on the ticket (REOPEN and CONFIRM: DISPATCHED
     *           when its team is known, else NEW, and REOPEN of a withdrawn ticket AWAITING_CONFIRMATION when the
     *           brake holds its rule; FLAG: the state stays)
     */
    public record Rule(TicketAction action, Performer by, Set<TicketStatus> from, TicketStatus to) {}

    private static final Set<TicketStatus> STILL_OPEN =
            EnumSet.of(NEW, DISPATCHED, FEEDBACK_SUBMITTED, RETURNED, SCOPE_REJECTED);

    private static final Map<TicketAction, Rule> RULES = new EnumMap<>(TicketAction.class);

    static {
        rule(TicketAction.DISPATCH, Performer.AUDITOR, EnumSet.of(NEW, SCOPE_REJECTED), DISPATCHED);
        rule(TicketAction.SUBMIT_FEEDBACK, Performer.TEAM, EnumSet.of(DISPATCHED, RETURNED), FEEDBACK_SUBMITTED);
        rule(TicketAction.REJECT_SCOPE, Performer.TEAM, EnumSet.of(DISPATCHED, RETURNED), SCOPE_REJECTED);
        rule(TicketAction.VERIFY, Performer.AUDITOR, EnumSet.of(FEEDBACK_SUBMITTED), VERIFIED);
        rule(TicketAction.RETURN, Performer.AUDITOR, EnumSet.of(FEEDBACK_SUBMITTED), RETURNED);
        rule(TicketAction.CLOSE, Performer.AUDITOR, EnumSet.of(VERIFIED), CLOSED);
        rule(TicketAction.MARK_FALSE_POSITIVE, Performer.AUDITOR, STILL_OPEN, FALSE_POSITIVE);
        rule(TicketAction.EXEMPT, Performer.SUPERVISOR, STILL_OPEN, EXEMPTED);
        rule(TicketAction.AUTO_VERIFY, Performer.SYSTEM, EnumSet.of(FEEDBACK_SUBMITTED), VERIFIED);
        rule(TicketAction.REOPEN, Performer.SYSTEM, EnumSet.of(VERIFIED, CLOSED, EXEMPTED, WITHDRAWN), null);
        rule(TicketAction.FLAG, Performer.SYSTEM, EnumSet.of(DISPATCHED, RETURNED), null);
        rule(TicketAction.CONFIRM, Performer.AUDITOR, EnumSet.of(AWAITING_CONFIRMATION), null);
        rule(TicketAction.WITHDRAW, Performer.AUDITOR, EnumSet.of(NEW, DISPATCHED, AWAITING_CONFIRMATION), WITHDRAWN);
    }

    private TicketTransitions() {}

    private static void rule(TicketAction action, Performer by, Set<TicketStatus> from, TicketStatus to) {
        RULES.put(action, new Rule(action, by, Collections.unmodifiableSet(EnumSet.copyOf(from)), to));
    }

    public static Rule of(TicketAction action) {
        return RULES.get(action);
    }

    /** The whole table, in the order of {@link TicketAction}. */
    public static List<Rule> all() {
        return List.copyOf(RULES.values());
    }

    /** The states the action may start from. */
    public static Set<TicketStatus> from(TicketAction action) {
        return RULES.get(action).from();
    }

    /** The states' names, for SQL. */
    public static List<String> fromNames(TicketAction action) {
        return from(action).stream().map(Enum::name).toList();
    }

    /**
     * Checks that the actor may do the action on the ticket now: first the role (and for a team, that the
     * ticket's team lies in its unit), then the state.
     *
     * @throws TicketActionForbiddenException    for the wrong role or a team outside its scope
     * @throws IllegalTicketTransitionException  for an action not allowed in the current state
     */
    public static void check(TicketAction action, InspectionTicket ticket, Actor actor) {
        checkActor(action, ticket, actor);
        if (!RULES.get(action).from().contains(ticket.getStatus())) {
            throw new IllegalTicketTransitionException(ticket.getStatus(), action);
        }
    }

    /**
     * Checks only who: the role, and for a team that the ticket's team lies in its unit.
     *
     * @throws TicketActionForbiddenException for the wrong role or a team outside its scope
     */
    public static void checkActor(TicketAction action, InspectionTicket ticket, Actor actor) {
        Rule rule = RULES.get(action);
        if (!performs(rule.by(), actor)) {
            throw new TicketActionForbiddenException(forbiddenRole(action, rule.by(), actor));
        }
        if (rule.by() == Performer.TEAM && !inTeamScope(ticket, actor)) {
            throw new TicketActionForbiddenException("该工单不属于您的班组 / the ticket is assigned to "
                    + (ticket.getTeamUnitCode() == null ? "no team" : "team " + ticket.getTeamUnitCode())
                    + ", outside the unit of " + actor.username());
        }
    }

    /**
     * Checks only the role, for an action on a run's tickets at once (no team scope applies to an auditor).
     *
     * @throws TicketActionForbiddenException for the wrong role
     */
    public static void checkRole(TicketAction action, Actor actor) {
        Rule rule = RULES.get(action);
        if (!performs(rule.by(), actor)) {
            throw new TicketActionForbiddenException(forbiddenRole(action, rule.by(), actor));
        }
    }

    /**
     * The actions a person may do on the ticket now; what the UI offers. Never the system's actions, nor those done
     * on a run's tickets at once.
     */
    public static List<TicketAction> allowed(InspectionTicket ticket, Actor actor) {
        List<TicketAction> allowed = new ArrayList<>();
        for (Rule rule : RULES.values()) {
            if (rule.by() == Performer.SYSTEM || rule.action().isRunLevel()) {
                continue;
            }
            try {
                check(rule.action(), ticket, actor);
                allowed.add(rule.action());
            } catch (TicketActionForbiddenException | IllegalTicketTransitionException refused) {
                // not offered
            }
        }
        return allowed;
    }

    private static boolean performs(Performer by, Actor actor) {
        return switch (by) {
            case SYSTEM -> actor.isSystem();
            case AUDITOR -> actor.is(Role.AUDITOR);
            case SUPERVISOR -> actor.is(Role.SUPERVISOR);
            case TEAM -> actor.is(Role.TEAM);
        };
    }

    private static boolean inTeamScope(InspectionTicket ticket, Actor actor) {
        return ticket.getTeamUnitCode() != null && actor.sees(List.of(ticket.getTeamUnitCode()));
    }

    private static String forbiddenRole(TicketAction action, Performer by, Actor actor) {
        String who = actor.isSystem() ? "system" : actor.role().name();
        String zhBy = switch (by) {
            case AUDITOR -> "稽查人员";
            case SUPERVISOR -> "管理人员";
            case TEAM -> "被稽查班组";
            case SYSTEM -> "系统（复查）";
        };
        return "“" + action.zh() + "”只能由" + zhBy + "执行 / only " + by + " may " + action.en() + " (you are " + who + ")";
    }
}
