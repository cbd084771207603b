package org.jicha.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The whole transition table: every state x every action x every role. The expected outcome of each cell is
 * written out below (not derived from {@link TicketTransitions}): a state is the state the ticket moves to,
 * {@code 403} a refusal for the role or scope ({@link TicketActionForbiddenException}), {@code 409} a refusal in
 * that state ({@link IllegalTicketTransitionException}). The ticket belongs to team QC01RE of station QC01;
 * TEAM_IN is that team, TEAM_OUT the reading team of station QC02. An exempted ticket's exemption expired
 * yesterday.
 */
class TicketTransitionTableTests {

    private static final String TABLE = """
            # state                action              ADMIN              AUDITOR            SUPERVISOR         TEAM_IN            TEAM_OUT           SYSTEM
            NEW                    DISPATCH            403                DISPATCHED         403                403                403                403
            NEW                    SUBMIT_FEEDBACK     403                403                403                409                403                403
            NEW                    REJECT_SCOPE        403                403                403                409                403                403
            NEW                    VERIFY              403                409                403                403                403                403
            NEW                    RETURN              403                409                403                403                403                403
            NEW                    CLOSE               403                409                403                403                403                403
            NEW                    MARK_FALSE_POSITIVE 403                FALSE_POSITIVE     403                403                403                403
            NEW                    EXEMPT              403                403                EXEMPTED           403                403                403
            NEW                    AUTO_VERIFY         403                403                403                403                403                409
            NEW                    REOPEN              403                403                403                403                403                409
            NEW                    FLAG                403                403                403                403                403                409
            NEW                    CONFIRM             403                409                403                403                403                403
            NEW                    WITHDRAW            403                WITHDRAWN          403                403                403                403
            DISPATCHED             DISPATCH            403                409                403                403                403                403
            DISPATCHED             SUBMIT_FEEDBACK     403                403                403                FEEDBACK_SUBMITTED 403                403
            DISPATCHED             REJECT_SCOPE        403                403                403                SCOPE_REJECTED     403                403
            DISPATCHED             VERIFY              403                409                403                403                403                403
            DISPATCHED             RETURN              403                409                403                403                403                403
            DISPATCHED             CLOSE               403                409                403                403                403                403
            DISPATCHED             MARK_FALSE_POSITIVE 403                FALSE_POSITIVE     403                403                403                403
            DISPATCHED             EXEMPT              403                403                EXEMPTED           403                403                403
            DISPATCHED             AUTO_VERIFY         403                403                403                403                403                409
            DISPATCHED             REOPEN              403                403                403                403                403                409
            DISPATCHED             FLAG                403                403                403                403                403                DISPATCHED
            DISPATCHED             CONFIRM             403                409                403                403                403                403
            DISPATCHED             WITHDRAW            403                WITHDRAWN          403                403                403                403
            FEEDBACK_SUBMITTED     DISPATCH            403                409                403                403                403                403
            FEEDBACK_SUBMITTED     SUBMIT_FEEDBACK     403                403                403                409                403                403
            FEEDBACK_SUBMITTED     REJECT_SCOPE        403                403                403                409                403                403
            FEEDBACK_SUBMITTED     VERIFY              403                VERIFIED           403                403                403                403
            FEEDBACK_SUBMITTED     RETURN              403                RETURNED           403                403                403                403
            FEEDBACK_SUBMITTED     CLOSE               403                409                403                403                403                403
            FEEDBACK_SUBMITTED     MARK_FALSE_POSITIVE 403                FALSE_POSITIVE     403                403                403                403
            FEEDBACK_SUBMITTED     EXEMPT              403                403                EXEMPTED           403                403                403
            FEEDBACK_SUBMITTED     AUTO_VERIFY         403                403                403                403                403                VERIFIED
            FEEDBACK_SUBMITTED     REOPEN              403                403                403                403                403                409
            FEEDBACK_SUBMITTED     FLAG                403                403                403                403                403                409
            FEEDBACK_SUBMITTED     CONFIRM             403                409                403                403                403                403
            FEEDBACK_SUBMITTED     WITHDRAW            403                409                403                403                403                403
            VERIFIED               DISPATCH            403                409                403                403                403                403
            VERIFIED               SUBMIT_FEEDBACK     403                403                403                409                403                403
            VERIFIED               REJECT_SCOPE        403                403                403                409                403                403
            VERIFIED               VERIFY              403                409                403                403                403                403
            VERIFIED               RETURN              403                409                403                403                403                403
            VERIFIED               CLOSE               403                CLOSED             403                403                403                403
            VERIFIED               MARK_FALSE_POSITIVE 403                409                403                403                403                403
            VERIFIED               EXEMPT              403                403                409                403                403                403
            VERIFIED               AUTO_VERIFY         403                403                403                403                403                409
            VERIFIED               REOPEN              403                403                403                403                403                DISPATCHED
            VERIFIED               FLAG                403                403                403                403                403                409
            VERIFIED               CONFIRM             403                409                403                403                403                403
            VERIFIED               WITHDRAW            403                409                403                403                403                403
            CLOSED                 DISPATCH            403                409                403                403                403                403
            CLOSED                 SUBMIT_FEEDBACK     403                403                403                409                403                403
            CLOSED                 REJECT_SCOPE        403                403                403                409                403                403
            CLOSED                 VERIFY              403                409                403                403                403                403
            CLOSED                 RETURN              403                409                403                403                403                403
            CLOSED                 CLOSE               403                409                403                403                403                403
            CLOSED                 MARK_FALSE_POSITIVE 403                409                403                403                403                403
            CLOSED                 EXEMPT              403                403                409                403                403                403
            CLOSED                 AUTO_VERIFY         403                403                403                403                403                409
            CLOSED                 REOPEN              403                403                403                403                403                DISPATCHED
            CLOSED                 FLAG                403                403                403                403                403                409
            CLOSED                 CONFIRM             403                409                403                403                403                403
            CLOSED                 WITHDRAW            403                409                403                403                403                403
            RETURNED               DISPATCH            403                409                403                403                403                403
            RETURNED               SUBMIT_FEEDBACK     403                403                403                FEEDBACK_SUBMITTED 403                403
            RETURNED               REJECT_SCOPE        403                403                403                SCOPE_REJECTED     403                403
            RETURNED               VERIFY              403                409                403                403                403                403
            RETURNED               RETURN              403                409                403                403                403                403
            RETURNED               CLOSE               403                409                403                403                403                403
            RETURNED               MARK_FALSE_POSITIVE 403                FALSE_POSITIVE     403                403                403                403
            RETURNED               EXEMPT              403                403                EXEMPTED           403                403                403
            RETURNED               AUTO_VERIFY         403                403                403                403                403                409
            RETURNED               REOPEN              403                403                403                403                403                409
            RETURNED               FLAG                403                403                403                403                403                RETURNED
            RETURNED               CONFIRM             403                409                403                403                403                403
            RETURNED               WITHDRAW            403                409                403                403                403                403
            SCOPE_REJECTED         DISPATCH            403                DISPATCHED         403                403                403                403
            SCOPE_REJECTED         SUBMIT_FEEDBACK     403                403                403                409                403                403
            SCOPE_REJECTED         REJECT_SCOPE        403                403                403                409                403                403
            SCOPE_REJECTED         VERIFY              403                409                403                403                403                403
            SCOPE_REJECTED         RETURN              403                409                403                403                403                403
            SCOPE_REJECTED         CLOSE               403                409                403                403                403                403
            SCOPE_REJECTED         MARK_FALSE_POSITIVE 403                FALSE_POSITIVE     403                403                403                403
            SCOPE_REJECTED         EXEMPT              403                403                EXEMPTED           403                403                403
            SCOPE_REJECTED         AUTO_VERIFY         403                403                403                403                403                409
            SCOPE_REJECTED         REOPEN              403                403                403                403                403                409
            SCOPE_REJECTED         FLAG                403                403                403                403                403                409
            SCOPE_REJECTED         CONFIRM             403                409                403                403                403                403
            SCOPE_REJECTED         WITHDRAW            403                409                403                403                403                403
            FALSE_POSITIVE         DISPATCH            403                409                403                403                403                403
            FALSE_POSITIVE         SUBMIT_FEEDBACK     403                403                403                409                403                403
            FALSE_POSITIVE         REJECT_SCOPE        403                403                403                409                403                403
            FALSE_POSITIVE         VERIFY              403                409                403                403                403                403
            FALSE_POSITIVE         RETURN              403                409                403                403                403                403
            FALSE_POSITIVE         CLOSE               403                409                403                403                403                403
            FALSE_POSITIVE         MARK_FALSE_POSITIVE 403                409                403                403                403                403
            FALSE_POSITIVE         EXEMPT              403                403                409                403                403                403
            FALSE_POSITIVE         AUTO_VERIFY         403                403                403                403                403                409
            FALSE_POSITIVE         REOPEN              403                403                403                403                403                409
            FALSE_POSITIVE         FLAG                403                403                403                403                403                409
            FALSE_POSITIVE         CONFIRM             403                409                403                403                403                403
            FALSE_POSITIVE         WITHDRAW            403                409                403                403                403                403
            EXEMPTED               DISPATCH            403                409                403                403                403                403
            EXEMPTED               SUBMIT_FEEDBACK     403                403                403                409                403                403
            EXEMPTED               REJECT_SCOPE        403                403                403                409                403                403
            EXEMPTED               VERIFY              403                409                403                403                403                403
            EXEMPTED               RETURN              403                409                403                403                403                403
            EXEMPTED               CLOSE               403                409                403                403                403                403
            EXEMPTED               MARK_FALSE_POSITIVE 403                409                403                403                403                403
            EXEMPTED               EXEMPT              403                403                409                403                403                403
            EXEMPTED               AUTO_VERIFY         403                403                403                403                403                409
            EXEMPTED               REOPEN              403                403                403                403                403                DISPATCHED
            EXEMPTED               FLAG                403                403                403                403                403                409
            EXEMPTED               CONFIRM             403                409                403                403                403                403
            EXEMPTED               WITHDRAW            403                409                403                403                403                403
            AWAITING_CONFIRMATION  DISPATCH            403                409                403                403                403                403
            AWAITING_CONFIRMATION  SUBMIT_FEEDBACK     403                403                403                409                403                403
            AWAITING_CONFIRMATION  REJECT_SCOPE        403                403                403                409                403                403
            AWAITING_CONFIRMATION  VERIFY              403                409                403                403                403                403
            AWAITING_CONFIRMATION  RETURN              403                409                403                403                403                403
            AWAITING_CONFIRMATION  CLOSE               403                409                403                403                403                403
            AWAITING_CONFIRMATION  MARK_FALSE_POSITIVE 403                409                403                403                403                403
            AWAITING_CONFIRMATION  EXEMPT              403                403                409                403                403                403
            AWAITING_CONFIRMATION  AUTO_VERIFY         403                403                403                403                403                409
            AWAITING_CONFIRMATION  REOPEN              403                403                403                403                403                409
            AWAITING_CONFIRMATION  FLAG                403                403                403                403                403                409
            AWAITING_CONFIRMATION  CONFIRM             403                DISPATCHED         403                403                403                403
            AWAITING_CONFIRMATION  WITHDRAW            403                WITHDRAWN          403                403                403                403
            WITHDRAWN              DISPATCH            403                409                403                403                403                403
            WITHDRAWN              SUBMIT_FEEDBACK     403                403                403                409                403                403
            WITHDRAWN              REJECT_SCOPE        403                403                403                409                403                403
            WITHDRAWN              VERIFY              403                409                403                403                403                403
            WITHDRAWN              RETURN              403                409                403                403                403                403
            WITHDRAWN              CLOSE               403                409                403                403                403                403
            WITHDRAWN              MARK_FALSE_POSITIVE 403                409                403                403                403                403
            WITHDRAWN              EXEMPT              403                403                409                403                403                403
            WITHDRAWN              AUTO_VERIFY         403                403                403                403                403                409
            WITHDRAWN              REOPEN              403                403                403                403                403                DISPATCHED
            WITHDRAWN              FLAG                403                403                403                403                403                409
            WITHDRAWN              CONFIRM             403                409                403                403                403                403
            WITHDRAWN              WITHDRAW            403                409                403                403                403                403
            """;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDateTime NOW = TODAY.atTime(10, 30);

    private static final Map<String, Actor> ACTORS = Map.of(
            "ADMIN", new Actor("admin", Role.ADMIN, null, null),
            "AUDITOR", new Actor("auditor", Role.AUDITOR, null, null),
            "SUPERVISOR", new Actor("supervisor", Role.SUPERVISOR, null, null),
            "TEAM_IN", new Actor("qc01re", Role.TEAM, "QC01RE", Set.of("QC01RE")),
            "TEAM_OUT", new Actor("qc02re", Role.TEAM, "QC02RE", Set.of("QC02RE")),
            "SYSTEM", Actor.SYSTEM);

    private static final List<String> COLUMNS =
            List.of("ADMIN", "AUDITOR", "SUPERVISOR", "TEAM_IN", "TEAM_OUT", "SYSTEM");

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (String line : TABLE.strip().split("\\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.strip().split("\\s+");
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(
                        Arguments.of(TicketStatus.valueOf(f[0]), TicketAction.valueOf(f[1]), COLUMNS.get(i), f[2 + i]));
            }
        }
        return cells.stream();
    }

    @Test
    void theTableCoversEveryStateActionAndRole() {
        assertThat(cells()).hasSize(TicketStatus.values().length * TicketAction.values().length * COLUMNS.size());
        assertThat(cells().map(a -> a.get()[0] + " " + a.get()[1] + " " + a.get()[2])
                        .distinct())
                .hasSize(TicketStatus.values().length * TicketAction.values().length * COLUMNS.size());
    }

    @ParameterizedTest(name = "{0} {1} by {2} -> {3}")
    @MethodSource("cells")
    void eachActionIsAllowedOrRefusedAsTheTableSays(
            TicketStatus state, TicketAction action, String role, String expected) {
        InspectionTicket ticket = ticketIn(state);
        Actor actor = ACTORS.get(role);
        long occurrences = ticket.getOccurrences();

        switch (expected) {
            case "403" -> {
                assertThatThrownBy(() -> perform(ticket, action, actor))
                        .isInstanceOf(TicketActionForbiddenException.class);
                assertUnchanged(ticket, state);
            }
            case "409" -> {
                assertThatThrownBy(() -> perform(ticket, action, actor))
                        .isInstanceOf(IllegalTicketTransitionException.class)
                        .hasMessageContaining(state.name())
                        .hasMessageContaining(action.name());
                assertUnchanged(ticket, state);
            }
            default -> {
                perform(ticket, action, actor);
                assertThat(ticket.getStatus()).isEqualTo(TicketStatus.valueOf(expected));
                assertThat(ticket.history()).singleElement().satisfies(t -> {
                    assertThat(t.getAction()).isEqualTo(action);
                    assertThat(t.getFromStatus()).isEqualTo(state);
                    assertThat(t.getToStatus()).isEqualTo(TicketStatus.valueOf(expected));
                    assertThat(t.getActor()).isEqualTo(actor.username());
                    assertThat(t.getAt()).isEqualTo(NOW);
                });
                assertThat(ticket.isNeedsAttention()).isEqualTo(action == TicketAction.FLAG);
                assertThat(ticket.getOccurrences())
                        .isEqualTo(action == TicketAction.REOPEN ? occurrences + 1 : occurrences);
            }
        }
    }

    @Test
    void anExemptionStillValidDoesNotReopen() {
        InspectionTicket ticket = ticketIn(TicketStatus.EXEMPTED);
        ReflectionTestUtils.setField(ticket, "exemptUntil", TODAY);

        assertThatThrownBy(() -> ticket.reopen(Actor.SYSTEM, TODAY, TODAY.plusDays(10), NOW))
                .isInstanceOf(IllegalTicketTransitionException.class)
                .hasMessageContaining(TODAY.toString());
    }

    @Test
    void aReopenedTicketWithoutTeamGoesBackToTheAuditors() {
        InspectionTicket ticket = ticketIn(TicketStatus.CLOSED);
        ReflectionTestUtils.setField(ticket, "teamUnitCode", null);

        ticket.reopen(Actor.SYSTEM, TODAY, TODAY.plusDays(10), NOW);

        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.getDueOn()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void requiredFieldsAreNamed() {
        Actor auditor = ACTORS.get("AUDITOR");
        Actor team = ACTORS.get("TEAM_IN");
        Actor supervisor = ACTORS.get("SUPERVISOR");
        assertThatThrownBy(() -> ticketIn(TicketStatus.NEW).dispatch(auditor, " ", null, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("teamUnitCode");
        assertThatThrownBy(() -> ticketIn(TicketStatus.DISPATCHED).submitFeedback(team, null, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("comment");
        assertThatThrownBy(() -> ticketIn(TicketStatus.DISPATCHED).rejectScope(team, "", NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> ticketIn(TicketStatus.FEEDBACK_SUBMITTED).returnFeedback(auditor, null, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> ticketIn(TicketStatus.NEW).markFalsePositive(auditor, null, "x", NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("reasonCode");
        assertThatThrownBy(() -> ticketIn(TicketStatus.NEW).exempt(supervisor, TODAY, "policy", TODAY, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("exemptUntil");
        assertThatThrownBy(() -> ticketIn(TicketStatus.NEW).exempt(supervisor, null, "policy", TODAY, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("exemptUntil");
        assertThatThrownBy(() -> ticketIn(TicketStatus.NEW).exempt(supervisor, TODAY.plusDays(1), null, TODAY, NOW))
                .isInstanceOf(MissingTicketFieldException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void theActionsOfferedAreThoseTheActorMayDoNow() {
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.FEEDBACK_SUBMITTED), ACTORS.get("AUDITOR")))
                .containsExactly(TicketAction.VERIFY, TicketAction.RETURN, TicketAction.MARK_FALSE_POSITIVE);
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.DISPATCHED), ACTORS.get("TEAM_IN")))
                .containsExactly(TicketAction.SUBMIT_FEEDBACK, TicketAction.REJECT_SCOPE);
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.DISPATCHED), ACTORS.get("TEAM_OUT")))
                .isEmpty();
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.RETURNED), ACTORS.get("SUPERVISOR")))
                .containsExactly(TicketAction.EXEMPT);
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.NEW), ACTORS.get("ADMIN")))
                .isEmpty();
        assertThat(TicketTransitions.allowed(ticketIn(TicketStatus.CLOSED), ACTORS.get("AUDITOR")))
                .isEmpty();
    }

    private static void perform(InspectionTicket t, TicketAction action, Actor by) {
        switch (action) {
            case DISPATCH -> t.dispatch(by, "QC01RE", "派往抄表班", NOW);
            case SUBMIT_FEEDBACK -> t.submitFeedback(by, "已现场补抄 / read on site", NOW);
            case REJECT_SCOPE -> t.rejectScope(by, "属计量班职责 / the metering team's", NOW);
            case VERIFY -> t.verify(by, null, NOW);
            case RETURN -> t.returnFeedback(by, "证据不足 / not enough evidence", NOW);
            case CLOSE -> t.close(by, null, NOW);
            case MARK_FALSE_POSITIVE -> t.markFalsePositive(by, FalsePositiveReason.SOURCE_DATA, "抄表数据延迟", NOW);
            case EXEMPT -> t.exempt(by, TODAY.plusDays(30), "政策允许 / allowed by policy", TODAY, NOW);
            case AUTO_VERIFY -> t.autoVerify(by, NOW);
            case REOPEN -> t.reopen(by, TODAY, TODAY.plusDays(7), NOW);
            case FLAG -> t.flag(by, InspectionTicket.FLAG_NOTE, NOW);
            case CONFIRM -> t.confirm(by, null, NOW);
            case WITHDRAW -> t.withdraw(by, "稽查运行被撤回 / the run was withdrawn", NOW);
        }
    }

    private static void assertUnchanged(InspectionTicket ticket, TicketStatus state) {
        assertThat(ticket.getStatus()).isEqualTo(state);
        assertThat(ticket.history()).isEmpty();
    }

    /** A ticket of team QC01RE at station QC01 in the given state. */
    static InspectionTicket ticketIn(TicketStatus state) {
        InspectionTicket ticket = BeanUtils.instantiateClass(InspectionTicket.class);
        ReflectionTestUtils.setField(ticket, "status", state);
        ReflectionTestUtils.setField(ticket, "teamUnitCode", "QC01RE");
        ReflectionTestUtils.setField(ticket, "stationCode", "QC01");
        ReflectionTestUtils.setField(ticket, "ruleCode", "BIL-01");
        ReflectionTestUtils.setField(ticket, "occurrences", 1);
        ReflectionTestUtils.setField(ticket, "dueOn", TODAY.plusDays(5));
        if (state == TicketStatus.EXEMPTED) {
            ReflectionTestUtils.setField(ticket, "exemptUntil", TODAY.minusDays(1));
        }
        return ticket;
    }
}
