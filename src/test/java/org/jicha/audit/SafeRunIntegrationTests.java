package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.Deadline;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.plans.PlanDefinition;
import org.jicha.plans.PlanKind;
import org.jicha.plans.PlanService;
import org.jicha.schedule.NightlyAudit;
import org.jicha.schedule.QuartzFiring;
import org.jicha.tickets.TicketAction;
import org.jicha.tickets.TicketCommand;
import org.jicha.tickets.TicketFigures;
import org.jicha.tickets.TicketFilter;
import org.jicha.tickets.TicketService;
import org.jicha.tickets.TicketStatus;
import org.jicha.tickets.TicketWorkflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Issue 11, "run now = flood": a run waits until its period's data has arrived (a schedule's run is held and the
 * auditors mailed, a person's run-now refused with the figures unless forced with a reason), the run-now form
 * proposes the latest complete period, the brake holds a flood of one rule's new tickets until an auditor confirms
 * them, a run can be withdrawn, and tickets can be marked false positive in bulk. Every step in the trail. The
 * product's clock stands at 2026-12-07, so "today" audits 2026-11, a month the worlds here hold no data of.
 */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"})
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class SafeRunIntegrationTests {

    /** A TEAM user of ST01's reading team. */
    private static final Actor READING_TEAM =
            new Actor("st01r", Role.TEAM, StoredWorld.READING_TEAM, Set.of(StoredWorld.READING_TEAM));

    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditService audits;

    @Autowired
    NightlyAudit nightly;

    @Autowired
    TicketService tickets;

    @Autowired
    TicketWorkflow workflow;

    @Autowired
    TicketFigures figures;

    @Autowired
    PlanService plans;

    private StoredWorld world;

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void cleanSlate() throws Exception {
        world = StoredWorld.reset(jdbc);
        jdbc.update("DELETE FROM mail_outbox");
        jdbc.update("DELETE FROM audit_trail");
        jdbc.update("DELETE FROM audit_plans");
        scheduler.unscheduleJobs(List.copyOf(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("plans"))));
        if (jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE username = 'auditor'", Long.class) == 0) {
            jdbc.update("INSERT INTO app_users (username, password_hash, display_name, role, email, created_at) "
                    + "VALUES ('auditor', '{noop}-', '陈华', 'AUDITOR', 'auditor@test.jicha.local', CURRENT_TIMESTAMP)");
        }
    }

    /** {@code count} customers of ST01, each with a meter, read and billed for every period given. */
    private void customers(int count, String... periods) {
        for (int i = 1; i <= count; i++) {
            String no = String.format("C%03d", i);
            world.customer(no).meter("M" + no, no, LocalDate.of(2030, 1, 1));
            double value = 1000;
            for (String period : periods) {
                world.reading("M" + no, period, value, value + 100).bill(no, period, 100);
                value += 100;
            }
        }
    }

    @Test
    void aNightlyRunOfAMonthWithoutDataIsHeldOpensNoTicketAndMailsTheAuditors() throws Exception {
        customers(5, "2026-09", "2026-10");
        world.customer("C006")
                .meter("MC006", "C006", LocalDate.of(2026, 6, 30))
                .reading("MC006", "2026-10", 1000, 1100)
                .bill("C006", "2026-10", 100);
        RunView october = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        assertThat(ticketsOf("MET-06"))
                .as("the meter past its rotation date has a ticket")
                .hasSize(1);

        RunView held = nightly.run();

        assertThat(held.status()).isEqualTo(RunStatus.HELD);
        assertThat(held.auditedPeriod()).isEqualTo("2026-11");
        assertThat(held.trigger()).isEqualTo(RunTrigger.NIGHTLY);
        assertThat(held.findingsCount()).isZero();
        assertThat(held.dataGaps()).singleElement().satisfies(g -> {
            assertThat(g.stationName()).isEqualTo("城关供电所");
            assertThat(g.meters()).isEqualTo(6);
            assertThat(g.readings()).isZero();
            assertThat(g.customers()).isEqualTo(6);
            assertThat(g.bills()).isZero();
        });
        assertThat(held.message()).contains("城关供电所（ST01）：抄表 0/6（0.0%），电费 0/6（0.0%）");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings WHERE run_id = ?", Long.class, held.id()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets WHERE first_run_id = ?", Long.class, held.id()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets WHERE not_detected_since_run_id IS NOT NULL",
                        Long.class))
                .as("a held run marks nothing not detected")
                .isZero();
        assertThat(audits.get(held.id()).dataGaps()).hasSize(1);
        assertThat(audits.list(Pageable.ofSize(5)).getContent().get(0).dataGaps())
                .hasSize(1);
        assertThat(audits.unresolvedHeld())
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(held.id()));

        List<Map<String, Object>> mails = jdbc.queryForList("SELECT * FROM mail_outbox WHERE kind = 'RUN_HELD'");
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("RECIPIENT")).isEqualTo("auditor@test.jicha.local");
            assertThat((String) m.get("SUBJECT")).contains("运行 " + held.id()).contains("2026-11");
            assertThat((String) m.get("BODY")).contains("城关供电所（ST01）：抄表 0/6（0.0%）");
            assertThat(m.get("DEDUP_KEY")).isEqualTo("RUN_HELD:" + held.id() + ":auditor");
        });
        assertThat(trail("RUN_HELD")).singleElement().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("system");
            assertThat(t.get("TARGET")).isEqualTo("run:" + held.id());
            assertThat((String) t.get("DETAIL")).contains("NIGHTLY").contains("城关供电所");
        });
        assertThat(october.status()).isEqualTo(RunStatus.COMPLETED);

        mvc.perform(get("/runs"))
                .andExpect(content().string(containsString("城关供电所：抄表 0/6，电费 0/6")))
                .andExpect(content().string(containsString("待数据")));
        mvc.perform(get("/runs/{id}", held.id())).andExpect(content().string(containsString("id=\"release-run\"")));
        mvc.perform(get("/"))
                .andExpect(content()
                        .string(containsString(
                                "稽查运行 " + held.id() + "（截至 " + held.asOf() + "，稽查 2026-11 期间）因数据未到齐暂停")));
    }

    @Test
    void aRunNowOnAMonthWithoutDataIsRefusedWithTheFiguresThroughTheApiThePageAndAPlan() throws Exception {
        customers(5, "2026-10");
        long runsBefore = runs();

        mvc.perform(post("/api/runs").with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.auditedPeriod").value("2026-11"))
                .andExpect(jsonPath("$.detail").value(containsString("城关供电所（ST01）：抄表 0/5")))
                .andExpect(jsonPath("$.stations", hasSize(1)))
                .andExpect(jsonPath("$.stations[0].stationName").value("城关供电所"))
                .andExpect(jsonPath("$.stations[0].meters").value(5))
                .andExpect(jsonPath("$.stations[0].readings").value(0))
                .andExpect(jsonPath("$.stations[0].readingShare").value(0.0))
                .andExpect(jsonPath("$.stations[0].bills").value(0));
        mvc.perform(post("/runs").with(csrf()).param("asOf", "2026-12-07"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("城关供电所 (ST01)")))
                .andExpect(content().string(containsString("2026-11 期间的数据未到齐")));
        String plan = mvc.perform(post("/api/plans")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "城关所电费稽查", "kind": "ROUTINE", "cron": "0 0 3 1 * ?", "themes": ["BIL"],
                         "unitCodes": ["ST01"]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/plans/{id}/run", ((Number) JsonPath.read(plan, "$.id")).longValue())
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.stations[0].stationCode").value("ST01"));

        assertThat(runs()).as("nothing was run or recorded").isEqualTo(runsBefore);
    }

    @Test
    void aForcedRunNeedsAnAuditorAndAReasonAndRecordsBothWithTheFigures() throws Exception {
        customers(4, "2026-10");
        world.customer("C900").meter("MC900", "C900", LocalDate.of(2030, 1, 1));

        mvc.perform(post("/api/runs").with(csrf()).param("force", "true").param("reason", "  "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/runs")
                        .with(csrf())
                        .with(user("admin").roles("ADMIN"))
                        .param("force", "true")
                        .param("reason", "月末急需"))
                .andExpect(status().isForbidden());
        String body = mvc.perform(post("/api/runs")
                        .with(csrf())
                        .param("asOf", "2026-12-07")
                        .param("force", "true")
                        .param("reason", "抄表系统故障，先按已到数据稽查"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        awaitFinished(id);

        RunView run = audits.get(id);
        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.auditedPeriod()).isEqualTo("2026-11");
        assertThat(run.startedBy()).isEqualTo("auditor");
        assertThat(run.forceReason()).isEqualTo("抄表系统故障，先按已到数据稽查");
        assertThat(run.dataGaps())
                .singleElement()
                .satisfies(g -> assertThat(g.meters()).isEqualTo(5));
        assertThat(trail("RUN_STARTED")).singleElement().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("auditor");
            assertThat((String) t.get("DETAIL"))
                    .contains("as of 2026-12-07")
                    .contains("2026-11")
                    .contains("scope all");
        });
        assertThat(trail("RUN_FORCED")).singleElement().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("auditor");
            assertThat(t.get("TARGET")).isEqualTo("run:" + id);
            assertThat((String) t.get("DETAIL")).startsWith("抄表系统故障，先按已到数据稽查; ").contains("城关供电所（ST01）：抄表 0/5");
        });
        mvc.perform(get("/runs/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("抄表系统故障，先按已到数据稽查")));
    }

    @Test
    void theRunNowFormProposesTheLatestCompletePeriodAndOneClickAuditsIt() throws Exception {
        customers(5, "2026-09", "2026-10");

        mvc.perform(get("/api/runs/proposal"))
                .andExpect(jsonPath("$.asOf").value("2026-11-05"))
                .andExpect(jsonPath("$.period").value("2026-10"))
                .andExpect(jsonPath("$.today.period").value("2026-11"))
                .andExpect(jsonPath("$.today.gaps[0].stationName").value("城关供电所"));
        mvc.perform(get("/runs/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-11-05\"")));

        String location = mvc.perform(post("/runs").with(csrf()).param("asOf", "2026-11-05"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        awaitFinished(id);
        assertThat(audits.get(id).auditedPeriod()).isEqualTo("2026-10");
        assertThat(audits.get(id).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(audits.get(id).dataGaps()).isEmpty();
    }

    /** Sixty meters read and billed for 2026-08 and 2026-09, none for 2026-10: the October run floods BIL-01. */
    private RunView floodAfterTwoQuietPeriods() {
        customers(60, "2026-08", "2026-09");
        audits.run(LocalDate.of(2026, 9, 5), RunTrigger.MANUAL);
        audits.run(LocalDate.of(2026, 10, 5), RunTrigger.MANUAL);
        assertThat(ticketsOf("BIL-01"))
                .as("the quiet periods opened no BIL-01 ticket")
                .isEmpty();
        return audits.get(
                audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL).id());
    }

    @Test
    void aRunOpeningFarMoreTicketsOfARuleThanItsEarlierPeriodsHoldsThemUntilAnAuditorConfirms() throws Exception {
        RunView flood = floodAfterTwoQuietPeriods();

        assertThat(flood.heldRules())
                .filteredOn(h -> h.ruleCode().equals("BIL-01"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.newTickets()).isEqualTo(60);
                    assertThat(h.periodTickets()).isEqualTo(60);
                    assertThat(h.historyMedian()).isEqualTo(0.0);
                    assertThat(h.historyPeriods()).isEqualTo(2);
                    assertThat(h.waiting()).isEqualTo(60);
                    assertThat(h.decision()).isNull();
                });
        assertThat(ticketsOf("BIL-01"))
                .hasSize(60)
                .allSatisfy(s -> assertThat(s).isEqualTo("AWAITING_CONFIRMATION"));
        assertThat(visibleTo(READING_TEAM, "BIL-01", null))
                .as("no team sees them")
                .isZero();
        assertThat(visibleTo(READING_TEAM, "BIL-01", TicketStatus.AWAITING_CONFIRMATION))
                .isZero();
        assertThat(visibleTo(AUDITOR, "BIL-01", null))
                .as("out of the default list")
                .isZero();
        assertThat(visibleTo(AUDITOR, "BIL-01", TicketStatus.AWAITING_CONFIRMATION))
                .isEqualTo(60);
        assertThat(figures.byTheme(null, LocalDate.of(2026, 12, 7)))
                .filteredOn(c -> c.key().equals("BIL"))
                .allSatisfy(c -> assertThat(c.open())
                        .as("out of the open figures")
                        .isEqualTo(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM inspection_tickets WHERE theme = 'BIL' AND status IN ('NEW', 'DISPATCHED', "
                                        + "'FEEDBACK_SUBMITTED', 'RETURNED', 'SCOPE_REJECTED')",
                                Long.class)));
        assertThat(figures.rectification(null).total())
                .as("out of the rectification rate")
                .isEqualTo(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets WHERE status NOT IN "
                                + "('AWAITING_CONFIRMATION', 'WITHDRAWN', 'FALSE_POSITIVE', 'EXEMPTED')",
                        Long.class));
        assertThat(trail("TICKETS_HELD"))
                .anySatisfy(t -> assertThat((String) t.get("DETAIL")).contains("BIL-01 60 new"));
        mvc.perform(get("/runs/{id}", flood.id())).andExpect(content().string(containsString("待确认的督办单")));
        mvc.perform(get("/api/reports/deviation").param("period", "2026-10"))
                .andExpect(jsonPath("$.subtitle").value(containsString("#" + flood.id())))
                .andExpect(jsonPath("$.metrics[0].numerator").value(0))
                .andExpect(jsonPath("$.metrics[0].denominator").value(0));

        mvc.perform(post("/api/runs/{id}/held/BIL-01/confirm", flood.id())
                        .with(csrf())
                        .with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/runs/{id}/held/BIL-01/confirm", flood.id()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed", hasSize(60)));

        assertThat(ticketsOf("BIL-01"))
                .hasSize(60)
                .allSatisfy(s -> assertThat(s).isEqualTo("DISPATCHED"));
        assertThat(visibleTo(READING_TEAM, "BIL-01", null)).isEqualTo(60);
        mvc.perform(get("/api/reports/deviation").param("period", "2026-10"))
                .andExpect(jsonPath("$.metrics[0].numerator").value(60))
                .andExpect(jsonPath("$.metrics[0].denominator").value(60));
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT team_unit_code FROM inspection_tickets WHERE rule_code = 'BIL-01'",
                        String.class))
                .containsExactly(StoredWorld.READING_TEAM);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ticket_transitions x JOIN inspection_tickets t ON t.id = "
                                + "x.ticket_id WHERE t.rule_code = 'BIL-01' AND x.action = 'CONFIRM' AND x.actor = 'auditor' "
                                + "AND x.from_status = 'AWAITING_CONFIRMATION' AND x.to_status = 'DISPATCHED'",
                        Long.class))
                .isEqualTo(60);
        assertThat(trail("TICKETS_CONFIRMED")).singleElement().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("auditor");
            assertThat(t.get("TARGET")).isEqualTo("run:" + flood.id());
            assertThat((String) t.get("DETAIL")).startsWith("BIL-01: 60 tickets");
        });
        assertThat(audits.get(flood.id()).heldRules())
                .filteredOn(h -> h.ruleCode().equals("BIL-01"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.decision()).isEqualTo("CONFIRMED");
                    assertThat(h.decidedBy()).isEqualTo("auditor");
                    assertThat(h.waiting()).isZero();
                });
        mvc.perform(post("/api/runs/{id}/held/BIL-01/confirm", flood.id()).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void theHeldTicketsOfARuleCanBeWithdrawnWithAReasonInstead() throws Exception {
        RunView flood = floodAfterTwoQuietPeriods();

        mvc.perform(post("/api/runs/{id}/held/BIL-01/withdraw", flood.id()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/runs/{id}/held/BIL-01/withdraw", flood.id())
                        .with(csrf())
                        .param("reason", "10 月抄表数据迟到"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed", hasSize(60)));

        assertThat(ticketsOf("BIL-01"))
                .hasSize(60)
                .allSatisfy(s -> assertThat(s).isEqualTo("WITHDRAWN"));
        assertThat(visibleTo(AUDITOR, "BIL-01", null)).isZero();
        assertThat(visibleTo(AUDITOR, "BIL-01", TicketStatus.WITHDRAWN)).isEqualTo(60);
        assertThat(trail("TICKETS_WITHDRAWN"))
                .singleElement()
                .satisfies(t -> assertThat((String) t.get("DETAIL"))
                        .startsWith("BIL-01: 60 tickets")
                        .endsWith("10 月抄表数据迟到"));
    }

    @Test
    void withdrawingARunWithdrawsTheTicketsNobodyWorkedOnKeepsTheOthersAndIsSafeToRepeat() throws Exception {
        customers(3, "2026-09");
        RunView run = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        List<Long> opened = jdbc.queryForList(
                "SELECT id FROM inspection_tickets WHERE rule_code = 'BIL-01' ORDER BY id", Long.class);
        assertThat(opened).hasSize(3);
        long worked = opened.get(0);
        Actor team = new Actor("st01r", Role.TEAM, StoredWorld.READING_TEAM, Set.of(StoredWorld.READING_TEAM));
        workflow.act(
                worked,
                TicketAction.SUBMIT_FEEDBACK,
                new TicketCommand(version(worked), "已补抄", null, null, null, null),
                team);

        mvc.perform(post("/api/runs/{id}/withdraw", run.id()).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/api/runs/{id}/withdraw", run.id())
                        .with(csrf())
                        .with(user("admin").roles("ADMIN"))
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        String first = mvc.perform(
                        post("/api/runs/{id}/withdraw", run.id()).with(csrf()).param("reason", "10 月数据不全，撤回本次稽查"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.run.withdrawnBy").value("auditor"))
                .andExpect(jsonPath("$.run.withdrawReason").value("10 月数据不全，撤回本次稽查"))
                .andExpect(jsonPath("$.keptTickets[?(@.ruleCode == 'BIL-01')].id")
                        .value(org.hamcrest.Matchers.contains((int) worked)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> withdrawn = JsonPath.read(first, "$.withdrawnTickets");

        assertThat(statusOf(opened.get(1))).isEqualTo("WITHDRAWN");
        assertThat(statusOf(opened.get(2))).isEqualTo("WITHDRAWN");
        assertThat(statusOf(worked)).isEqualTo("FEEDBACK_SUBMITTED");
        assertThat(withdrawn).contains(opened.get(1).intValue(), opened.get(2).intValue());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ticket_transitions WHERE ticket_id = ? AND action = 'WITHDRAW' "
                                + "AND actor = 'auditor' AND run_id = ?",
                        Long.class,
                        opened.get(1),
                        run.id()))
                .isEqualTo(1);
        assertThat(visibleTo(AUDITOR, "BIL-01", null))
                .as("withdrawn tickets leave the list")
                .isEqualTo(1);

        mvc.perform(post("/api/runs/{id}/withdraw", run.id()).with(csrf()).param("reason", "再撤一次"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newlyWithdrawn", hasSize(0)))
                .andExpect(jsonPath("$.withdrawnTickets", hasSize(withdrawn.size())))
                .andExpect(jsonPath("$.run.withdrawReason").value("10 月数据不全，撤回本次稽查"));
        assertThat(trail("RUN_WITHDRAWN")).singleElement().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("auditor");
            assertThat((String) t.get("DETAIL"))
                    .startsWith("10 月数据不全，撤回本次稽查; withdrawn " + withdrawn.size())
                    .contains("kept");
        });

        RunView again = audits.run(LocalDate.of(2026, 11, 6), RunTrigger.MANUAL);
        assertThat(statusOf(opened.get(1)))
                .as("found again by a later run: a new ticket of that run")
                .isEqualTo("DISPATCHED");
        assertThat(jdbc.queryForObject(
                        "SELECT opened_run_id FROM inspection_tickets WHERE id = ?", Long.class, opened.get(1)))
                .isEqualTo(again.id());
    }

    @Test
    void aRunningOrHeldRunCannotBeWithdrawn() throws Exception {
        customers(2, "2026-10");
        RunView held = nightly.run();

        mvc.perform(post("/api/runs/{id}/withdraw", held.id()).with(csrf()).param("reason", "x"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/runs/{id}/withdraw", 999_999).with(csrf()).param("reason", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void ticketsAreMarkedFalsePositiveInBulkWithOneReasonEachWithItsOwnResult() throws Exception {
        customers(3, "2026-09");
        audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM inspection_tickets WHERE rule_code = 'BIL-01' ORDER BY id", Long.class);

        mvc.perform(post("/api/tickets/bulk/false-positive")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"reasonCode": "SOURCE_DATA", "comment": "抄表数据迟到，已补录", "tickets": [
                                  {"id": %d, "version": %d}, {"id": %d, "version": %d}, {"id": %d, "version": 99},
                                  {"id": 999999, "version": 0}]}
                                """.formatted(
                                        ids.get(0), version(ids.get(0)), ids.get(1), version(ids.get(1)), ids.get(2))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("DONE"))
                .andExpect(jsonPath("$[0].status").value("FALSE_POSITIVE"))
                .andExpect(jsonPath("$[1].outcome").value("DONE"))
                .andExpect(jsonPath("$[2].outcome").value("STALE"))
                .andExpect(jsonPath("$[3].outcome").value("NOT_FOUND"));
        mvc.perform(post("/api/tickets/bulk/false-positive")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"tickets\": [{\"id\": %d, \"version\": 0}]}".formatted(ids.get(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reasonCode"));

        assertThat(jdbc.queryForList(
                        "SELECT status || ' ' || COALESCE(false_positive_reason, '-') FROM inspection_tickets "
                                + "WHERE rule_code = 'BIL-01' ORDER BY id",
                        String.class))
                .containsExactly("FALSE_POSITIVE SOURCE_DATA", "FALSE_POSITIVE SOURCE_DATA", "DISPATCHED -");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ticket_transitions WHERE action = 'MARK_FALSE_POSITIVE' "
                                + "AND comment = '抄表数据迟到，已补录'",
                        Long.class))
                .isEqualTo(2);
        mvc.perform(post("/tickets/false-positive")
                        .with(csrf())
                        .param("ticket", ids.get(2) + ":" + version(ids.get(2)))
                        .param("reasonCode", "DUPLICATE")
                        .param("fpComment", "重复"))
                .andExpect(status().is3xxRedirection())
                .andExpect(MockMvcResultMatchers.flash().attributeExists("bulkResults"));
        assertThat(statusOf(ids.get(2))).isEqualTo("FALSE_POSITIVE");
        mvc.perform(get("/tickets")).andExpect(content().string(containsString("id=\"bulk-false-positive-submit\"")));
        assertThat(trail("TICKETS_FALSE_POSITIVE")).first().satisfies(t -> {
            assertThat(t.get("ACTOR")).isEqualTo("auditor");
            assertThat((String) t.get("DETAIL"))
                    .startsWith("SOURCE_DATA 抄表数据迟到，已补录 marked 2 [" + ids.get(0) + ", " + ids.get(1) + "]")
                    .contains(ids.get(2) + ":STALE");
        });
    }

    @Test
    void aScheduledPlanRunIsCheckedOnlyForTheStationsOfItsScope() {
        customers(3, "2026-10");
        world.station("ST02").customer("H001", "ST02").meter("MH001", "H001", LocalDate.of(2030, 1, 1));
        QuartzFiring firing = new QuartzFiring(Instant.parse("2026-11-04T19:00:00Z"), false);

        RunView whole = audits.run(
                RunRequest.of(LocalDate.of(2026, 11, 5), RunTrigger.NIGHTLY).heldWithoutData());
        plans.runScheduled(plan("ST01"), firing);
        long st02 = plan("ST02");
        plans.runScheduled(st02, firing);

        assertThat(whole.status()).as("the company's run lacks ST02's data").isEqualTo(RunStatus.HELD);
        assertThat(whole.dataGaps()).extracting(DataGap::stationCode).containsExactly("ST02");
        assertThat(whole.dataGaps().get(0).stationName()).isEqualTo("河口供电所");
        assertThat(jdbc.queryForList(
                        "SELECT scope_description || ' ' || status FROM audit_runs WHERE plan_id IS NOT NULL "
                                + "ORDER BY id",
                        String.class))
                .containsExactly("单位 / units ST01 COMPLETED", "单位 / units ST02 HELD");
        assertThat(jdbc.queryForList(
                        "SELECT station_code FROM audit_run_data_gaps g JOIN audit_runs r ON r.id = g.run_id "
                                + "WHERE r.plan_id = ?",
                        String.class,
                        st02))
                .containsExactly("ST02");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'RUN_HELD'", Long.class))
                .as("one mail per held run")
                .isEqualTo(2);
    }

    private long plan(String unit) {
        return plans.create(
                        new PlanDefinition(
                                unit + " 月度稽查",
                                null,
                                PlanKind.ROUTINE,
                                "0 0 3 1 * ?",
                                null,
                                null,
                                List.of(),
                                List.of(),
                                List.of(unit),
                                null,
                                null,
                                null),
                        "auditor")
                .id();
    }

    private List<String> ticketsOf(String rule) {
        return jdbc.queryForList("SELECT status FROM inspection_tickets WHERE rule_code = ?", String.class, rule);
    }

    private long visibleTo(Actor actor, String rule, TicketStatus status) {
        return tickets.search(new TicketFilter(null, rule, null, status), actor, Pageable.unpaged())
                .getTotalElements();
    }

    private List<Map<String, Object>> trail(String action) {
        return jdbc.queryForList("SELECT * FROM audit_trail WHERE action = ? ORDER BY id", action);
    }

    private long runs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_runs", Long.class);
    }

    private String statusOf(long ticket) {
        return jdbc.queryForObject("SELECT status FROM inspection_tickets WHERE id = ?", String.class, ticket);
    }

    private long version(long ticket) {
        return jdbc.queryForObject("SELECT version FROM inspection_tickets WHERE id = ?", Long.class, ticket);
    }

    private void awaitFinished(long id) throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        while (deadline.pending()) {
            if (audits.get(id).status() != RunStatus.RUNNING) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish within 60 s");
    }
}
