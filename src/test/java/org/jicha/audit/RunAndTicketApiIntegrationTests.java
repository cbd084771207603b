package org.jicha.audit;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.jicha.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** The runs, tickets, rules and overview API, including its answers to bad requests. */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"})
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class RunAndTicketApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditService audits;

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
    }

    @Test
    void aRunStartedThroughTheApiCompletesAndShowsItsFindingsAndTickets() throws Exception {
        // the world's 2026-10 extract is partial (one meter unread, no bills): a run-now must be forced with a reason
        String body = mvc.perform(post("/api/runs")
                        .with(csrf())
                        .param("asOf", "2026-11-05")
                        .param("force", "true")
                        .param("reason", "测试世界仅有两块表"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.auditedPeriod").value("2026-10"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        awaitCompleted(id);

        mvc.perform(get("/api/runs/{id}", id))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.findingsPerRule.BIL-01").value(1))
                .andExpect(jsonPath("$.findingsPerRule.MET-06").value(1));
        mvc.perform(get("/api/runs/{id}/findings", id).param("rule", "BIL-01"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].subjectId").value("M001"))
                .andExpect(jsonPath("$[0].message").value(containsString("无抄表记录")));
        mvc.perform(get("/api/runs")).andExpect(jsonPath("$.content[0].id").value(id));
        mvc.perform(get("/api/tickets").param("rule", "BIL-01"))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].teamUnitCode").value("ST01-READ"))
                .andExpect(jsonPath("$.content[0].remedy").value(containsString("补抄")));
        mvc.perform(get("/api/tickets").param("unit", "ST01-METER"))
                .andExpect(jsonPath("$.page.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].ruleCode").value("MET-06"));
        mvc.perform(get("/api/tickets").param("unit", "ST01"))
                .andExpect(jsonPath("$.page.totalElements").value(2));
        mvc.perform(get("/api/tickets").param("theme", "BIL").param("status", "CLOSED"))
                .andExpect(jsonPath("$.page.totalElements").value(0));
        long ticket = jdbc.queryForObject("SELECT id FROM inspection_tickets WHERE rule_code = 'MET-06'", Long.class);
        mvc.perform(get("/api/tickets/{id}", ticket))
                .andExpect(jsonPath("$.subjectId").value("M002"))
                .andExpect(jsonPath("$.title").value("轮换超期"));
        mvc.perform(get("/api/overview"))
                .andExpect(jsonPath("$.latestRun.id").value(id))
                .andExpect(jsonPath("$.openTicketsByTheme.MET").value(1));
    }

    @Test
    void ruleStatisticsShowFindingsPerRunOpenTicketsAndPrecision() throws Exception {
        RunView run = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        jdbc.update("UPDATE inspection_tickets SET status = 'FALSE_POSITIVE' WHERE rule_code = 'MET-06'");

        mvc.perform(get("/api/rules/statistics"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.code == 'BIL-01')].openTickets").value(1))
                .andExpect(jsonPath("$[?(@.code == 'BIL-01')].findingsPerRun[0].runId")
                        .value((int) run.id()))
                .andExpect(jsonPath("$[?(@.code == 'BIL-01')].findingsPerRun[0].findings")
                        .value(1))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].openTickets").value(0))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].falsePositives").value(1))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].precision").value(0.0))
                .andExpect(jsonPath("$[?(@.code == 'BUS-01')].findingsPerRun[0].findings")
                        .value(0));
    }

    @Test
    void theRuleCatalogueCarriesEveryRulesMetadata() throws Exception {
        mvc.perform(get("/api/rules"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contentHash").isString())
                .andExpect(jsonPath("$.rules[?(@.code == 'BIL-01')].title").value("超期未抄"))
                .andExpect(jsonPath("$.rules[?(@.code == 'BIL-01')].teamKind").value("READING"))
                .andExpect(jsonPath("$.parameters['BIL-03.rolloverShare']").value(0.9));
    }

    @Test
    void badRequestsGetClearErrorsNotServerErrors() throws Exception {
        mvc.perform(post("/api/runs").with(csrf()).param("asOf", "2026-13-45"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("asOf")));
        mvc.perform(get("/api/tickets").param("status", "NO_SUCH_STATE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("status")));
        mvc.perform(get("/api/runs/{id}", 999_999))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("999999")));
        mvc.perform(get("/api/runs/{id}/findings", 999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/{id}", 999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/abc")).andExpect(status().isBadRequest());
    }

    /** One bad request to the API: what it sends, the status it must get and a text the answer must hold. */
    record BadRequest(String method, String uri, String body, int status, String names) {

        @Override
        public String toString() {
            return method + " " + uri + (body == null ? "" : " " + body) + " -> " + status;
        }
    }

    static Stream<BadRequest> badRequests() {
        return Stream.of(
                // paging: negative, zero, huge, not a number
                new BadRequest("GET", "/api/runs?page=2147483647", null, 400, "page"),
                new BadRequest("GET", "/api/runs?page=-1", null, 400, "page"),
                new BadRequest("GET", "/api/runs?size=0", null, 400, "size"),
                new BadRequest("GET", "/api/runs?size=100000", null, 400, "size"),
                new BadRequest("GET", "/api/runs?page=abc", null, 400, "page"),
                new BadRequest("GET", "/api/runs/1/findings?page=2147483647", null, 400, "page"),
                new BadRequest("GET", "/api/runs/1/findings?size=-5", null, 400, "size"),
                new BadRequest("GET", "/api/tickets?page=2147483647", null, 400, "page"),
                new BadRequest("GET", "/api/tickets?size=-1", null, 400, "size"),
                new BadRequest("GET", "/api/loads?page=2147483647", null, 400, "page"),
                new BadRequest("GET", "/api/loads?size=99999999999", null, 400, "size"),
                new BadRequest("GET", "/api/notify/outbox?limit=abc", null, 400, "limit"),
                new BadRequest("GET", "/api/trail?limit=1e9", null, 400, "limit"),
                new BadRequest("GET", "/api/rules/statistics?runs=many", null, 400, "runs"),
                // wrong types and unknown enum values in parameters and paths
                new BadRequest("GET", "/api/runs/abc", null, 400, "id"),
                new BadRequest("GET", "/api/runs/99999999999999999999", null, 400, "id"),
                new BadRequest("POST", "/api/runs?asOf=2026-13-45", null, 400, "asOf"),
                new BadRequest("POST", "/api/runs?partitions=two", null, 400, "partitions"),
                new BadRequest("GET", "/api/tickets?status=NO_SUCH_STATE", null, 400, "FEEDBACK_SUBMITTED"),
                new BadRequest("GET", "/api/tickets?needsAttention=maybe", null, 400, "needsAttention"),
                new BadRequest("GET", "/api/tickets/abc", null, 400, "id"),
                new BadRequest("GET", "/api/tickets/1/attachments/abc", null, 400, "attachmentId"),
                new BadRequest("GET", "/api/notify/outbox?status=LOST", null, 400, "PENDING"),
                new BadRequest("GET", "/api/notify/outbox/abc", null, 400, "id"),
                new BadRequest("POST", "/api/notify/outbox/abc/retry", null, 400, "id"),
                new BadRequest("POST", "/api/plans/abc/enable", null, 400, "id"),
                new BadRequest("DELETE", "/api/plans/abc", null, 400, "id"),
                new BadRequest("GET", "/api/loads/abc", null, 400, "id"),
                new BadRequest("PUT", "/api/users/someone/enabled?value=maybe", null, 400, "value"),
                new BadRequest("GET", "/api/reports/deviation?format=exe", null, 400, "format"),
                new BadRequest("GET", "/api/reports/deviation?period=2026-13", null, 400, "period"),
                // bodies: malformed, wrong type, unknown enum value, wrong shape, none
                new BadRequest("POST", "/api/plans", "{\"name\": \"x\", \"kind\": }", 400, "line 1, column"),
                new BadRequest(
                        "POST", "/api/plans", "{\"name\": \"x\", \"kind\": \"WEEKLY\"}", 400, "ROUTINE, SPECIAL"),
                new BadRequest(
                        "POST",
                        "/api/plans",
                        "{\"targetRectificationPct\": \"ninety\"}",
                        400,
                        "targetRectificationPct"),
                new BadRequest("POST", "/api/plans", "{\"themes\": [\"BIL\", {}]}", 400, "themes[1]"),
                new BadRequest(
                        "POST",
                        "/api/plans",
                        "{\"name\": \"x\", \"themse\": [\"BIL\"]}",
                        400,
                        "unknown field themse; the fields are cron, description, enabled, endsOn, kind, name, ruleCodes,"),
                new BadRequest("POST", "/api/plans", "[]", 400, "must be an object"),
                new BadRequest("POST", "/api/plans", "", 400, "request body"),
                new BadRequest("PUT", "/api/plans/1", "{\"startsOn\": \"2026-02-30\"}", 400, "startsOn"),
                new BadRequest("POST", "/api/tickets/1/actions/dispatch", "{\"version\": \"one\"}", 400, "version"),
                new BadRequest(
                        "POST",
                        "/api/tickets/1/actions/mark-false-positive",
                        "{\"version\": 1, \"reasonCode\": \"BECAUSE\"}",
                        400,
                        "reasonCode"),
                new BadRequest(
                        "POST",
                        "/api/tickets/dispatch",
                        "{\"tickets\": [{\"id\": 1}, {\"id\": \"x\"}]}",
                        400,
                        "tickets[1].id"),
                new BadRequest("POST", "/api/tickets/dispatch", "{\"tickets\": [", 400, "malformed JSON"),
                new BadRequest("POST", "/api/users", "{\"username\": \"u1\", \"role\": \"KING\"}", 400, "AUDITOR"),
                new BadRequest("PUT", "/api/users/someone/password", "{\"password\"", 400, "malformed JSON"),
                // multipart: no file part, a part that is not a number
                new BadRequest("MULTIPART", "/api/loads", null, 400, "file"),
                new BadRequest("MULTIPART", "/api/tickets/1/feedback?version=abc", null, 400, "version"),
                // an address nothing answers, a method or content type it does not take
                new BadRequest("GET", "/api/no/such/thing", null, 404, "/api/no/such/thing"),
                new BadRequest("GET", "/api/runs/1/cancel", null, 405, "use POST"),
                new BadRequest("TEXT", "/api/plans", "name=x", 415, "application/json"));
    }

    /** Every endpoint, given bad input, answers 4xx with a problem that names the fault: never 500. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAnsweredWithAProblemNamingItNeverWith500(BadRequest bad) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> request = switch (bad.method()) {
            case "MULTIPART" -> multipart(bad.uri()).file("unrelated", new byte[1]);
            case "TEXT" -> post(bad.uri()).contentType(MediaType.TEXT_PLAIN).content(bad.body());
            default -> request(HttpMethod.valueOf(bad.method()), bad.uri());
        };
        if (bad.body() != null && !bad.method().equals("TEXT")) {
            request.contentType(MediaType.APPLICATION_JSON).content(bad.body());
        }

        mvc.perform(request.with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is(bad.status()))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(bad.status()))
                .andExpect(jsonPath("$.detail").value(containsString(bad.names())));
    }

    private void awaitCompleted(long id) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (deadline.pending()) {
            String status = JsonPath.read(
                    mvc.perform(get("/api/runs/{id}", id))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.status");
            if (!"RUNNING".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish within 30 s");
    }
}
