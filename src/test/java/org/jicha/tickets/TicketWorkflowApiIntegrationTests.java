package org.jicha.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.jicha.tickets.internal.EvidenceStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The closed loop through the API, as real users signed in with HTTP Basic: every path of a ticket, each step
 * also tried by a wrong role (403) and in a wrong state (409), stale versions, the reading scope of a station,
 * and evidence files.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:workflow;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.tickets.evidence.dir=target/test-evidence",
            "jicha.tickets.evidence.max-file-size=1MB"
        })
@AutoConfigureMockMvc
class TicketWorkflowApiIntegrationTests {

    static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 200);
    static final byte[] PDF = bytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 300);
    static final byte[] EXE = bytes(new byte[] {'M', 'Z', (byte) 0x90, 0}, 300);

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TicketWorkflow workflow;

    @Autowired
    TicketRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    EvidenceStore evidenceStore;

    @Autowired
    AuditTrail trail;

    private long seq;

    @BeforeEach
    void organisationUsersAndTickets() {
        jdbc.update("DELETE FROM inspection_tickets");
        jdbc.update("DELETE FROM audit_trail");
        jdbc.update("DELETE FROM app_users WHERE username <> 'admin'");
        jdbc.update("DELETE FROM units");
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), "
                + "('QC01', '城关供电所', 'CO', 'STATION', NULL), "
                + "('QC01RE', '城关抄表班', 'QC01', 'TEAM', 'READING'), "
                + "('QC01ME', '城关计量班', 'QC01', 'TEAM', 'METERING'), "
                + "('QC02', '河口供电所', 'CO', 'STATION', NULL), "
                + "('QC02RE', '河口抄表班', 'QC02', 'TEAM', 'READING')");
        user("auditor", Role.AUDITOR, null);
        user("supervisor", Role.SUPERVISOR, null);
        user("boss", Role.ADMIN, null);
        user("qc01", Role.TEAM, "QC01");
        user("qc01re", Role.TEAM, "QC01RE");
        user("qc01me", Role.TEAM, "QC01ME");
        user("qc02", Role.TEAM, "QC02");
        user("qc02re", Role.TEAM, "QC02RE");
    }

    @Test
    void dispatchFeedbackWithAPhotoAndAPdfVerifyAndClose() throws Exception {
        long id = ticket("QC01", null, "NEW");

        act("qc01re", id, "dispatch", "{\"version\": 0, \"teamUnitCode\": \"QC01RE\"}")
                .andExpect(status().isNotFound());
        act("qc01", id, "dispatch", "{\"version\": 0, \"teamUnitCode\": \"QC01RE\"}")
                .andExpect(status().isForbidden());
        act("supervisor", id, "dispatch", "{\"version\": 0, \"teamUnitCode\": \"QC01RE\"}")
                .andExpect(status().isForbidden());
        act("boss", id, "dispatch", "{\"version\": 0, \"teamUnitCode\": \"QC01RE\"}")
                .andExpect(status().isForbidden());
        act("auditor", id, "dispatch", "{\"version\": 0, \"teamUnitCode\": \"QC01RE\", \"comment\": \"请核实\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.teamUnitCode").value("QC01RE"))
                .andExpect(jsonPath("$.version").value(1));
        act("auditor", id, "dispatch", "{\"version\": 1, \"teamUnitCode\": \"QC01RE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("DISPATCHED")))
                .andExpect(jsonPath("$.detail").value(containsString("DISPATCH")));

        mvc.perform(get("/api/tickets/{id}", id).with(basic("qc01re")))
                .andExpect(jsonPath("$.allowedActions[0]").value("SUBMIT_FEEDBACK"))
                .andExpect(jsonPath("$.allowedActions[1]").value("REJECT_SCOPE"));
        feedback("auditor", id, 1, png("照片.png"), pdf("整改报告.pdf")).andExpect(status().isForbidden());
        feedback("qc02re", id, 1, png("照片.png")).andExpect(status().isNotFound());
        feedback("qc01re", id, 1, png("现场照片.png"), pdf("整改报告.pdf"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FEEDBACK_SUBMITTED"))
                .andExpect(jsonPath("$.attachments.length()").value(2))
                .andExpect(jsonPath("$.attachments[0].contentType").value("image/png"))
                .andExpect(jsonPath("$.attachments[0].originalName").value("现场照片.png"))
                .andExpect(jsonPath("$.attachments[1].contentType").value("application/pdf"))
                .andExpect(jsonPath("$.attachments[0].storedName").doesNotExist());
        feedback("qc01re", id, 2, png("again.png")).andExpect(status().isConflict());

        mvc.perform(get("/api/tickets/{id}", id).with(basic("auditor")))
                .andExpect(jsonPath("$.allowedActions.length()").value(3))
                .andExpect(jsonPath("$.allowedActions[0]").value("VERIFY"));
        act("qc01re", id, "verify", "{\"version\": 2}").andExpect(status().isForbidden());
        act("auditor", id, "verify", "{\"version\": 2}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        act("auditor", id, "verify", "{\"version\": 3}").andExpect(status().isConflict());

        act("supervisor", id, "close", "{\"version\": 3}").andExpect(status().isForbidden());
        act("auditor", id, "close", "{\"version\": 3, \"comment\": \"已闭环\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.allowedActions.length()").value(0))
                .andExpect(jsonPath("$.transitions.length()").value(4))
                .andExpect(jsonPath("$.transitions[0].action").value("DISPATCH"))
                .andExpect(jsonPath("$.transitions[0].fromStatus").value("NEW"))
                .andExpect(jsonPath("$.transitions[0].actor").value("auditor"))
                .andExpect(jsonPath("$.transitions[1].action").value("SUBMIT_FEEDBACK"))
                .andExpect(jsonPath("$.transitions[1].actor").value("qc01re"))
                .andExpect(jsonPath("$.transitions[1].comment").value("已完成整改 / fixed"))
                .andExpect(jsonPath("$.transitions[3].toStatus").value("CLOSED"));
        act("auditor", id, "close", "{\"version\": 4}").andExpect(status().isConflict());

        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || action || ' ' || target FROM audit_trail "
                                + "WHERE action LIKE 'TICKET_%' ORDER BY id",
                        String.class))
                .containsExactly(
                        "auditor TICKET_DISPATCH ticket:" + id, "qc01re TICKET_SUBMIT_FEEDBACK ticket:" + id,
                        "auditor TICKET_VERIFY ticket:" + id, "auditor TICKET_CLOSE ticket:" + id);

        long png = jdbc.queryForObject("SELECT MIN(id) FROM ticket_attachments WHERE ticket_id = ?", Long.class, id);
        mvc.perform(get("/api/tickets/{id}/attachments/{aid}", id, png).with(basic("qc01")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PNG));
        mvc.perform(get("/api/tickets/{id}/attachments/{aid}", id, png).with(basic("qc02re")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/{id}/attachments/{aid}", id, png + 1000).with(basic("auditor")))
                .andExpect(status().isNotFound());
    }

    @Test
    void returnedFeedbackGoesBackToTheTeamUntilVerified() throws Exception {
        long id = ticket("QC01", "QC01RE", "DISPATCHED");

        act("qc01re", id, "submit-feedback", "{\"version\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("comment")));
        act("qc01re", id, "submit-feedback", "{\"version\": 0, \"comment\": \"已补抄\"}")
                .andExpect(status().isOk());
        act("qc01re", id, "return", "{\"version\": 1, \"reason\": \"x\"}").andExpect(status().isForbidden());
        act("auditor", id, "return", "{\"version\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reason"));
        act("auditor", id, "return", "{\"version\": 1, \"reason\": \"缺少现场照片\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETURNED"));
        act("auditor", id, "return", "{\"version\": 2, \"reason\": \"again\"}").andExpect(status().isConflict());
        feedback("qc01re", id, 2, png("补充照片.png"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FEEDBACK_SUBMITTED"));
        act("auditor", id, "verify", "{\"version\": 3}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"))
                .andExpect(jsonPath("$.transitions[1].action").value("RETURN"))
                .andExpect(jsonPath("$.transitions[1].comment").value("缺少现场照片"));
    }

    @Test
    void aTeamRejectsAnotherTeamsTicketAndTheAuditorDispatchesItElsewhere() throws Exception {
        long id = ticket("QC01", "QC01RE", "DISPATCHED");

        act("qc01re", id, "reject-scope", "{\"version\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("reason")));
        act("auditor", id, "reject-scope", "{\"version\": 0, \"reason\": \"x\"}")
                .andExpect(status().isForbidden());
        act("qc01re", id, "reject-scope", "{\"version\": 0, \"reason\": \"属河口抄表班 / QC02RE's meter\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCOPE_REJECTED"));
        act("qc01re", id, "reject-scope", "{\"version\": 1, \"reason\": \"again\"}")
                .andExpect(status().isConflict());

        act("auditor", id, "dispatch", "{\"version\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("teamUnitCode"));
        act("auditor", id, "dispatch", "{\"version\": 1, \"teamUnitCode\": \"QC02\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("QC02")));
        act("auditor", id, "dispatch", "{\"version\": 1, \"teamUnitCode\": \"QC02RE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.teamUnitCode").value("QC02RE"));

        act("qc01re", id, "submit-feedback", "{\"version\": 2, \"comment\": \"x\"}")
                .andExpect(status().isNotFound());
        act("qc01", id, "submit-feedback", "{\"version\": 2, \"comment\": \"x\"}")
                .andExpect(status().isForbidden());
        act("qc02re", id, "submit-feedback", "{\"version\": 2, \"comment\": \"已处理\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FEEDBACK_SUBMITTED"));
    }

    @Test
    void anAuditorMarksAFalsePositiveWithItsReason() throws Exception {
        long id = ticket("QC01", "QC01RE", "DISPATCHED");

        act("qc01re", id, "mark-false-positive", "{\"version\": 0, \"reasonCode\": \"SOURCE_DATA\"}")
                .andExpect(status().isForbidden());
        act("auditor", id, "mark-false-positive", "{\"version\": 0, \"comment\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reasonCode"));
        act(
                        "auditor",
                        id,
                        "mark-false-positive",
                        "{\"version\": 0, \"reasonCode\": \"SOURCE_DATA\", \"comment\": \"营销系统数据延迟\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FALSE_POSITIVE"))
                .andExpect(jsonPath("$.falsePositiveReason").value("SOURCE_DATA"))
                .andExpect(jsonPath("$.transitions[0].reasonCode").value("SOURCE_DATA"));
        act("auditor", id, "mark-false-positive", "{\"version\": 1, \"reasonCode\": \"DUPLICATE\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aSupervisorExemptsUntilADateAfterToday() throws Exception {
        long id = ticket("QC01", "QC01RE", "RETURNED");
        String until = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                .plusDays(40)
                .toString();

        act("auditor", id, "exempt", "{\"version\": 0, \"exemptUntil\": \"" + until + "\", \"reason\": \"x\"}")
                .andExpect(status().isForbidden());
        act("supervisor", id, "exempt", "{\"version\": 0, \"exemptUntil\": \"2020-01-01\", \"reason\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("exemptUntil"));
        act("supervisor", id, "exempt", "{\"version\": 0, \"reason\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("exemptUntil"));
        act("supervisor", id, "exempt", "{\"version\": 0, \"exemptUntil\": \"" + until + "\", \"reason\": \"线路改造期间\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXEMPTED"))
                .andExpect(jsonPath("$.exemptUntil").value(until));
        act("supervisor", id, "exempt", "{\"version\": 1, \"exemptUntil\": \"" + until + "\", \"reason\": \"x\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void aStaleOrMissingVersionIsRefusedWithTheCurrentOne() throws Exception {
        long id = ticket("QC01", "QC01RE", "FEEDBACK_SUBMITTED");
        jdbc.update("UPDATE inspection_tickets SET version = 3 WHERE id = ?", id);

        act("auditor", id, "verify", "{\"version\": 2}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("工单已被他人修改，请刷新")))
                .andExpect(jsonPath("$.currentVersion").value(3));
        act("auditor", id, "verify", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("version"));
        act("auditor", id, "auto-verify", "{\"version\": 3}").andExpect(status().isForbidden());
        act("auditor", id, "no-such-action", "{\"version\": 3}").andExpect(status().isBadRequest());
        assertThat(statusOf(id)).isEqualTo("FEEDBACK_SUBMITTED");
    }

    @Test
    void anUpdateThatSlipsInAfterTheVersionCheckIsCaughtByTheVersionColumn() throws Exception {
        long id = ticket("QC01", "QC01RE", "FEEDBACK_SUBMITTED");
        Actor auditor = new Actor("auditor", Role.AUDITOR, null, null);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                    repository.findById(id).orElseThrow(); // read at version 0, as a request would
                    try (Connection other = dataSource.getConnection()) { // someone else commits meanwhile
                        other.createStatement()
                                .executeUpdate("UPDATE inspection_tickets SET version = 1, "
                                        + "status = 'RETURNED' WHERE id = " + id);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    workflow.act(id, TicketAction.VERIFY, new TicketCommand(0L, null, null, null, null, null), auditor);
                }))
                .isInstanceOf(StaleTicketException.class)
                .hasMessageContaining("工单已被他人修改，请刷新")
                .satisfies(e ->
                        assertThat(((StaleTicketException) e).currentVersion()).isEqualTo(1L));

        assertThat(statusOf(id)).isEqualTo("RETURNED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_transitions", Long.class))
                .isZero();
    }

    @Test
    void aStationSeesOnlyItsOwnTicketsAndAnAdminSeesAllButActsOnNone() throws Exception {
        long qc01Ticket = ticket("QC01", "QC01RE", "DISPATCHED");
        long qc01Unassigned = ticket("QC01", null, "NEW");
        long qc02Ticket = ticket("QC02", "QC02RE", "DISPATCHED");

        mvc.perform(get("/api/tickets/{id}", qc01Ticket).with(basic("qc02")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("不存在")));
        mvc.perform(get("/api/tickets").with(basic("qc02")))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(qc02Ticket));
        mvc.perform(get("/api/tickets").param("unit", "QC01").with(basic("qc02")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        mvc.perform(get("/api/tickets").with(basic("qc01")))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/tickets/{id}", qc01Unassigned).with(basic("qc01")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedActions.length()").value(0));
        mvc.perform(get("/api/tickets/{id}", qc01Unassigned).with(basic("qc01re")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets").with(basic("boss")))
                .andExpect(jsonPath("$.page.totalElements").value(3));
        mvc.perform(get("/api/tickets/{id}", qc02Ticket).with(basic("boss")))
                .andExpect(jsonPath("$.allowedActions.length()").value(0));
        act("boss", qc02Ticket, "mark-false-positive", "{\"version\": 0, \"reasonCode\": \"DUPLICATE\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void listsFilterFlaggedAndOverdueTickets() throws Exception {
        long flagged = ticket("QC01", "QC01RE", "DISPATCHED");
        long overdue = ticket("QC01", "QC01RE", "RETURNED");
        jdbc.update("UPDATE inspection_tickets SET needs_attention = TRUE, attention_note = 'n' WHERE id = ?", flagged);
        jdbc.update("UPDATE inspection_tickets SET due_on = DATE '2020-01-06' WHERE id = ?", overdue);

        mvc.perform(get("/api/tickets").param("needsAttention", "true").with(basic("auditor")))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(flagged))
                .andExpect(jsonPath("$.content[0].attentionNote").value("n"));
        mvc.perform(get("/api/tickets").param("overdue", "true").with(basic("qc01re")))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].id").value(overdue));
        mvc.perform(get("/api/tickets")
                        .param("status", "RETURNED")
                        .param("overdue", "false")
                        .with(basic("auditor")))
                .andExpect(jsonPath("$.page.totalElements").value(0));
    }

    @Test
    void refusedFilesLeaveNeitherTheTransitionNorAFileBehind() throws Exception {
        long id = ticket("QC01", "QC01RE", "DISPATCHED");
        long filesBefore = storedFiles();

        feedback("qc01re", id, 0, png("ok.png"), new MockMultipartFile("files", "photo.png", "image/png", EXE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("photo.png")))
                .andExpect(jsonPath("$.detail").value(containsString("JPEG, PDF, PNG")));
        byte[] big = bytes(PNG, 1024 * 1024 + 1);
        feedback("qc01re", id, 0, new MockMultipartFile("files", "大照片.png", "image/png", big))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value(containsString("大照片.png")))
                .andExpect(jsonPath("$.detail").value(containsString("1MB")));

        assertThat(statusOf(id)).isEqualTo("DISPATCHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_attachments", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_transitions", Long.class))
                .isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);

        mvc.perform(multipart("/api/tickets/{id}/attachments", id)
                        .file(png("../../etc/passwd.png"))
                        .with(basic("qc01re")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].originalName").value("passwd.png"))
                .andExpect(jsonPath("$[0].sha256").value(org.hamcrest.Matchers.hasLength(64)));
        assertThat(storedFiles()).isEqualTo(filesBefore + 1);
        mvc.perform(multipart("/api/tickets/{id}/attachments", id)
                        .file(png("x.png"))
                        .with(basic("qc02re")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBulkDispatchReportsEachTicket() throws Exception {
        long first = ticket("QC01", null, "NEW");
        long stale = ticket("QC01", null, "NEW");
        long closed = ticket("QC01", "QC01RE", "CLOSED");

        mvc.perform(post("/api/tickets/dispatch")
                        .with(basic("auditor"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamUnitCode\": \"QC01RE\", \"tickets\": [{\"id\": " + first
                                + ", \"version\": 0}, "
                                + "{\"id\": " + stale + ", \"version\": 7}, {\"id\": " + closed + ", \"version\": 0}, "
                                + "{\"id\": 999999, \"version\": 0}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].outcome").value("DISPATCHED"))
                .andExpect(jsonPath("$[0].version").value(1))
                .andExpect(jsonPath("$[1].outcome").value("STALE"))
                .andExpect(jsonPath("$[1].version").value(0))
                .andExpect(jsonPath("$[2].outcome").value("ILLEGAL_STATE"))
                .andExpect(jsonPath("$[3].outcome").value("NOT_FOUND"));
        assertThat(statusOf(first)).isEqualTo("DISPATCHED");
        assertThat(statusOf(stale)).isEqualTo("NEW");
    }

    @Test
    void evidenceRetentionRemovesTheFilesOfTicketsClosedLongAgoAndKeepsTheirRecords() throws Exception {
        long closedLongAgo = ticket("QC01", "QC01RE", "CLOSED");
        long closedRecently = ticket("QC01", "QC01RE", "CLOSED");
        long stillOpen = ticket("QC01", "QC01RE", "FEEDBACK_SUBMITTED");
        closedAt(closedLongAgo, "2025-11-30 09:00:00");
        closedAt(closedRecently, "2026-06-01 09:00:00");
        String oldFile = evidenceOf(closedLongAgo);
        String recentFile = evidenceOf(closedRecently);
        String openFile = evidenceOf(stillOpen);

        assertThat(retention(Duration.ZERO).removeExpired())
                .as("the default keeps evidence for ever")
                .isEmpty();
        List<Long> removed = retention(Duration.ofDays(365)).removeExpired();

        long oldAttachment =
                jdbc.queryForObject("SELECT id FROM ticket_attachments WHERE ticket_id = ?", Long.class, closedLongAgo);
        assertThat(removed).containsExactly(oldAttachment);
        assertThat(Path.of("target/test-evidence", oldFile)).doesNotExist();
        assertThat(Path.of("target/test-evidence", recentFile)).exists();
        assertThat(Path.of("target/test-evidence", openFile)).exists();
        assertThat(jdbc.queryForObject(
                        "SELECT removed_at FROM ticket_attachments WHERE id = ?", String.class, oldAttachment))
                .startsWith("2026-12-07 10:00");
        mvc.perform(get("/api/tickets/{id}/attachments/{aid}", closedLongAgo, oldAttachment)
                        .with(basic("auditor")))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.detail").value(containsString("按保留期限删除")))
                .andExpect(jsonPath("$.detail").value(containsString("SHA-256 " + "ab".repeat(32))));
        mvc.perform(get("/api/tickets/{id}", closedLongAgo).with(basic("auditor")))
                .andExpect(jsonPath("$.attachments[0].originalName").value("现场照片.png"))
                .andExpect(jsonPath("$.attachments[0].removedAt").value("2026-12-07T10:00:00"));
        assertThat(jdbc.queryForObject(
                        "SELECT actor || ' ' || detail FROM audit_trail WHERE action = 'EVIDENCE_EXPIRED'",
                        String.class))
                .isEqualTo("system 1 file(s) of tickets closed more than 365 days ago; attachments [" + oldAttachment
                        + "]");
    }

    /** The evidence retention with {@code keepAfterClose}, on 2026-12-07 10:00 Shanghai. */
    private EvidenceRetention retention(Duration keepAfterClose) {
        TicketProperties properties = new TicketProperties(
                ZoneId.of("Asia/Shanghai"),
                new TicketProperties.Evidence(
                        Path.of("target/test-evidence"),
                        DataSize.ofMegabytes(1),
                        20,
                        Set.of(EvidenceType.PNG),
                        keepAfterClose));
        return new EvidenceRetention(
                jdbc,
                evidenceStore,
                properties,
                trail,
                Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
    }

    private void closedAt(long ticket, String at) {
        jdbc.update(
                "INSERT INTO ticket_transitions (ticket_id, at, actor, action, from_status, to_status) "
                        + "VALUES (?, TIMESTAMP '" + at + "', 'auditor', 'CLOSE', 'VERIFIED', 'CLOSED')",
                ticket);
    }

    /** A stored PNG for the ticket, as the evidence store keeps it; returns its stored name. */
    private String evidenceOf(long ticket) throws IOException {
        String stored = UUID.randomUUID().toString();
        Files.createDirectories(Path.of("target/test-evidence"));
        Files.write(Path.of("target/test-evidence", stored), PNG);
        jdbc.update(
                "INSERT INTO ticket_attachments (ticket_id, stored_name, original_name, content_type, size_bytes, "
                        + "sha256, uploaded_by, uploaded_at) VALUES (?, ?, '现场照片.png', 'image/png', ?, ?, 'qc01re', "
                        + "TIMESTAMP '2025-11-20 15:00:00')",
                ticket,
                stored,
                PNG.length,
                "ab".repeat(32));
        return stored;
    }

    private ResultActions act(String user, long id, String action, String json) throws Exception {
        return mvc.perform(post("/api/tickets/{id}/actions/{action}", id, action)
                .with(basic(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions feedback(String user, long id, long version, MockMultipartFile... files) throws Exception {
        var request = multipart("/api/tickets/{id}/feedback", id);
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return mvc.perform(request.param("version", String.valueOf(version))
                .param("comment", "已完成整改 / fixed")
                .with(basic(user)));
    }

    private static RequestPostProcessor basic(String user) {
        return httpBasic(user, "pw-" + user + "-123");
    }

    private void user(String name, Role role, String unit) {
        accounts.create(
                Actor.SYSTEM, new UserAccounts.NewUser(name, "pw-" + name + "-123", name, role, unit, null, false));
    }

    private long ticket(String station, String team, String status) {
        long n = ++seq;
        jdbc.update(
                "INSERT INTO inspection_tickets (fingerprint, rule_code, theme, severity, title, subject_type, "
                        + "subject_id, station_code, team_kind, team_unit_code, message, status, opened_at, due_on, "
                        + "first_run_id, last_seen_run_id) VALUES (?, 'BIL-01', 'BIL', 'MAJOR', '超期未抄', 'METER', ?, ?, "
                        + "'READING', ?, '电能表超期未抄', ?, CURRENT_TIMESTAMP, DATE '2099-12-31', 1, 1)",
                "BIL-01|METER|M" + n + "|2026-10",
                "M" + n,
                station,
                team,
                status);
        return jdbc.queryForObject("SELECT id FROM inspection_tickets WHERE subject_id = ?", Long.class, "M" + n);
    }

    private String statusOf(long id) {
        return jdbc.queryForObject("SELECT status FROM inspection_tickets WHERE id = ?", String.class, id);
    }

    private static long storedFiles() throws IOException {
        Path dir = Path.of("target/test-evidence");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    private static MockMultipartFile png(String name) {
        return new MockMultipartFile("files", name, "image/png", PNG);
    }

    private static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("files", name, "application/octet-stream", PDF);
    }

    private static byte[] bytes(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, length);
        for (int i = head.length; i < length; i++) {
            b[i] = (byte) (i % 251);
        }
        return b;
    }
}
