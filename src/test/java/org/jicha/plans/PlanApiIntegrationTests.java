package org.jicha.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.jicha.Deadline;
import org.jicha.audit.StoredWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/plans} and the run progress and cancel API, including the answers to bad requests. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:planapi;DB_CLOSE_DELAY=-1",
            // the world holds readings up to 2026-10: run-now audits the month before the clock's date
            "jicha.clock.start-at=2026-11-10T09:00:00+08:00",
            "spring.quartz.auto-startup=false"
        })
@AutoConfigureMockMvc
class PlanApiIntegrationTests {

    private static final String MONTHLY = """
            {"name": "城关所月度电费稽查", "description": "每月 1 日 03:00", "kind": "ROUTINE", "cron": "0 0 3 1 * ?",
             "themes": ["BIL"], "unitCodes": ["ST01"], "targetRectificationPct": 95, "target": "漏抄当月清零"}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    @BeforeEach
    void world() throws Exception {
        jdbc.update("DELETE FROM audit_plans");
        jdbc.update("DELETE FROM audit_trail");
        scheduler.unscheduleJobs(List.copyOf(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("plans"))));
        StoredWorld.reset(jdbc)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700);
    }

    /** Every request goes through here, signed in as an auditor. */
    private ResultActions call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .with(user("auditor").roles("AUDITOR"))
                .with(csrf()));
    }

    @Test
    void aPlanIsCreatedReadChangedDisabledEnabledAndDeleted() throws Exception {
        String body = call(post("/api/plans").content(MONTHLY))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("城关所月度电费稽查"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.nextFireTime").isNotEmpty())
                .andExpect(jsonPath("$.figures.runs").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        call(get("/api/plans"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id));
        call(put("/api/plans/{id}", id).content(MONTHLY.replace("0 0 3 1 * ?", "0 30 2 1 * ?")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cron").value("0 30 2 1 * ?"));
        call(post("/api/plans/{id}/disable", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.nextFireTime").doesNotExist());
        call(post("/api/plans/{id}/disable", id)).andExpect(status().isConflict());
        call(post("/api/plans/{id}/enable", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        call(delete("/api/plans/{id}", id)).andExpect(status().isNoContent());
        call(get("/api/plans/{id}", id))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("稽查计划不存在")));

        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || action FROM audit_trail WHERE target = ? ORDER BY id",
                        String.class,
                        "plan:" + id))
                .containsExactly(
                        "auditor PLAN_CREATED",
                        "auditor PLAN_CHANGED",
                        "auditor PLAN_DISABLED",
                        "auditor PLAN_ENABLED",
                        "auditor PLAN_DELETED");
        assertThat(jdbc.queryForObject(
                        "SELECT detail FROM audit_trail WHERE target = ? AND action = 'PLAN_CHANGED'",
                        String.class,
                        "plan:" + id))
                .contains("0 30 2 1 * ?")
                .contains("城关所月度电费稽查");
    }

    @Test
    void anInvalidPlanIsAnsweredWith422NamingTheField() throws Exception {
        call(post("/api/plans").content(MONTHLY.replace("0 0 3 1 * ?", "0 0 25 * * ?")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("cron"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("cron")));
        call(post("/api/plans").content("""
                {"name": "专项", "kind": "SPECIAL", "cron": "0 0 4 * * ?", "startsOn": "2026-12-31", "endsOn": "2026-12-01"}
                """))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("endsOn"));
        call(post("/api/plans").content(MONTHLY.replace("\"BIL\"", "\"BIL\"], \"ruleCodes\": [\"XYZ-01\"")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("ruleCodes"));
        call(post("/api/plans").content(MONTHLY.replace("ROUTINE", "WEEKLY"))).andExpect(status().isBadRequest());
    }

    @Test
    void aMalformedBodyIsAnswered400NamingLineAndColumn() throws Exception {
        call(post("/api/plans").content("{\"name\": \"城关所\",\n \"kind\": \"ROUTINE\",\n \"cron\": }"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.line").value(3))
                .andExpect(jsonPath("$.column").value(10))
                .andExpect(jsonPath("$.detail")
                        .value(Matchers.startsWith("JSON 格式错误（第 3 行第 10 列） / malformed JSON at line 3, column 10: ")));
    }

    @Test
    void aValueOfTheWrongTypeIsAnswered400NamingTheFieldAndTheValue() throws Exception {
        call(post("/api/plans").content(MONTHLY.replace("95", "\"九十五\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("targetRectificationPct"))
                .andExpect(jsonPath("$.value").value("九十五"))
                .andExpect(jsonPath("$.detail")
                        .value("字段 targetRectificationPct 的值 \"九十五\" 无效，应为整数 / "
                                + "field targetRectificationPct: \"九十五\" is not a whole number"));
        call(post("/api/plans").content(MONTHLY.replace("[\"BIL\"]", "[\"BIL\", {\"theme\": \"MET\"}]")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("themes[1]"))
                .andExpect(jsonPath("$.detail").value("字段 themes[1] 应为文本 / field themes[1] must be text"));
        call(post("/api/plans").content(MONTHLY.replace("\"kind\"", "\"startsOn\": \"2026-02-30\", \"kind\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("startsOn"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("日期（yyyy-MM-dd）")));
    }

    @Test
    void anUnknownEnumValueIsAnswered400NamingTheFieldAndTheAllowedValues() throws Exception {
        call(post("/api/plans").content(MONTHLY.replace("ROUTINE", "WEEKLY")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("kind"))
                .andExpect(jsonPath("$.value").value("WEEKLY"))
                .andExpect(jsonPath("$.allowed[0]").value("ROUTINE"))
                .andExpect(jsonPath("$.allowed[1]").value("SPECIAL"))
                .andExpect(jsonPath("$.detail")
                        .value("字段 kind 的值 \"WEEKLY\" 无效，应为以下之一：ROUTINE, SPECIAL / "
                                + "field kind: \"WEEKLY\" is not one of ROUTINE, SPECIAL"));
    }

    @Test
    void runningAPlanNowRecordsARunOfThePlanWithItsProgress() throws Exception {
        String plan = call(post("/api/plans").content(MONTHLY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long planId = ((Number) JsonPath.read(plan, "$.id")).longValue();

        // the world's 2026-10 extract is partial (M001 unread, no bills): refused with the figures, then forced
        call(post("/api/plans/{id}/run", planId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.auditedPeriod").value("2026-10"))
                .andExpect(jsonPath("$.stations[0].stationName").value("城关供电所"))
                .andExpect(jsonPath("$.stations[0].readings").value(1))
                .andExpect(jsonPath("$.stations[0].meters").value(2));
        String run = call(post("/api/plans/{id}/run", planId)
                        .param("force", "true")
                        .param("reason", "两块表的测试世界"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.trigger").value("PLAN"))
                .andExpect(jsonPath("$.planId").value(planId))
                .andExpect(jsonPath("$.progress.total").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        awaitEnd(runId);

        call(get("/api/runs/{id}", runId))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.progress.done").value(2))
                .andExpect(jsonPath("$.progress.percent").value(100.0))
                .andExpect(jsonPath("$.findingsPerRule.BIL-01").value(1))
                .andExpect(jsonPath("$.findingsPerRule.MET-06").doesNotExist());
        call(post("/api/runs/{id}/cancel", runId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("未在运行")));
        call(post("/api/runs/{id}/cancel", 999_999)).andExpect(status().isNotFound());
        call(get("/api/plans/{id}", planId))
                .andExpect(jsonPath("$.figures.runs").value(1))
                .andExpect(jsonPath("$.figures.findings").value(1))
                .andExpect(jsonPath("$.figures.tickets").value(1))
                .andExpect(jsonPath("$.figures.lastRun.id").value(runId));
        call(post("/api/plans/{id}/run", 999_999)).andExpect(status().isNotFound());
        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || target || ' ' || detail FROM audit_trail WHERE action = "
                                + "'PLAN_RUN' ORDER BY id",
                        String.class))
                .containsExactly("auditor plan:" + planId + " run " + runId + " as of 2026-11-10 forced: 两块表的测试世界");
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_trail WHERE target = ? ORDER BY id", String.class, "run:" + runId))
                .containsExactly("RUN_STARTED", "RUN_FORCED");
    }

    private void awaitEnd(long runId) throws Exception {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (deadline.pending()) {
            String body =
                    call(get("/api/runs/{id}", runId)).andReturn().getResponse().getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(body, "$.status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end within 30 s");
    }
}
