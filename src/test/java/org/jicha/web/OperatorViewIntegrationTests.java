package org.jicha.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunRequest;
import org.jicha.audit.RunTrigger;
import org.jicha.people.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The operator's view (issue 13) over the audited sample batch, in the context of {@link WebPagesIntegrationTests}
 * (same properties): the health status for anyone and its components for ADMIN only, the Prometheus scrape with
 * the loads, runs, findings, tickets and outbox of the sample, nothing for other roles, and a failed run's step
 * and root cause at the top of its page.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:webpages;DB_CLOSE_DELAY=-1",
            // Quartz keeps each scheduler's data source in one JVM-wide map by scheduler name: a context created
            // later under the same name would hand this one its data source (closed when that context closes)
            "spring.quartz.scheduler-name=webpages",
            "spring.quartz.auto-startup=false",
            "jicha.bootstrap.sample-data=sample-data",
            "jicha.bootstrap.as-of=2026-11-05",
            "jicha.ingest.inbox=target/webpages/inbox",
            "jicha.ingest.archive=target/webpages/archive",
            "jicha.ingest.failed=target/webpages/archive/_failed",
            "jicha.rules.candidates.dir=target/webpages/rule-candidates",
            "jicha.security.initial-admin-password=page-chief-pw"
        })
@AutoConfigureMockMvc
class OperatorViewIntegrationTests {

    /** One sample of the Prometheus text format: {@code name{labels} value}. */
    static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)\\{([^}]*)\\} (\\S+)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    AuditService audits;

    @BeforeEach
    void users() {
        SampleWorld.users(accounts);
    }

    RequestPostProcessor as(String user) {
        return user(userDetails.loadUserByUsername(user));
    }

    /** Prometheus as an operator configures it: the administrator's credentials by HTTP Basic. */
    static RequestPostProcessor scraper() {
        return httpBasic("admin", "page-chief-pw");
    }

    String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").with(scraper()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The samples of a metric whose labels contain every one of {@code labels} ({@code rule="BIL-06"}). */
    static List<Double> samples(String scrape, String metric, String... labels) {
        List<Double> values = new ArrayList<>();
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            if (m.group(1).equals(metric) && List.of(m.group(2).split(",")).containsAll(List.of(labels))) {
                values.add(Double.parseDouble(m.group(3)));
            }
        }
        return values;
    }

    @Test
    void anyoneSeesTheHealthStatusAndNothingMore() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").isString())
                .andExpect(jsonPath("$.components").doesNotExist())
                .andExpect(jsonPath("$.details").doesNotExist());
        mvc.perform(get("/actuator/health").with(as("supervisor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health/db")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorSeesEveryComponentOfTheOperatorsView() throws Exception {
        mvc.perform(get("/actuator/health").with(scraper()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.disk.status").value("UP"))
                .andExpect(jsonPath("$.components.disk.details.budget").value(50L * 1024 * 1024 * 1024))
                .andExpect(jsonPath("$.components.ruleSet.status").value("UP"))
                .andExpect(jsonPath("$.components.ruleSet.details.rules").isNumber())
                .andExpect(jsonPath("$.components.nightlyRun.details.maxAge").value("PT36H"))
                .andExpect(jsonPath("$.components.outbox.details.pending").isNumber())
                .andExpect(jsonPath("$.components.heldRuns.details.held").isNumber())
                // the tests' day is 2026-12-07: the next 90 days reach into 2027, entered provisionally
                .andExpect(jsonPath("$.components.calendar.status").value("UP"))
                .andExpect(
                        jsonPath("$.components.calendar.details.neededThrough").value("2027-03-07"))
                .andExpect(jsonPath("$.components.calendar.details.provisionalYears[0]")
                        .value(2027))
                .andExpect(jsonPath("$.components.*", hasSize(7)))
                .andExpect(jsonPath("$.groups").doesNotExist());
    }

    @Test
    void metricsAreForTheAdministratorOnlyAndNoOtherEndpointIsExposed() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        for (String role : List.of("auditor", "supervisor", "qc01re")) {
            mvc.perform(get("/actuator/prometheus").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/actuator/metrics").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/actuator/metrics/jicha.findings").with(scraper())).andExpect(status().isOk());
        for (String hidden :
                List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/loggers")) {
            mvc.perform(get(hidden).with(scraper())).andExpect(status().isNotFound());
        }
    }

    @Test
    void theScrapeShowsTheSamplesLoadRunFindingsTicketsAndOutbox() throws Exception {
        String scrape = scrape();

        assertThat(samples(scrape, "jicha_rows_loaded_total", "file=\"customers.csv\""))
                .singleElement()
                .satisfies(v -> assertThat(v).isPositive());
        assertThat(samples(scrape, "jicha_rows_rejected_total")).isNotEmpty();
        assertThat(samples(scrape, "jicha_run_duration_seconds_count", "trigger=\"STARTUP\"", "outcome=\"COMPLETED\""))
                .singleElement()
                .satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1));
        assertThat(samples(scrape, "jicha_run_subjects_total", "trigger=\"STARTUP\""))
                .singleElement()
                .satisfies(v -> assertThat(v).isPositive());
        assertThat(samples(scrape, "jicha_findings_total"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).isPositive());
        assertThat(samples(scrape, "jicha_tickets_opened_total"))
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).isPositive());
        assertThat(scrape).containsPattern("(?m)^jicha_run_subjects_rate\\{[^}]*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^jicha_mail_pending\\{[^}]*\\} \\d");
        assertThat(scrape).containsPattern("(?m)^jicha_mail_failed\\{[^}]*\\} \\d");
        assertThat(scrape).containsPattern("(?m)^jicha_run_active\\{[^}]*\\} 0");
    }

    @Test
    void aFailedRunShowsTheStepAndTheRootCauseAtTheTopOfItsPage() throws Exception {
        long before = jdbc.queryForObject("SELECT MAX(id) FROM audit_runs", Long.class);
        // the database refuses the findings of any new run: the failure sits at the bottom of Spring's and the
        // driver's exceptions, as a full disk or a broken table would
        jdbc.execute("ALTER TABLE findings ADD CONSTRAINT ops_test_no_new_findings CHECK (run_id <= " + before
                + ") NOCHECK");
        try {
            assertThatThrownBy(() -> audits.run(RunRequest.of(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL)))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.execute("ALTER TABLE findings DROP CONSTRAINT ops_test_no_new_findings");
        }
        long failed = jdbc.queryForObject("SELECT MAX(id) FROM audit_runs", Long.class);

        Document zh = Jsoup.parse(page("/runs/" + failed));
        assertThat(zh.select("#run-failure")).hasSize(1);
        assertThat(zh.select("main > section").first().id()).isEqualTo("run-failure");
        assertThat(zh.select("#failed-step").text()).isEqualTo("保存发现与工单");
        assertThat(zh.select("#root-cause").text())
                .contains("OPS_TEST_NO_NEW_FINDINGS")
                .doesNotContain("PreparedStatementCallback");
        Document en = Jsoup.parse(page("/runs/" + failed + "?lang=en"));
        assertThat(en.select("#failed-step").text()).isEqualTo("Storing findings and tickets");

        mvc.perform(get("/api/runs/" + failed).with(as("auditor")))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failedStep").value("RECORD"));
        assertThat(samples(scrape(), "jicha_run_duration_seconds_count", "trigger=\"MANUAL\"", "outcome=\"FAILED\""))
                .singleElement()
                .satisfies(v -> assertThat(v).isGreaterThanOrEqualTo(1));
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url).with(as("supervisor")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
