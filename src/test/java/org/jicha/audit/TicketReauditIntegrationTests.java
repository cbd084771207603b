package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.tickets.FalsePositiveReason;
import org.jicha.tickets.InspectionTicket;
import org.jicha.tickets.TicketAction;
import org.jicha.tickets.TicketCommand;
import org.jicha.tickets.TicketFilter;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A re-audit closes the loop: what later runs do to tickets people have worked on. The world of
 * {@link StoredWorld}: a BIL-01 ticket (meter M001 not read for 2026-10, reading team) and a MET-06 ticket
 * (meter M002 rotation overdue, metering team). Same context as the API walk of the tickets package.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:workflow;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.tickets.evidence.dir=target/test-evidence",
            "jicha.tickets.evidence.max-file-size=1MB"
        })
@AutoConfigureMockMvc
class TicketReauditIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);
    private static final Actor SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null, null);
    private static final Actor METERING =
            new Actor("meter", Role.TEAM, StoredWorld.METERING_TEAM, Set.of(StoredWorld.METERING_TEAM));

    @Autowired
    AuditService audits;

    @Autowired
    Clock clock;

    @Autowired
    TicketWorkflow workflow;

    @Autowired
    TicketService tickets;

    @Autowired
    ActiveRuleSet rules;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        StoredWorld.reset(jdbc)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700);
        jdbc.update("DELETE FROM audit_trail");
    }

    @AfterEach
    void neverADuplicate() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void feedbackConfirmedByTheNextRunIsVerifiedAutomatically() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        long met06 = id("MET-06");
        act(met06, TicketAction.SUBMIT_FEEDBACK, "已轮换电能表 / meter replaced", METERING);
        rotateMeter();

        RunView later = audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(row(met06)).containsEntry("STATUS", "VERIFIED");
        assertThat(transitions(met06)).last().satisfies(t -> {
            assertThat(t)
                    .containsEntry("ACTION", "AUTO_VERIFY")
                    .containsEntry("ACTOR", "system")
                    .containsEntry("FROM_STATUS", "FEEDBACK_SUBMITTED")
                    .containsEntry("TO_STATUS", "VERIFIED")
                    .containsEntry("COMMENT", "复查确认已整改 / re-audit confirms the fix");
            assertThat(((Number) t.get("RUN_ID")).longValue()).isEqualTo(later.id());
        });
        assertThat(jdbc.queryForList(
                        "SELECT target FROM audit_trail WHERE action = 'TICKET_AUTO_VERIFY'", String.class))
                .containsExactly("run:" + later.id());
        assertThat(row(id("BIL-01"))).containsEntry("STATUS", "DISPATCHED").containsEntry("NEEDS_ATTENTION", false);
    }

    @Test
    void aTicketOpenedDispatchedStartsItsHistoryWithTheSystemsDispatchForItsRun() {
        RunView run = audits.run(AS_OF, RunTrigger.MANUAL);
        long bil01 = id("BIL-01");

        assertThat(transitions(bil01)).singleElement().satisfies(t -> {
            assertThat(t)
                    .containsEntry("ACTION", "DISPATCH")
                    .containsEntry("ACTOR", "system")
                    .containsEntry("FROM_STATUS", "NEW")
                    .containsEntry("TO_STATUS", "DISPATCHED")
                    .containsEntry("TEAM_UNIT_CODE", row(bil01).get("TEAM_UNIT_CODE"))
                    .containsEntry("AT", row(bil01).get("OPENED_AT"));
            assertThat(((Number) t.get("RUN_ID")).longValue()).isEqualTo(run.id());
        });
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets t WHERE NOT EXISTS "
                                + "(SELECT 1 FROM ticket_transitions x WHERE x.ticket_id = t.id)",
                        Long.class))
                .as("every ticket the run opened went to its team with its dispatch in the history")
                .isZero();

        audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);
        assertThat(transitions(bil01))
                .as("a later run finding it again dispatches nothing")
                .hasSize(1);
    }

    @Test
    void aFindingGoneWithoutFeedbackIsFlaggedForTheAuditorAndClearedWhenSeenAgain() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        long bil01 = id("BIL-01");
        new StoredWorld(jdbc).reading("M001", "2026-10", 1100, 1190);

        audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(row(bil01))
                .containsEntry("STATUS", "DISPATCHED")
                .containsEntry("NEEDS_ATTENTION", true)
                .containsEntry("ATTENTION_NOTE", InspectionTicket.FLAG_NOTE);
        assertThat(transitions(bil01))
                .hasSize(2)
                .last()
                .satisfies(t -> assertThat(t)
                        .containsEntry("ACTION", "FLAG")
                        .containsEntry("FROM_STATUS", "DISPATCHED")
                        .containsEntry("TO_STATUS", "DISPATCHED"));
        assertThat(tickets.search(new TicketFilter(null, null, null, null, true, null), AUDITOR, Pageable.unpaged())
                        .getContent())
                .extracting(InspectionTicket::getId)
                .containsExactly(bil01);

        audits.run(AS_OF.plusDays(2), RunTrigger.NIGHTLY);
        assertThat(transitions(bil01))
                .as("flagged once, not every night")
                .extracting(t -> t.get("ACTION"))
                .containsExactly("DISPATCH", "FLAG");

        jdbc.update("DELETE FROM readings WHERE meter_id = 'M001' AND period = '2026-10'");
        audits.run(AS_OF.plusDays(3), RunTrigger.NIGHTLY);

        assertThat(row(bil01)).containsEntry("STATUS", "DISPATCHED").containsEntry("NEEDS_ATTENTION", false);
        assertThat(row(bil01).get("ATTENTION_NOTE")).isNull();
    }

    @Test
    void aClosedTicketWhoseFindingComesBackReopensCountedTwiceAndDueAnew() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        long met06 = id("MET-06");
        act(met06, TicketAction.SUBMIT_FEEDBACK, "已轮换", METERING);
        act(met06, TicketAction.VERIFY, null, AUDITOR);
        act(met06, TicketAction.CLOSE, null, AUDITOR);
        rotateMeter();
        audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);
        assertThat(row(met06)).containsEntry("STATUS", "CLOSED");

        jdbc.update("UPDATE meters SET rotation_due_on = DATE '2026-06-30' WHERE meter_id = 'M002'");
        RunView back = audits.run(AS_OF.plusDays(2), RunTrigger.NIGHTLY);

        Map<String, Object> ticket = row(met06);
        assertThat(ticket)
                .containsEntry("STATUS", "DISPATCHED")
                .containsEntry("OCCURRENCES", 2)
                .containsEntry("TEAM_UNIT_CODE", StoredWorld.METERING_TEAM);
        int rectifyDays = rules.current().rule("MET-06").orElseThrow().rectifyDays();
        assertThat(ticket.get("DUE_ON").toString())
                .isEqualTo(rules.current()
                        .calendar()
                        .plusWorkingDays(ChinaTime.today(clock), rectifyDays)
                        .toString());
        assertThat(((Number) ticket.get("LAST_SEEN_RUN_ID")).longValue()).isEqualTo(back.id());
        assertThat(transitions(met06))
                .extracting(t -> t.get("ACTION") + " " + t.get("FROM_STATUS") + "->" + t.get("TO_STATUS"))
                .containsExactly(
                        "DISPATCH NEW->DISPATCHED",
                        "SUBMIT_FEEDBACK DISPATCHED->FEEDBACK_SUBMITTED",
                        "VERIFY FEEDBACK_SUBMITTED->VERIFIED",
                        "CLOSE VERIFIED->CLOSED",
                        "REOPEN CLOSED->DISPATCHED");

        audits.run(AS_OF.plusDays(3), RunTrigger.NIGHTLY);
        assertThat(row(met06)).as("a reopened ticket is not reopened again").containsEntry("OCCURRENCES", 2);
    }

    @Test
    void anExemptionPastItsExpiryReopensWhileAValidOneStays() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        long bil01 = id("BIL-01");
        long met06 = id("MET-06");
        LocalDate until = ChinaTime.today(clock).plusDays(30);
        exempt(bil01, until);
        exempt(met06, until);
        jdbc.update(
                "UPDATE inspection_tickets SET exempt_until = ? WHERE id = ?",
                ChinaTime.today(clock).minusDays(1),
                bil01);

        audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(row(bil01)).containsEntry("STATUS", "DISPATCHED").containsEntry("OCCURRENCES", 2);
        assertThat(row(bil01).get("EXEMPT_UNTIL")).isNull();
        assertThat(transitions(bil01))
                .last()
                .satisfies(
                        t -> assertThat(t).containsEntry("ACTION", "REOPEN").containsEntry("FROM_STATUS", "EXEMPTED"));
        assertThat(row(met06)).containsEntry("STATUS", "EXEMPTED").containsEntry("OCCURRENCES", 1);
    }

    @Test
    void aFalsePositiveStaysOnlyItsLastSeenRunMoves() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        long met06 = id("MET-06");
        workflow.act(
                met06,
                TicketAction.MARK_FALSE_POSITIVE,
                new TicketCommand(version(met06), "表计已更换未同步", null, FalsePositiveReason.SOURCE_DATA, null, null),
                AUDITOR);

        RunView later = audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(row(met06))
                .containsEntry("STATUS", "FALSE_POSITIVE")
                .containsEntry("OCCURRENCES", 1)
                .containsEntry("FALSE_POSITIVE_REASON", "SOURCE_DATA");
        assertThat(((Number) row(met06).get("LAST_SEEN_RUN_ID")).longValue()).isEqualTo(later.id());
        assertThat(transitions(met06))
                .extracting(t -> t.get("ACTION"))
                .containsExactly("DISPATCH", "MARK_FALSE_POSITIVE");
    }

    private void act(long id, TicketAction action, String comment, Actor actor) {
        workflow.act(id, action, new TicketCommand(version(id), comment, null, null, null, null), actor);
    }

    private void exempt(long id, LocalDate until) {
        workflow.act(
                id,
                TicketAction.EXEMPT,
                new TicketCommand(version(id), null, "线路改造期间 / line works", null, null, until),
                SUPERVISOR);
    }

    private void rotateMeter() {
        jdbc.update("UPDATE meters SET rotation_due_on = DATE '2031-06-30' WHERE meter_id = 'M002'");
    }

    private long id(String rule) {
        return jdbc.queryForObject("SELECT id FROM inspection_tickets WHERE rule_code = ?", Long.class, rule);
    }

    private long version(long id) {
        return jdbc.queryForObject("SELECT version FROM inspection_tickets WHERE id = ?", Long.class, id);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM inspection_tickets WHERE id = ?", id);
    }

    private List<Map<String, Object>> transitions(long id) {
        return jdbc.queryForList("SELECT * FROM ticket_transitions WHERE ticket_id = ? ORDER BY id", id);
    }
}
