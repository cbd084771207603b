package org.jicha.notify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.people.AppUser;
import org.jicha.people.AppUserRepository;
import org.jicha.people.Role;
import org.jicha.people.UnitTree;
import org.jicha.rules.ActiveRuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest (每日提醒): every enabled TEAM user with an e-mail address gets the open tickets of their
 * unit and the units below it, unless there are none. One mail per user and day (dedup key).
 */
@Service
class TeamDigest {

    private static final Logger log = LoggerFactory.getLogger(TeamDigest.class);

    private final TicketRows tickets;
    private final AppUserRepository users;
    private final UnitTree units;
    private final ActiveRuleSet rules;
    private final Outbox outbox;
    private final NotifyProperties properties;
    private final Clock clock;

    public TeamDigest(
            TicketRows tickets,
            AppUserRepository users,
            UnitTree units,
            ActiveRuleSet rules,
            Outbox outbox,
            NotifyProperties properties,
            Clock clock) {
        this.tickets = tickets;
        this.users = users;
        this.units = units;
        this.rules = rules;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** The digests of today in {@code jicha.notify.zone}; returns the number of mails written. */
    @Transactional
    public int run() {
        return run(LocalDate.now(clock.withZone(properties.zone())));
    }

    @Transactional
    public int run(LocalDate today) {
        WorkingDayCalendar calendar = rules.current().calendar();
        OverduePolicy policy = new OverduePolicy(calendar, properties.escalateToSupervisorAfter());
        LocalDate dueSoonUntil = calendar.plusWorkingDays(today, properties.dueSoonWorkingDays());
        Map<String, List<OverdueTicket>> openByUnit = new HashMap<>();
        int written = 0;
        for (AppUser user : users.findByRoleAndEnabledTrue(Role.TEAM)) {
            if (user.getEmail() == null || user.getUnitCode() == null) {
                continue;
            }
            List<OverdueTicket> open = openByUnit.computeIfAbsent(user.getUnitCode(), unit -> {
                Set<String> subtree = units.subtree(unit);
                return tickets.openIn(subtree);
            });
            if (open.isEmpty()) {
                continue;
            }
            List<OverdueTicket> awaiting = open.stream()
                    .filter(t -> TicketRows.AWAITING_ACTION.contains(t.status()))
                    .toList();
            List<OverdueTicket> dueSoon = awaiting.stream()
                    .filter(t -> !t.dueOn().isBefore(today) && !t.dueOn().isAfter(dueSoonUntil))
                    .toList();
            List<EscalatedTicket> overdue = awaiting.stream()
                    .filter(t -> t.dueOn().isBefore(today))
                    .map(t -> new EscalatedTicket(t, policy.workingDaysOverdue(t.dueOn(), today)))
                    .toList();
            DigestMail.Digest digest = new DigestMail.Digest(
                    Recipient.of(user),
                    user.getUnitCode(),
                    tickets.unitName(user.getUnitCode()),
                    today,
                    properties.dueSoonWorkingDays(),
                    open,
                    dueSoon,
                    overdue);
            if (outbox.enqueue(DigestMail.compose(digest, properties))) {
                written++;
            }
        }
        log.info("Daily digest of {}: {} mails written", today, written);
        return written;
    }
}
