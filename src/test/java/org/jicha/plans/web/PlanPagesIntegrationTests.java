package org.jicha.plans.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.StoredWorld;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The plan pages: an auditor creates and changes a plan through the form (the schedule chosen in words, the unit
 * from the list), each fault is shown beside its field, the list shows the schedule in words and the next run in
 * China time. The context of {@code PlanApiIntegrationTests} (same properties), so no new one is started.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:planapi;DB_CLOSE_DELAY=-1",
            // the world holds readings up to 2026-10: run-now audits the month before the clock's date
            "jicha.clock.start-at=2026-11-10T09:00:00+08:00",
            "spring.quartz.auto-startup=false"
        })
@AutoConfigureMockMvc
class PlanPagesIntegrationTests {

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
        StoredWorld.reset(jdbc).customer("C001").meter("M001", "C001", LocalDate.of(2030, 1, 1));
    }

    /** The form of a monthly plan at 03:00 on the 1st, with some fields changed: name, value, name, value ... */
    private static MockHttpServletRequestBuilder monthlyForm(String path, String... changed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "城关所月度电费稽查");
        fields.put("kind", "ROUTINE");
        fields.put("frequency", "MONTHLY");
        fields.put("dayOfMonth", "1");
        fields.put("time", "03:00");
        fields.put("themes", "BIL");
        fields.put("unitCodes", StoredWorld.STATION);
        fields.put("targetRectificationPct", "95");
        fields.put("enabled", "true");
        fields.put("_enabled", "on");
        for (int i = 0; i < changed.length; i += 2) {
            fields.put(changed[i], changed[i + 1]);
        }
        MockHttpServletRequestBuilder request =
                post(path).with(user("auditor").roles("AUDITOR")).with(csrf());
        fields.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    private Document page(String url, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(role.toLowerCase()).roles(role)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void anAuditorCreatesAPlanThroughTheFormAndTheListShowsItInWordsWithTheNextRunInChinaTime() throws Exception {
        Document form = page("/plans/new", "AUDITOR");
        assertThat(form.select("#plan-form input[name=_csrf]")).isNotEmpty();
        assertThat(form.select("#p-units option[value=ST01]").text()).isEqualTo("城关供电所（ST01）");
        assertThat(form.select("#p-frequency option[selected]").attr("value")).isEqualTo("MONTHLY");

        mvc.perform(monthlyForm("/plans")).andExpect(redirectedUrlPattern("/plans#plan-*"));

        assertThat(jdbc.queryForObject("SELECT cron FROM audit_plans", String.class))
                .isEqualTo("0 0 3 1 * ?");
        Document list = page("/plans", "SUPERVISOR");
        assertThat(list.select(".plan-schedule").text()).startsWith("每月 1 日 03:00");
        // 03:00 on the 1st in China (Quartz fires on the machine's time); the page showed 2026-11-30T19:00:00Z
        assertThat(list.select(".plan-next").text()).matches("\\d{4}-\\d{2}-01 03:00");
        assertThat(list.select("a[id^=edit-plan-]"))
                .as("a supervisor reads plans only")
                .isEmpty();
        assertThat(jdbc.queryForList("SELECT actor || ' ' || action FROM audit_trail", String.class))
                .containsExactly("auditor PLAN_CREATED");
    }

    @Test
    void anAuditorChangesAPlanToQuarterlyAndTheFormReadsTheCronBack() throws Exception {
        mvc.perform(monthlyForm("/plans")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM audit_plans", Long.class);

        Document edit = page("/plans/" + id + "/edit", "AUDITOR");
        assertThat(edit.select("#p-name").val()).isEqualTo("城关所月度电费稽查");
        assertThat(edit.select("#p-frequency option[selected]").attr("value")).isEqualTo("MONTHLY");
        assertThat(edit.select("#p-units option[selected]").attr("value")).isEqualTo("ST01");
        assertThat(edit.select("#p-time").val()).isEqualTo("03:00");

        mvc.perform(monthlyForm("/plans/" + id, "frequency", "QUARTERLY", "enabled", "false"))
                .andExpect(redirectedUrlPattern("/plans#plan-*"));

        assertThat(jdbc.queryForMap("SELECT cron, enabled FROM audit_plans WHERE id = ?", id))
                .containsEntry("CRON", "0 0 3 1 1/3 ?")
                .containsEntry("ENABLED", false);
        Document list = page("/plans", "AUDITOR");
        assertThat(list.select(".plan-schedule").text()).startsWith("每季度首月 1 日 03:00");
        assertThat(list.select(".plan-next").text()).isEqualTo("—");
        assertThat(jdbc.queryForList("SELECT actor || ' ' || action FROM audit_trail ORDER BY id", String.class))
                .containsExactly("auditor PLAN_CREATED", "auditor PLAN_CHANGED");
    }

    @Test
    void eachFaultIsShownBesideItsFieldInChineseAndNothingIsSaved() throws Exception {
        Document noName = Jsoup.parse(mvc.perform(monthlyForm("/plans", "name", " "))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(noName.select("#err-name").text()).isEqualTo("计划名称不能为空");
        assertThat(noName.select("#p-name").attr("aria-describedby")).isEqualTo("err-name");
        assertThat(noName.select("#form-problems")).isNotEmpty();
        assertThat(noName.select("#p-pct").val()).as("what was typed stays").isEqualTo("95");

        Document badTime = Jsoup.parse(mvc.perform(monthlyForm("/plans", "time", "25:99"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(badTime.select("#err-schedule").text()).isEqualTo("时间须为“时:分”，如 03:00。");

        Document badUnit = Jsoup.parse(mvc.perform(monthlyForm("/plans", "unitCodes", "NOPE"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(badUnit.select("#err-unitCodes").text())
                .startsWith("单位表中没有单位")
                .doesNotContain("/");

        Document badCron = Jsoup.parse(mvc.perform(monthlyForm("/plans", "frequency", "CRON", "cron", "0 0 3 32 * ?"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(badCron.select("#err-schedule").text()).startsWith("cron 表达式");

        Document badPct = Jsoup.parse(mvc.perform(monthlyForm("/plans", "targetRectificationPct", "120"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(badPct.select("#err-targetRectificationPct").text()).startsWith("目标整改率须在 0-100 之间");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_plans", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_trail", Integer.class))
                .isZero();
    }

    @Test
    void theFormAndTheListSpeakEnglishOnRequest() throws Exception {
        mvc.perform(monthlyForm("/plans")).andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("SELECT id FROM audit_plans", Long.class);
        for (String url : List.of("/plans/new?lang=en", "/plans/" + id + "/edit?lang=en", "/plans?lang=en")) {
            Document page = page(url, "AUDITOR");
            assertThat(page.text()).as(url).doesNotContain("??");
            assertThat(page.select("main label, main legend, main dt, main button")
                            .text())
                    .as(url + ": labels in English (unit names are data)")
                    .doesNotContainPattern("\\p{IsHan}");
        }
        Document list = page("/plans?lang=en", "AUDITOR");
        assertThat(list.select(".plan-schedule").text()).startsWith("Monthly on day 1 at 03:00");
        assertThat(page("/plans/new?lang=en", "AUDITOR")
                        .select("#p-frequency option[value=QUARTERLY]")
                        .text())
                .isEqualTo("Quarterly (Jan, Apr, Jul, Oct)");
    }

    @Test
    void onlyAuditorsAndAdministratorsWritePlansAndEveryFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(get("/plans/new").with(user("supervisor").roles("SUPERVISOR")))
                .andExpect(status().isForbidden());
        mvc.perform(monthlyForm("/plans").with(user("supervisor").roles("SUPERVISOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/plans").with(user("auditor").roles("AUDITOR")).param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/plans/9999/edit").with(user("admin").roles("ADMIN"))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_plans", Integer.class))
                .isZero();
    }

    @Test
    void aCronWrittenThroughTheApiWithoutWordsIsShownAsWrittenWithItsNextRuns() throws Exception {
        mvc.perform(monthlyForm("/plans", "frequency", "CRON", "cron", "0 0 8 ? * MON-FRI"))
                .andExpect(status().is3xxRedirection());
        Document list = page("/plans", "AUDITOR");
        assertThat(list.select(".plan-schedule code").text()).isEqualTo("0 0 8 ? * MON-FRI");
        String next = list.select(".plan-next").text();
        assertThat(next).matches("\\d{4}-\\d{2}-\\d{2} 08:00");
        assertThat(LocalDate.parse(next.substring(0, 10)).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(list.select(".plan-upcoming").text())
                .as("the three runs after the next one")
                .matches("(\\d{4}-\\d{2}-\\d{2} 08:00、){2}\\d{4}-\\d{2}-\\d{2} 08:00");
    }
}
