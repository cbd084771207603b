package org.jicha.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jicha.people.Role;
import org.junit.jupiter.api.Test;

/** Who hears of an overdue ticket. */
class RecipientChoiceTests {

    private static final Recipient LEADER = user("leader", Role.TEAM, "ST1-R", true);
    private static final Recipient MEMBER = user("member", Role.TEAM, "ST1-R", false);
    private static final Recipient STATION = user("station", Role.TEAM, "ST1", false);
    private static final Recipient OTHER_LEADER = user("other", Role.TEAM, "ST2-R", true);
    private static final Recipient AUDITOR = user("auditor", Role.AUDITOR, null, false);
    private static final Recipient COMPANY_SUPERVISOR = user("boss", Role.SUPERVISOR, null, false);
    private static final Recipient COUNTY_SUPERVISOR = user("county", Role.SUPERVISOR, "CO", false);
    private static final Recipient OTHER_COUNTY_SUPERVISOR = user("county2", Role.SUPERVISOR, "CO2", false);

    @Test
    void levelOneGoesToTheLeadersOfTheTicketsTeamOnly() {
        RecipientChoice choice = RecipientChoice.of(List.of(LEADER, MEMBER, STATION, OTHER_LEADER, AUDITOR));

        assertThat(choice.level1(ticket("DISPATCHED", "ST1", "ST1-R"))).containsExactly(LEADER);
    }

    @Test
    void aTeamWithoutALeaderFallsBackToTheTeamUsersOfTheStation() {
        RecipientChoice choice = RecipientChoice.of(List.of(MEMBER, STATION, OTHER_LEADER, AUDITOR));

        assertThat(choice.level1(ticket("RETURNED", "ST1", "ST1-R"))).containsExactly(STATION);
    }

    @Test
    void whenNoTeamUserCanBeToldTheAuditorsAre() {
        RecipientChoice choice = RecipientChoice.of(List.of(OTHER_LEADER, AUDITOR));

        assertThat(choice.level1(ticket("DISPATCHED", "ST1", "ST1-R"))).containsExactly(AUDITOR);
    }

    @Test
    void ticketsWaitingForDispatchGoToTheAuditors() {
        RecipientChoice choice = RecipientChoice.of(List.of(LEADER, STATION, AUDITOR));

        assertThat(choice.level1(ticket("NEW", "ST1", null))).containsExactly(AUDITOR);
        assertThat(choice.level1(ticket("SCOPE_REJECTED", "ST1", "ST1-R"))).containsExactly(AUDITOR);
    }

    @Test
    void levelTwoGoesToCompanySupervisorsAndThoseAboveTheStation() {
        RecipientChoice choice = RecipientChoice.of(
                List.of(LEADER, COMPANY_SUPERVISOR, COUNTY_SUPERVISOR, OTHER_COUNTY_SUPERVISOR, AUDITOR));

        assertThat(choice.level2(List.of("ST1", "CO", "PROV"))).containsExactly(COMPANY_SUPERVISOR, COUNTY_SUPERVISOR);
        assertThat(choice.level2(List.of())).containsExactly(COMPANY_SUPERVISOR);
    }

    @Test
    void usersWithoutAnEmailAddressAreNeverChosen() {
        Recipient mute = new Recipient("mute", "mute", null, Role.TEAM, "ST1-R", true);
        RecipientChoice choice = RecipientChoice.of(List.of(mute, STATION));

        assertThat(choice.level1(ticket("DISPATCHED", "ST1", "ST1-R"))).containsExactly(STATION);
    }

    private static Recipient user(String name, Role role, String unit, boolean leader) {
        return new Recipient(name, name, name + "@example.com", role, unit, leader);
    }

    private static OverdueTicket ticket(String status, String station, String team) {
        return new OverdueTicket(
                1, "BIL-01", "t", "t", "METER", "M1", "C1", station, team, status, LocalDate.of(2026, 11, 2), 0);
    }
}
