package org.jicha.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.AppUserRepository;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.people.UnitTree;
import org.jicha.rules.ActiveRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly overdue check (逾期督办). Finds the tickets awaiting action whose due date has passed, counts
 * how many China working days they are overdue, and raises each one's escalation level: level 1 tells the
 * team leader, level 2 the supervisors ({@link RecipientChoice}, {@link OverduePolicy}). A ticket is
 * escalated to a level once; only a higher level mails again. Each recipient gets one mail per level and
 * run listing all their newly escalated tickets.
 *
 * <p>The levels and the mails are written in one transaction: after a crash the check runs again from
 * the same state, and the mails' dedup keys keep a second run from writing them twice.
 */
@Service
class OverdueEscalation {

    private static final Logger log = LoggerFactory.getLogger(OverdueEscalation.class);

    private final TicketRows tickets;
    private final AppUserRepository users;
    private final UnitTree units;
    private final ActiveRuleSet rules;
    private final Outbox outbox;
    private final AuditTrail trail;
    private final NotifyProperties properties;
    private final Clock clock;

    public OverdueEscalation(
            TicketRows tickets,
            AppUserRepository users,
            UnitTree units,
            ActiveRuleSet rules,
            Outbox outbox,
            AuditTrail trail,
            NotifyProperties properties,
            Clock clock) {
        this.tickets = tickets;
        this.users = users;
        this.units = units;
        this.rules = rules;
        this.outbox = outbox;
        this.trail = trail;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one check did. */
    public record Escalated(int ticketsEscalated, int mailsWritten, int levelsReset) {}

    /** The check as of today in {@code jicha.notify.zone}. */
    @Transactional
    public Escalated run() {
        return run(LocalDate.now(clock.withZone(properties.zone())));
    }

    @Transactional
    public Escalated run(LocalDate today) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        int reset = tickets.resetNoLongerOverdue(today);
        OverduePolicy policy = new OverduePolicy(rules.current().calendar(), properties.escalateToSupervisorAfter());
        RecipientChoice choice = RecipientChoice.of(recipients());
        Map<String, List<String>> ancestries = new HashMap<>();
        // level -> recipient (by user name) -> tickets, in due-date order
        Map<Integer, Map<String, List<EscalatedTicket>>> mails = new LinkedHashMap<>();
        Map<String, Recipient> byName = new HashMap<>();
        int escalated = 0;
        for (OverdueTicket ticket : tickets.pastDue(today)) {
            int level = policy.levelFor(ticket.dueOn(), today);
            if (level <= ticket.escalationLevel()) {
                continue;
            }
            if (!tickets.escalate(ticket.id(), ticket.escalationLevel(), level, now)) {
                continue; // changed meanwhile (another node): its mails are that node's
            }
            escalated++;
            EscalatedTicket entry = new EscalatedTicket(ticket, policy.workingDaysOverdue(ticket.dueOn(), today));
            List<String> told = new ArrayList<>();
            for (int l = ticket.escalationLevel() + 1; l <= level; l++) {
                List<Recipient> to = l == OverduePolicy.SUPERVISOR
                        ? choice.level2(
                                ticket.homeUnit() == null
                                        ? List.of()
                                        : ancestries.computeIfAbsent(ticket.homeUnit(), units::ancestry))
                        : choice.level1(ticket);
                if (to.isEmpty()) {
                    log.warn(
                            "Ticket {} is overdue (level {}) but nobody with an e-mail address can be told",
                            ticket.id(),
                            l);
                }
                for (Recipient r : to) {
                    byName.put(r.username(), r);
                    mails.computeIfAbsent(l, k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.username(), k -> new ArrayList<>())
                            .add(entry);
                    told.add(r.username());
                }
            }
            trail.record(
                    Actor.SYSTEM.username(),
                    "TICKET_ESCALATED",
                    "ticket:" + ticket.id(),
                    "L" + ticket.escalationLevel() + " -> L" + level + ", " + entry.workingDaysOverdue()
                            + " wd overdue, notified " + String.join(",", told));
        }
        int written = 0;
        for (Map.Entry<Integer, Map<String, List<EscalatedTicket>>> level : mails.entrySet()) {
            for (Map.Entry<String, List<EscalatedTicket>> toUser :
                    level.getValue().entrySet()) {
                if (outbox.enqueue(EscalationMail.compose(
                        level.getKey(), byName.get(toUser.getKey()), toUser.getValue(), today, properties))) {
                    written++;
                }
            }
        }
        log.info(
                "Overdue check as of {}: {} tickets escalated, {} mails written, {} levels reset",
                today,
                escalated,
                written,
                reset);
        return new Escalated(escalated, written, reset);
    }

    private List<Recipient> recipients() {
        return Stream.of(Role.TEAM, Role.SUPERVISOR, Role.AUDITOR)
                .flatMap(role -> users.findByRoleAndEnabledTrue(role).stream())
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(Recipient::of)
                .toList();
    }
}
