package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunTrigger;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UserAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quartz.CronTrigger;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The monthly feedback job: on the 2nd it archives every team's feedback report of the month before as XLSX and
 * PDF, records each file, announces it for mail, and does the same again without duplicates when re-run.
 * A one-station organisation with a reading gone backwards (BIL-03), audited as of 2026-11-05.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:reportarchive;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.reports.archive-dir=target/report-archive-test"
        })
@AutoConfigureMockMvc
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportArchiveIntegrationTests {

    static final Path ARCHIVE = Path.of("target/report-archive-test");

    /** 08:00 on 2 November 2026 in Shanghai: the job reports on October. */
    @TestConfiguration
    static class SecondOfNovember {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditService audits;

    @Autowired
    ReportArchive archive;

    @Autowired
    UserAccounts users;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("monthlyFeedbackTrigger")
    Trigger trigger;

    @BeforeAll
    void oneStationAudited() throws IOException {
        if (Files.exists(ARCHIVE)) {
            try (Stream<Path> files = Files.walk(ARCHIVE)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), ('ST01', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST01-READ', '城关抄表班', 'ST01', 'TEAM', 'READING'), "
                + "('ST01-METER', '城关计量班', 'ST01', 'TEAM', 'METERING')");
        jdbc.update(
                "INSERT INTO tariffs (tariff_code, valid_from, tariff_name, customer_category, voltage_kv, energy_price, "
                        + "tier1_limit_kwh, tier2_limit_kwh, tier2_price, tier3_price) VALUES "
                        + "('RES-T', DATE '2024-01-01', '居民阶梯电价', 'RESIDENTIAL', 0.22, 0.5283, 230, 400, 0.5783, 0.8283)");
        jdbc.update(
                "INSERT INTO customers (customer_no, customer_name, category, voltage_kv, tariff_code, contract_kva, "
                        + "status, station_code, reading_day, opened_on) VALUES ('C1', '<b>张三</b>', 'RESIDENTIAL', 0.22, 'RES-T', 8, "
                        + "'ACTIVE', 'ST01', 1, DATE '2020-03-01')");
        jdbc.update(
                "INSERT INTO meters (meter_id, customer_no, meter_kind, metering_class, accuracy_class, multiplier, "
                        + "installed_on, status) VALUES ('M1', 'C1', 'SMART_SINGLE', 'V', '2', 1, DATE '2020-03-01', 'IN_SERVICE')");
        jdbc.update("INSERT INTO readings (meter_id, period, read_on, previous_value, current_value, multiplier, "
                + "consumption_kwh, read_type) VALUES ('M1', '2026-09', DATE '2026-10-01', 100, 200, 1, 100, 'REMOTE'), "
                + "('M1', '2026-10', DATE '2026-11-01', 200, 150, 1, 0, 'REMOTE')");
        audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        users.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser("st01read", "jicha-demo", "抄表班", Role.TEAM, "ST01-READ", null, false));
    }

    @Test
    void theJobArchivesEveryTeamsFeedbackOfLastMonthOnceAndOverwritesItWhenRerun(ApplicationEvents events)
            throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine (.ci/run installs fonts-wqy-zenhei)");
        List<ArchivedReport> first = archive.archivePreviousMonth();

        assertThat(first).extracting(ArchivedReport::period).containsOnly("2026-10");
        assertThat(first)
                .extracting(r -> r.unitCode() + " " + r.format())
                .containsExactlyInAnyOrder("ST01-METER XLSX", "ST01-METER PDF", "ST01-READ XLSX", "ST01-READ PDF");
        Path xlsx = ARCHIVE.resolve("2026-10").resolve("ST01-READ").resolve("信息反馈-2026-10-ST01-READ.xlsx");
        Path pdf = ARCHIVE.resolve("2026-10").resolve("ST01-READ").resolve("信息反馈-2026-10-ST01-READ.pdf");
        assertThat(xlsx).isRegularFile();
        assertThat(pdf).isRegularFile();
        ArchivedReport readXlsx = first.stream()
                .filter(r -> r.unitCode().equals("ST01-READ") && r.format().equals("XLSX"))
                .findFirst()
                .orElseThrow();
        assertThat(readXlsx.sha256()).isEqualTo(ReportArchive.sha256(Files.readAllBytes(xlsx)));
        assertThat(events.stream(FeedbackReportArchived.class))
                .extracting(FeedbackReportArchived::teamUnitCode)
                .containsExactlyInAnyOrder("ST01-METER", "ST01-READ");
        assertThat(events.stream(FeedbackReportArchived.class)
                        .filter(e -> e.teamUnitCode().equals("ST01-READ"))
                        .findFirst()
                        .orElseThrow()
                        .paths())
                .containsExactly(xlsx, pdf);

        List<ArchivedReport> again = archive.archiveFeedback(YearMonth.of(2026, 10));
        assertThat(again)
                .extracting(ArchivedReport::id)
                .containsExactlyInAnyOrderElementsOf(
                        first.stream().map(ArchivedReport::id).toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_archive", Long.class))
                .isEqualTo(4);
        try (Stream<Path> files = Files.list(xlsx.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("信息反馈-2026-10-ST01-READ.xlsx", "信息反馈-2026-10-ST01-READ.pdf");
        }

        mvc.perform(get("/api/reports/archive").with(httpBasic("st01read", "jicha-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].unitCode").value("ST01-READ"));

        // in the browser: the reports page links each archived file; the team downloads its own, not another's
        users.create(
                Actor.SYSTEM,
                new UserAccounts.NewUser("st01meter", "jicha-demo", "计量班", Role.TEAM, "ST01-METER", null, false));
        String page = mvc.perform(get("/reports").param("period", "2026-10").with(httpBasic("st01read", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("/api/reports/archive/" + readXlsx.id())
                .contains("信息反馈-2026-10-ST01-READ.xlsx")
                .contains("城关抄表班");
        MvcResult download = mvc.perform(
                        get("/api/reports/archive/" + readXlsx.id()).with(httpBasic("st01read", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(xlsx));
        assertThat(download.getResponse().getContentType()).startsWith(ReportFormat.XLSX.mediaType());
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"feedback-report-2026-10-ST01-READ.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode("信息反馈", StandardCharsets.UTF_8) + "-2026-10-ST01-READ.xlsx");
        mvc.perform(get("/api/reports/archive/" + readXlsx.id()).with(httpBasic("st01meter", "jicha-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/archive/999999").with(httpBasic("st01read", "jicha-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/archive/" + readXlsx.id())).andExpect(status().isUnauthorized());
    }

    @Test
    void aMonthWithoutACompletedRunArchivesNothing() {
        assertThat(archive.archiveFeedback(YearMonth.of(2026, 8))).isEmpty();
    }

    @Test
    void theJobRunsAt0600OnTheSecondOfEachMonthShanghaiTime() {
        assertThat(trigger).isInstanceOf(CronTrigger.class);
        assertThat(((CronTrigger) trigger).getCronExpression()).isEqualTo("0 0 6 2 * ?");
        assertThat(((CronTrigger) trigger).getTimeZone()).isEqualTo(TimeZone.getTimeZone("Asia/Shanghai"));
    }
}
