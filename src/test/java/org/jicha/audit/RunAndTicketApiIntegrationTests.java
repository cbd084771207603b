package org.jicha.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import org.jicha.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The runs, tickets, rules and overview API, including its answers to bad requests. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1",
        "spring.quartz.auto-startup=false"})
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
                .customer("C001").meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002").meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600).reading("M002", "2026-10", 600, 700);
    }

    @Test
    void aRunStartedThroughTheApiCompletesAndShowsItsFindingsAndTickets() throws Exception {
        // the world's 2026-10 extract is partial (one meter unread, no bills): a run-now must be forced with a reason
        String body = mvc.perform(post("/api/runs").with(csrf()).param("asOf", "2026-11-05").param("force", "true")
                        .param("reason", "测试世界仅有两块表"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.auditedPeriod").value("2026-10"))
                .andReturn().getResponse().getContentAsString();
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
                .andExpect(jsonPath("$[?(@.code == 'BIL-01')].findingsPerRun[0].runId").value((int) run.id()))
                .andExpect(jsonPath("$[?(@.code == 'BIL-01')].findingsPerRun[0].findings").value(1))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].openTickets").value(0))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].falsePositives").value(1))
                .andExpect(jsonPath("$[?(@.code == 'MET-06')].precision").value(0.0))
                .andExpect(jsonPath("$[?(@.code == 'BUS-01')].findingsPerRun[0].findings").value(0));
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
        mvc.perform(get("/api/runs/{id}", 999_999)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("999999")));
        mvc.perform(get("/api/runs/{id}/findings", 999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/api/tickets/{id}", 999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/api/runs/abc")).andExpect(status().isBadRequest());
    }

    private void awaitCompleted(long id) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (deadline.pending()) {
            String status = JsonPath.read(mvc.perform(get("/api/runs/{id}", id)).andReturn().getResponse()
                    .getContentAsString(), "$.status");
            if (!"RUNNING".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not finish within 30 s");
    }
}
