package org.jicha.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.jicha.audit.AuditService;
import org.jicha.audit.DataNotArrivedException;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunStatus;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.audit.RunWithdrawal;
import org.jicha.audit.StoredWorld;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.tickets.FalsePositiveReason;
import org.jicha.tickets.RunTickets;
import org.jicha.tickets.TicketWorkflow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The data-arrival check, a held run and its mail, the brake with its confirmation, a run's withdrawal and the bulk
 * false positive on the local PostgreSQL (their SQL is portable; this proves it), in a schema of their own.
 */
@ActiveProfiles("postgres")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresSafeRunIntegrationTests.SCHEMA + "&reWriteBatchedInserts=true",
            "spring.datasource.username=postgres",
            "spring.flyway.schemas=" + PostgresSafeRunIntegrationTests.SCHEMA,
            "spring.quartz.auto-startup=false"
        })
class PostgresSafeRunIntegrationTests {

    static final String SCHEMA = "jicha_it_runs";

    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);

    @Autowired
    AuditService audits;

    @Autowired
    RunTickets runTickets;

    @Autowired
    TicketWorkflow workflow;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void heldRunsTheBrakeWithdrawalAndBulkFalsePositiveWorkOnPostgres() {
        StoredWorld world = StoredWorld.reset(jdbc);
        jdbc.update("INSERT INTO app_users (username, password_hash, display_name, role, email, created_at) "
                + "VALUES ('auditor', '{noop}-', '陈华', 'AUDITOR', 'auditor@test.jicha.local', CURRENT_TIMESTAMP)");
        for (int i = 1; i <= 60; i++) {
            String no = String.format("C%03d", i);
            world.customer(no)
                    .meter("M" + no, no, LocalDate.of(2030, 1, 1))
                    .reading("M" + no, "2026-08", 1000, 1100)
                    .bill(no, "2026-08", 100)
                    .reading("M" + no, "2026-09", 1100, 1200)
                    .bill(no, "2026-09", 100);
        }

        RunView held = audits.run(
                RunRequest.of(LocalDate.of(2026, 11, 5), RunTrigger.NIGHTLY).heldWithoutData());
        assertThat(held.status()).isEqualTo(RunStatus.HELD);
        assertThat(held.dataGaps()).singleElement().satisfies(g -> {
            assertThat(g.meters()).isEqualTo(60);
            assertThat(g.readings()).isZero();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'RUN_HELD'", Long.class))
                .isOne();
        assertThatThrownBy(() -> audits.run(RunRequest.of(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL)
                        .byPerson(AUDITOR, false, null)))
                .isInstanceOf(DataNotArrivedException.class);
        assertThat(audits.proposal().asOf()).isEqualTo(LocalDate.of(2026, 10, 5));

        world.customer("C900") // a meter past its rotation: one MET-06 ticket, opened DISPATCHED by the next run
                .meter("MC900", "C900", LocalDate.of(2026, 6, 30))
                .reading("MC900", "2026-08", 100, 110)
                .reading("MC900", "2026-09", 110, 120)
                .reading("MC900", "2026-10", 120, 130);
        audits.run(LocalDate.of(2026, 9, 5), RunTrigger.MANUAL);
        audits.run(LocalDate.of(2026, 10, 5), RunTrigger.MANUAL);
        RunView flood = audits.run(
                RunRequest.of(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL).byPerson(AUDITOR, true, "抄表数据迟到"));
        assertThat(audits.get(flood.id()).heldRules())
                .filteredOn(h -> h.ruleCode().equals("BIL-01"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.newTickets()).isEqualTo(60);
                    assertThat(h.historyMedian()).isEqualTo(0.0);
                });
        assertThat(runTickets.confirm(flood.id(), "BIL-01", null, AUDITOR).changed())
                .hasSize(60);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT status FROM inspection_tickets WHERE rule_code = 'BIL-01'", String.class))
                .containsExactly("DISPATCHED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ticket_transitions WHERE action = 'DISPATCH' AND actor = 'system' "
                                + "AND from_status = 'NEW' AND to_status = 'DISPATCHED' AND run_id IS NOT NULL",
                        Long.class))
                .as("the tickets the runs opened DISPATCHED start with the system's dispatch")
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets t WHERE t.status = 'DISPATCHED' AND NOT EXISTS "
                                + "(SELECT 1 FROM ticket_transitions x WHERE x.ticket_id = t.id)",
                        Long.class))
                .as("no dispatched ticket without its dispatch in the history")
                .isZero();

        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM inspection_tickets WHERE rule_code = 'BIL-01' ORDER BY id " + "FETCH FIRST 2 ROWS ONLY",
                Long.class);
        List<TicketWorkflow.BulkResult> marked = workflow.falsePositiveAll(
                new TicketWorkflow.BulkFalsePositive(
                        FalsePositiveReason.SOURCE_DATA,
                        "迟到",
                        ids.stream()
                                .map(id -> new TicketWorkflow.TicketRef(
                                        id,
                                        jdbc.queryForObject(
                                                "SELECT version FROM inspection_tickets WHERE id = ?", Long.class, id)))
                                .toList()),
                AUDITOR);
        assertThat(marked).extracting(TicketWorkflow.BulkResult::outcome).containsOnly(TicketWorkflow.BulkOutcome.DONE);

        RunWithdrawal withdrawal = audits.withdraw(flood.id(), "整批撤回", AUDITOR);
        assertThat(withdrawal.keptTickets())
                .as("the two an auditor judged stay; the confirmed ones nobody worked on go")
                .extracting(RunTickets.KeptTicket::id)
                .containsExactlyElementsOf(ids);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets WHERE rule_code = 'BIL-01' "
                                + "AND status = 'WITHDRAWN'",
                        Long.class))
                .isEqualTo(58);
    }
}
