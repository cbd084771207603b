package org.jicha.notify;

import java.util.List;
import org.jicha.people.Role;

/**
 * Who is told about an overdue ticket, as small named policies over the users who can receive mail
 * (enabled, with an e-mail address).
 *
 * <ul>
 *   <li>Level 1, a ticket waiting for a team: the team's leaders; when it has none, the TEAM users of the
 *       ticket's station; when there are none either, the auditors (so the notice reaches somebody).</li>
 *   <li>Level 1, a ticket waiting for an auditor (no team yet: NEW; or the team said "not ours":
 *       SCOPE_REJECTED): the auditors.</li>
 *   <li>Level 2: the supervisors of the whole company (no unit) and those of a unit above the ticket's
 *       station, or of the station itself.</li>
 * </ul>
 */
final class RecipientChoice {

    private final List<Recipient> teamUsers;
    private final List<Recipient> supervisors;
    private final List<Recipient> auditors;

    RecipientChoice(List<Recipient> teamUsers, List<Recipient> supervisors, List<Recipient> auditors) {
        this.teamUsers = List.copyOf(teamUsers);
        this.supervisors = List.copyOf(supervisors);
        this.auditors = List.copyOf(auditors);
    }

    static boolean waitsForAuditor(OverdueTicket ticket) {
        return ticket.teamUnitCode() == null
                || "NEW".equals(ticket.status())
                || "SCOPE_REJECTED".equals(ticket.status());
    }

    List<Recipient> level1(OverdueTicket ticket) {
        if (waitsForAuditor(ticket)) {
            return auditors;
        }
        List<Recipient> leaders = teamUsers.stream()
                .filter(u -> u.teamLeader() && ticket.teamUnitCode().equals(u.unitCode()))
                .toList();
        if (!leaders.isEmpty()) {
            return leaders;
        }
        List<Recipient> station = ticket.stationCode() == null
                ? List.of()
                : teamUsers.stream()
                        .filter(u -> ticket.stationCode().equals(u.unitCode()))
                        .toList();
        return station.isEmpty() ? auditors : station;
    }

    /** @param ancestry the ticket's station and the units above it ({@code UnitTree.ancestry}) */
    List<Recipient> level2(List<String> ancestry) {
        return supervisors.stream()
                .filter(u -> u.unitCode() == null || ancestry.contains(u.unitCode()))
                .toList();
    }

    static RecipientChoice of(List<Recipient> users) {
        return new RecipientChoice(
                withRole(users, Role.TEAM), withRole(users, Role.SUPERVISOR), withRole(users, Role.AUDITOR));
    }

    private static List<Recipient> withRole(List<Recipient> users, Role role) {
        return users.stream().filter(u -> u.role() == role && u.email() != null).toList();
    }
}
