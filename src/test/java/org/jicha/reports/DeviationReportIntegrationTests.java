package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.audit.SampleBatchExpectations;
import org.jicha.facts.SubjectType;
import org.jicha.ingest.BatchLoader;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UnitTree;
import org.jicha.people.UserAccounts;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.Severity;
import org.jicha.rules.TeamKind;
import org.jicha.rules.Theme;
import org.jicha.tickets.TicketStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The deviation and feedback reports on the sample batch, audited for 2026-09 (as of 2026-10-05) and 2026-10
 * (as of 2026-11-05). Every ratio is recounted here by hand: findings from {@code sample-data/expected/*.csv}
 * (not from the findings table), records and tickets by plain queries, and numerator and denominator compared.
 */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:reports;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviationReportIntegrationTests {

    static final String PERIOD = "2026-10";
    static final String SCRIPT_NAME = "<script>alert('x')</script>王五";

    @Autowired
    Clock clock;

    @Autowired
    BatchLoader loader;

    @Autowired
    AuditService audits;

    @Autowired
    ActiveRuleSet rules;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeviationReportService deviation;

    @Autowired
    FeedbackReportService feedback;

    @Autowired
    ReportRenderer renderer;

    @Autowired
    UserAccounts users;

    @Autowired
    UnitTree tree;

    @Autowired
    MockMvc mvc;

    RunView run;
    Set<String> expected;
    long overdueTicket;
    LocalDate overdueDue;

    static final Actor SUPERVISOR = new Actor("supervisor", Role.SUPERVISOR, null, null);

    @BeforeAll
    void auditTheSampleTwiceAndWorkSomeTickets() {
        assertThat(loader.load(SampleBatchExpectations.SAMPLE).rejections()).isEmpty();
        TicketTransitionsFixture.ensureTable(jdbc);
        audits.run(LocalDate.of(2026, 10, 5), RunTrigger.MANUAL);
        run = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        assertThat(run.auditedPeriod()).isEqualTo(PERIOD);
        expected = SampleBatchExpectations.expectedFor(rules.current().rules());

        // the workflow at work on the tickets of the 2026-10 findings (in their id order)
        List<Map<String, Object>> tickets = jdbc.queryForList(
                "SELECT t.id, t.due_on, t.customer_no FROM inspection_tickets t "
                        + "WHERE t.fingerprint IN (SELECT fingerprint FROM findings WHERE run_id = ?) ORDER BY t.id",
                run.id());
        long[] id = tickets.stream()
                .mapToLong(t -> ((Number) t.get("ID")).longValue())
                .toArray();
        LocalDate[] due = tickets.stream()
                .map(t -> ((Date) t.get("DUE_ON")).toLocalDate())
                .toArray(LocalDate[]::new);
        rectify(id[0], "VERIFIED", due[0].atTime(17, 0), "VERIFY"); // on the deadline: on time
        rectify(id[1], "VERIFIED", due[1].plusDays(1).atTime(9, 0), "VERIFY"); // a day late
        rectify(id[2], "CLOSED", due[2].minusDays(3).atTime(10, 0), "VERIFY"); // verified, then closed
        TicketTransitionsFixture.transition(jdbc, id[2], "CLOSE", "VERIFIED", "CLOSED", due[2].atTime(10, 0));
        rectify(id[3], "CLOSED", due[3].minusDays(1).atTime(2, 0), "AUTO_VERIFY"); // re-audit confirmed
        jdbc.update("UPDATE inspection_tickets SET status = 'FALSE_POSITIVE' WHERE id = ?", id[4]);
        jdbc.update("UPDATE inspection_tickets SET status = 'EXEMPTED' WHERE id = ?", id[5]);
        Map<String, Object> late = tickets.stream()
                .skip(6)
                .filter(t -> t.get("CUSTOMER_NO") != null)
                .findFirst()
                .orElseThrow();
        overdueTicket = ((Number) late.get("ID")).longValue();
        overdueDue = LocalDate.of(2026, 11, 2);
        jdbc.update("UPDATE inspection_tickets SET due_on = ? WHERE id = ?", overdueDue, overdueTicket);
        jdbc.update(
                "UPDATE customers SET customer_name = ? WHERE customer_no = ?", SCRIPT_NAME, late.get("CUSTOMER_NO"));

        // the sample archives nothing in 2026-10: archive two late applications (EXP-01 at QC01, EXP-06 at QC02) and
        // two on-time ones there (the findings are the run's, so moving the archive date changes only the period)
        List<String> onTime = jdbc.queryForList(
                "SELECT app_no FROM applications WHERE status = 'ARCHIVED' "
                        + "AND archived_at >= TIMESTAMP '2026-09-01 00:00:00' AND app_no <> 'YK20260803002' ORDER BY app_no "
                        + "FETCH FIRST 2 ROWS ONLY",
                String.class);
        for (String app : List.of("YK20260407001", "YK20260706003", onTime.get(0), onTime.get(1))) {
            jdbc.update("UPDATE applications SET archived_at = TIMESTAMP '2026-10-15 10:00:00' WHERE app_no = ?", app);
        }

        for (String[] u : new String[][] {
            {"supervisor", "SUPERVISOR", null},
            {"qc01sup", "SUPERVISOR", "QC01"},
            {"qc01re", "TEAM", "QC01RE"},
            {"qc02", "TEAM", "QC02"}
        }) {
            if (jdbc.queryForObject("SELECT COUNT(*) FROM app_users WHERE username = ?", Long.class, u[0]) == 0) {
                users.create(
                        Actor.SYSTEM,
                        new UserAccounts.NewUser(u[0], "jicha-demo", u[0], Role.valueOf(u[1]), u[2], null, false));
            }
        }
    }

    private void rectify(long ticket, String status, LocalDateTime at, String action) {
        jdbc.update("UPDATE inspection_tickets SET status = ? WHERE id = ?", status, ticket);
        TicketTransitionsFixture.transition(jdbc, ticket, action, "FEEDBACK_SUBMITTED", "VERIFIED", at);
    }

    // ---------------------------------------------------------------------------------------------- ratios

    @Test
    void everyRatioOfTheWholeCompanyMatchesACountByHand() {
        ReportDocument report = deviation.deviation(SUPERVISOR, PERIOD, null).document();
        Map<RatioKind, Ratio> byHand = byHand(null);
        System.out.println("Sample ratios 2026-10, whole company: " + byHand);
        assertRatios(report, byHand);
        assertThat(report.subtitle()).contains("#" + run.id()).contains("2026-11-05");
        assertThat(byHand.get(RatioKind.READING_ERROR).numerator()).isPositive();
        assertThat(byHand.get(RatioKind.TARIFF_CORRECT).numerator())
                .isLessThan(byHand.get(RatioKind.TARIFF_CORRECT).denominator());
        assertThat(byHand.get(RatioKind.EXPANSION_ON_TIME)).isEqualTo(new Ratio(2, 4));
        assertThat(byHand.get(RatioKind.RECTIFIED))
                .isEqualTo(new Ratio(4, byHand.get(RatioKind.RECTIFIED).denominator()));
        assertThat(byHand.get(RatioKind.RECTIFIED_ON_TIME).numerator()).isEqualTo(3);
    }

    @Test
    void aStationSeesOnlyItsOwnRecordsAndItsRatiosMatchACountByHand() {
        ReportDocument report = deviation.deviation(SUPERVISOR, PERIOD, "QC01").document();
        Map<RatioKind, Ratio> byHand = byHand("QC01");
        System.out.println("Sample ratios 2026-10, QC01: " + byHand);
        assertRatios(report, byHand);

        ReportDocument.Table units = table(report, "按单位");
        assertThat(units.rows())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(0)).isEqualTo("QC01"));
        ReportDocument.Table details = table(report, "问题明细");
        long qc01Expected =
                expected.stream().filter(l -> "QC01".equals(stationOf(l))).count();
        assertThat(details.rows()).hasSize((int) qc01Expected);
        ReportDocument.Table byRule = table(report, "按规则");
        assertThat(byRule.rows().stream()
                        .mapToLong(r -> ((Number) r.get(5)).longValue())
                        .sum())
                .isEqualTo(qc01Expected);

        // a supervisor bound to QC01 gets QC01 by default and cannot ask for QC02
        Actor bound = new Actor("qc01sup", Role.SUPERVISOR, "QC01", tree.subtree("QC01"));
        assertThat(deviation.deviation(bound, PERIOD, null).fileStem()).isEqualTo("稽查报告-2026-10-QC01");
        assertThatThrownBy(() -> deviation.deviation(bound, PERIOD, "QC02"))
                .isInstanceOf(ReportForbiddenException.class);
    }

    @Test
    void lastMonthAndTheTrendComeFromTheRunOfEachMonth() {
        ReportDocument report = deviation.deviation(SUPERVISOR, PERIOD, null).document();
        ReportDocument september =
                deviation.deviation(SUPERVISOR, "2026-09", null).document();
        for (int i = 0; i < RatioKind.values().length; i++) {
            assertThat(report.metrics().get(i).previous())
                    .as(report.metrics().get(i).label())
                    .isEqualTo(september.metrics().get(i).ratio());
        }
        assertThat(report.metrics().get(0).previous()).isNotNull();

        ReportDocument.Table trend = table(report, "趋势");
        assertThat(trend.rows()).hasSize(12);
        assertThat(trend.rows().get(0).get(0)).isEqualTo("2025-11");
        List<Object> last = trend.rows().get(11);
        assertThat(last.get(0)).isEqualTo(PERIOD);
        assertThat(last.get(1)).isEqualTo(run.id());
        assertThat(last.get(2)).isEqualTo(report.metrics().get(0).ratio());
        assertThat(trend.rows().get(10).get(2))
                .isEqualTo(september.metrics().get(0).ratio());
        assertThat(trend.rows().get(0).subList(1, 7))
                .as("no run in 2025-11: blank, not 0 %")
                .containsOnlyNulls();
    }

    @Test
    void findingsAreCountedByThemeRuleUnitAndPersonWithTopTensAndTheOverdueList() {
        ReportDocument report = deviation.deviation(SUPERVISOR, PERIOD, null).document();
        int total = expected.size();
        ReportDocument.Table themes = table(report, "按主题");
        assertThat(themes.rows().stream()
                        .mapToLong(r -> ((Number) r.get(2)).longValue())
                        .sum())
                .isEqualTo(total);
        long bil = expected.stream().filter(l -> l.startsWith("BIL-")).count();
        assertThat(themes.rows().get(0))
                .containsExactly(
                        "电价电费及抄核收",
                        "Tariffs, reading, billing, collection",
                        bil,
                        DeviationReportService.share(bil, total));

        ReportDocument.Table byRule = table(report, "按规则");
        Map<String, Long> perRule =
                expected.stream().collect(Collectors.groupingBy(l -> l.substring(0, 6), Collectors.counting()));
        assertThat(byRule.rows()).hasSize(perRule.size());
        assertThat(byRule.rows()).allSatisfy(r -> assertThat(r.get(5)).isEqualTo(perRule.get((String) r.get(0))));
        assertThat(byRule.rows().stream()
                        .filter(r -> r.get(0).equals("BIL-08"))
                        .findFirst()
                        .orElseThrow()
                        .get(1))
                .isEqualTo("电价类别错误");

        // persons: BIL-03 on a reading is the reader of that reading; BIL-08 on a bill its clerk
        ReportDocument.Table details = table(report, "问题明细");
        String reader = jdbc.queryForObject(
                "SELECT r.reader_id || ' ' || s.name FROM readings r JOIN staff s "
                        + "ON s.staff_id = r.reader_id WHERE r.meter_id = '33010001281' AND r.period = '2026-10'",
                String.class);
        assertThat(detail(details, "BIL-03", "33010001281:2026-10").get(9)).isEqualTo(reader);
        String clerk = jdbc.queryForObject(
                "SELECT b.clerk_id || ' ' || s.name FROM bills b JOIN staff s "
                        + "ON s.staff_id = b.clerk_id WHERE b.bill_no = 'DF2026103101000126'",
                String.class);
        assertThat(detail(details, "BIL-08", "DF2026103101000126").get(9)).isEqualTo(clerk);
        String inspector = jdbc.queryForObject(
                "SELECT s.staff_id || ' ' || s.name FROM inspections i JOIN staff s "
                        + "ON i.inspector_ids LIKE s.staff_id || '%' WHERE i.inspection_no = 'JC20261009001'",
                String.class);
        assertThat(detail(details, "INS-07", "JC20261009001").get(9)).isEqualTo(inspector);
        String handler = jdbc.queryForObject(
                "SELECT s.handler_id || ' ' || st.name FROM application_steps s JOIN staff st "
                        + "ON st.staff_id = s.handler_id WHERE s.app_no = 'YK20260706001' ORDER BY s.started_at DESC "
                        + "FETCH FIRST 1 ROWS ONLY",
                String.class);
        assertThat(detail(details, "BUS-01", "YK20260706001").get(9)).isEqualTo(handler);

        ReportDocument.Table persons = table(report, "按人员");
        assertThat(persons.rows().stream()
                        .mapToLong(r -> ((Number) r.get(3)).longValue())
                        .sum())
                .isEqualTo(total);
        ReportDocument.Table topPersons = table(report, "人员前十");
        assertThat(topPersons.rows()).hasSizeLessThanOrEqualTo(10).isNotEmpty();
        assertThat(topPersons.rows().get(0).get(0)).isEqualTo(1);
        ReportDocument.Table topUnits = table(report, "单位前十");
        assertThat(topUnits.rows()).hasSize(10);
        List<Long> counts = topUnits.rows().stream()
                .map(r -> ((Number) r.get(4)).longValue())
                .toList();
        assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        ReportDocument.Table overdue = table(report, "超期工单");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        assertThat(overdue.rows()).hasSize(1);
        List<Object> row = overdue.rows().get(0);
        assertThat(row.get(0)).isEqualTo(overdueTicket);
        assertThat(row.get(5)).isEqualTo(SCRIPT_NAME);
        assertThat(row.get(7)).isEqualTo(overdueDue);
        assertThat(row.get(8)).isEqualTo(rules.current().calendar().workingDaysBetween(overdueDue, today));
    }

    @Test
    void withoutACompletedRunOfThePeriodTheReportSaysSo() {
        assertThatThrownBy(() -> deviation.deviation(SUPERVISOR, "2025-01", null))
                .isInstanceOf(NoCompletedRunException.class)
                .hasMessageContaining("2025-01");
    }

    // ---------------------------------------------------------------------------------------------- feedback

    @Test
    void aTeamsFeedbackListsItsTicketsWithWhyAndHowAndComparesItsRatiosWithItsStation() {
        Actor team = new Actor("qc01re", Role.TEAM, "QC01RE", tree.subtree("QC01RE"));
        GeneratedReport report = feedback.feedback(team, PERIOD, "QC01RE");
        assertThat(report.fileStem()).isEqualTo("信息反馈-2026-10-QC01RE");
        ReportDocument doc = report.document();
        assertThat(doc.metrics())
                .extracting(ReportDocument.Metric::label)
                .containsExactly(
                        RatioKind.READING_ERROR.label(),
                        RatioKind.RECTIFIED.label(),
                        RatioKind.RECTIFIED_ON_TIME.label());

        List<Long> ticketIds = jdbc.queryForList(
                "SELECT id FROM inspection_tickets WHERE team_unit_code = 'QC01RE' " + "ORDER BY id", Long.class);
        ReportDocument.Table tickets = table(doc, "工单");
        assertThat(tickets.rows()).extracting(r -> (Long) r.get(0)).containsExactlyInAnyOrderElementsOf(ticketIds);
        assertThat(tickets.rows()).allSatisfy(r -> {
            assertThat((String) r.get(7)).as("evidence").isNotBlank();
            assertThat((String) r.get(8)).as("why").contains("依据");
            assertThat((String) r.get(8))
                    .as("why in words, no parameter key")
                    .doesNotContainPattern("(BIL|BUS|INS|MET|EXP|IMP)(-\\d{2})?\\.[a-z]\\w+");
            assertThat((String) r.get(9)).as("remedy").isNotBlank();
            assertThat(r.get(10)).as("deadline").isInstanceOf(LocalDate.class);
        });

        // the team's 抄表差错率: its station's meters, findings routed to it; here every READING ticket of QC01
        Map<RatioKind, Ratio> station = byHand("QC01");
        ReportDocument.Metric reading = doc.metrics().get(0);
        assertThat(new Ratio(reading.numerator(), reading.denominator()))
                .isEqualTo(station.get(RatioKind.READING_ERROR));
        ReportDocument.Table comparison = table(doc, "指标对比");
        assertThat(comparison.rows().get(0).subList(5, 7))
                .containsExactly(
                        station.get(RatioKind.READING_ERROR).numerator(),
                        station.get(RatioKind.READING_ERROR).denominator());
        long teamTickets = jdbc.queryForObject(
                "SELECT COUNT(*) FROM inspection_tickets WHERE team_unit_code = 'QC01RE' "
                        + "AND status NOT IN ('FALSE_POSITIVE', 'EXEMPTED') AND fingerprint IN (SELECT fingerprint FROM findings "
                        + "WHERE run_id = ?)",
                Long.class,
                run.id());
        assertThat(doc.metrics().get(1).denominator()).isEqualTo(teamTickets);
        assertThat(comparison.rows().get(1).get(6))
                .isEqualTo(station.get(RatioKind.RECTIFIED).denominator());
        assertThat(doc.metrics().get(0).previous())
                .as("last month's run exists")
                .isNotNull();
    }

    @Test
    void aTeamUserCannotReadAnotherStationsFeedbackNorTheDeviationReport() throws Exception {
        mvc.perform(get("/api/reports/feedback")
                        .param("period", PERIOD)
                        .param("team", "QC01RE")
                        .with(httpBasic("qc02", "jicha-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/feedback")
                        .param("period", PERIOD)
                        .param("team", "QC02RE")
                        .with(httpBasic("qc02", "jicha-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.containsString("QC02RE")));
        mvc.perform(get("/api/reports/deviation").param("period", PERIOD).with(httpBasic("qc01re", "jicha-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("unit", "QC02")
                        .with(httpBasic("qc01sup", "jicha-demo")))
                .andExpect(status().isForbidden());
    }

    // ---------------------------------------------------------------------------------------------- API

    @Test
    void theApiAnswersJsonAndNamesBadParameters() throws Exception {
        mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("unit", "QC01")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.metrics[0].label").value(RatioKind.READING_ERROR.label()))
                .andExpect(jsonPath("$.metrics[4].denominator").isNumber());
        mvc.perform(get("/api/reports/deviation")
                        .param("period", "2026-13")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("period"));
        mvc.perform(get("/api/reports/deviation").param("period", "202610").with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("period")));
        mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("unit", "NOPE")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("unit"));
        mvc.perform(get("/api/reports/feedback")
                        .param("period", PERIOD)
                        .param("team", "QC01")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("team"));
        mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("format", "doc")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parameter").value("format"));
        mvc.perform(get("/api/reports/deviation")
                        .param("period", "2025-01")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/deviation").param("period", PERIOD)).andExpect(status().isUnauthorized());
    }

    @Test
    void theXlsxExportHasNamedSheetsFrozenFilteredHeadersAndPercentFormats() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("unit", "QC01")
                        .param("format", "xlsx")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn();
        String disposition = result.getResponse().getHeader("Content-Disposition");
        assertThat(disposition)
                .as("a readable ASCII name for curl -OJ and old clients, the UTF-8 one per RFC 5987")
                .startsWith("attachment; filename=\"deviation-report-2026-10-QC01.xlsx\"; ")
                .contains("filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("稽查报告-2026-10-QC01.xlsx");
        assertThat(result.getResponse().getContentType()).startsWith(ReportFormat.XLSX.mediaType());

        try (XSSFWorkbook wb =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("概要", "按主题", "按规则", "按单位", "按人员", "单位前十", "人员前十", "趋势", "超期工单", "问题明细");
            XSSFSheet summary = wb.getSheet("概要");
            assertThat(summary.getRow(4).getCell(0).getStringCellValue()).isEqualTo(RatioKind.READING_ERROR.label());
            assertThat(summary.getRow(4).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
            for (String name : List.of("按规则", "趋势", "问题明细")) {
                XSSFSheet sheet = wb.getSheet(name);
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                        .as(name)
                        .isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().getAutoFilter()).as(name).isNotNull();
            }
            assertThat(wb.getSheet("按规则").getRow(1).getCell(6).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
            assertThat(wb.getSheet("趋势").getRow(12).getCell(2).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
        }
    }

    @Test
    void thePdfExportKeepsItsChineseAndPrintsAScriptNameAsText() throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine (.ci/run installs fonts-wqy-zenhei)");
        MvcResult result = mvc.perform(get("/api/reports/deviation")
                        .param("period", PERIOD)
                        .param("format", "pdf")
                        .with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .contains("filename*=UTF-8''" + URLEncoder.encode("稽查报告-2026-10", StandardCharsets.UTF_8));
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            // table cells wrap their text over lines
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text)
                    .contains(
                            "稽查报告", "抄表差错率", "电价执行正确率", "业扩时限达标率", "按期整改率", "超期未整改工单", "<script>alert('x')</script>王五");
        }
        mvc.perform(get("/api/reports/deviation").param("period", PERIOD).with(httpBasic("supervisor", "jicha-demo")))
                .andExpect(jsonPath("$.tables[7].rows[0][5]").value(SCRIPT_NAME));
    }

    @Test
    void theFeedbackExportsAsPdfForTheTeamItself() throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine");
        MvcResult result = mvc.perform(get("/api/reports/feedback")
                        .param("period", PERIOD)
                        .param("team", "QC01RE")
                        .param("format", "pdf")
                        .with(httpBasic("qc01re", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn();
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", ""))
                    .contains("信息反馈", "如何整改", "青川县城关供电所抄表班");
        }
    }

    // ---------------------------------------------------------------------------------------------- print

    @Test
    void eachReportPrintsEveryCellOfEveryTableWithinTheMarginsWithHeadersOnEachPage() throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine (.ci/run installs fonts-wqy-zenhei)");
        ReportDocument company = deviation.deviation(SUPERVISOR, PERIOD, null).document();
        ReportDocument team = feedback.feedback(SUPERVISOR, PERIOD, "QC01RE").document();
        for (ReportDocument report : List.of(company, team)) {
            PdfPages pdf = PdfPages.read(renderer.render(report, ReportFormat.PDF));
            assertThat(pdf.pages).as(report.title()).hasSizeGreaterThanOrEqualTo(2);
            pdf.assertPrints(report);
        }
        // what was lost before: the feedback's deadline and status, the findings' titles across, not down
        ReportDocument.Table tickets = table(team, "工单");
        PdfPages pdf = PdfPages.read(renderer.render(team, ReportFormat.PDF));
        assertThat(pdf.text()).contains("整改期限/Due", "状态/Status");
        assertThat(tickets.rows()).isNotEmpty();
        ReportDocument.Table details = table(company, "问题明细");
        String longest = details.rows().stream()
                .map(r -> (String) r.get(1))
                .max(Comparator.comparingInt(String::length))
                .orElseThrow();
        assertThat(PdfPages.read(renderer.render(company, ReportFormat.PDF)).pages)
                .as("the longest title on one line or two, not one character a line")
                .anySatisfy(p -> assertThat(p.text()).contains(PdfPages.compact(longest)));
    }

    @Test
    void askedInEnglishTheReportsWordsAreEnglish() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/feedback")
                        .param("period", PERIOD)
                        .param("team", "QC01RE")
                        .param("lang", "en")
                        .with(httpBasic("qc01re", "jicha-demo")))
                .andExpect(status().isOk())
                .andReturn();
        String json = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"Major\"").doesNotContain("\"重要\"", "\"已派发\"", "\"抄表记录\"");
        ReportDocument english =
                feedback.feedback(SUPERVISOR, PERIOD, "QC01RE", Locale.ENGLISH).document();
        ReportDocument.Table tickets = table(english, "工单");
        assertThat(tickets.rows()).allSatisfy(r -> {
            String code = (String) r.get(1);
            assertThat(r.get(2))
                    .isEqualTo(rules.current().rule(code).orElseThrow().titleEn());
            assertThat((String) r.get(11)).doesNotContainPattern("\\p{IsHan}");
        });
        if (CjkFont.find().isPresent()) {
            try (PDDocument pdf = Loader.loadPDF(renderer.render(english, ReportFormat.PDF, Locale.ENGLISH))) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("Page 1 of", "Numerator");
            }
        }
    }

    /** The product's enums a report shows; a constant name printed as a whole word is a code, not a word. */
    static final List<Class<? extends Enum<?>>> SHOWN =
            List.of(Severity.class, TicketStatus.class, TeamKind.class, Theme.class, SubjectType.class);

    @Test
    void theChineseXlsxAndPdfShowNoEnumConstant() throws Exception {
        Actor team = new Actor("qc01re", Role.TEAM, "QC01RE", tree.subtree("QC01RE"));
        List<ReportDocument> reports = List.of(
                deviation.deviation(SUPERVISOR, PERIOD, null).document(),
                feedback.feedback(team, PERIOD, "QC01RE").document());
        for (ReportDocument report : reports) {
            StringBuilder xlsx = new StringBuilder();
            try (XSSFWorkbook wb =
                    new XSSFWorkbook(new ByteArrayInputStream(renderer.render(report, ReportFormat.XLSX)))) {
                for (var sheet : wb) {
                    for (var row : sheet) {
                        for (var cell : row) {
                            if (cell.getCellType() == CellType.STRING
                                    && !isEvidence(sheet.getRow(0).getCell(cell.getColumnIndex()))) {
                                xlsx.append(cell.getStringCellValue()).append('\n');
                            }
                        }
                    }
                }
            }
            assertNoEnumConstant(report.title() + " (XLSX)", xlsx.toString());
            if (CjkFont.find().isPresent()) {
                ReportDocument withoutEvidence = withoutEvidence(report);
                try (PDDocument pdf = Loader.loadPDF(renderer.render(withoutEvidence, ReportFormat.PDF))) {
                    assertNoEnumConstant(report.title() + " (PDF)", new PDFTextStripper().getText(pdf));
                }
            }
        }
    }

    /**
     * The evidence a rule writes is the rules' text (they quote the stored value, e.g. a read type), not a label
     * of the report's own; every other cell is the report's.
     */
    private static boolean isEvidence(Cell header) {
        return header != null
                && header.getCellType() == CellType.STRING
                && header.getStringCellValue().contains("Evidence");
    }

    private static ReportDocument withoutEvidence(ReportDocument report) {
        List<ReportDocument.Table> tables = new ArrayList<>();
        for (ReportDocument.Table t : report.tables()) {
            List<Integer> keep = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                if (!t.columns().get(c).header().contains("Evidence")) {
                    keep.add(c);
                }
            }
            tables.add(new ReportDocument.Table(
                    t.sheetName(),
                    t.title(),
                    keep.stream().map(t.columns()::get).toList(),
                    t.rows().stream()
                            .map(r -> keep.stream()
                                    .map(c -> c < r.size() ? r.get(c) : null)
                                    .collect(Collectors.toList()))
                            .toList()));
        }
        return new ReportDocument(report.title(), report.subtitle(), report.metrics(), tables);
    }

    private static void assertNoEnumConstant(String what, String text) {
        for (Class<? extends Enum<?>> type : SHOWN) {
            for (Enum<?> constant : type.getEnumConstants()) {
                assertThat(text)
                        .as("%s shows %s.%s", what, type.getSimpleName(), constant.name())
                        .doesNotContainPattern("(?<![A-Za-z0-9_-])" + constant.name() + "(?![A-Za-z0-9_-])");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- by hand

    private void assertRatios(ReportDocument report, Map<RatioKind, Ratio> byHand) {
        for (RatioKind kind : RatioKind.values()) {
            ReportDocument.Metric m = report.metrics().stream()
                    .filter(x -> x.label().equals(kind.label()))
                    .findFirst()
                    .orElseThrow();
            assertThat(new Ratio(m.numerator(), m.denominator()))
                    .as(kind.label())
                    .isEqualTo(byHand.get(kind));
            assertThat(m.definition()).as(kind.label()).isEqualTo(kind.definition());
        }
    }

    /** Every ratio of 2026-10 counted from the expected findings, the records and the tickets. */
    private Map<RatioKind, Ratio> byHand(String station) {
        Map<String, String> stationOfCustomer = new HashMap<>();
        jdbc.query("SELECT customer_no, station_code FROM customers", rs -> {
            stationOfCustomer.put(rs.getString(1), rs.getString(2));
        });
        Map<String, String> customerOfMeter = new HashMap<>();
        jdbc.query("SELECT meter_id, customer_no FROM meters", rs -> {
            customerOfMeter.put(rs.getString(1), rs.getString(2));
        });
        Predicate<String> inScope = c -> station == null || station.equals(stationOfCustomer.get(c));
        Set<String> readingRules = codes(TeamKind.READING);
        Set<String> billingRules = codes(TeamKind.BILLING);
        Map<RatioKind, Ratio> result = new LinkedHashMap<>();

        // 抄表差错率
        Set<String> due = new HashSet<>(
                jdbc.queryForList("SELECT meter_id FROM readings WHERE period = ?", String.class, PERIOD));
        expected.stream().filter(l -> l.startsWith("BIL-01,METER,")).forEach(l -> due.add(l.split(",")[2]));
        due.removeIf(m -> !inScope.test(customerOfMeter.get(m)));
        Set<String> wrongMeters = new HashSet<>();
        for (String line : expected) {
            String[] f = line.split(",");
            if (!readingRules.contains(f[0])) {
                continue;
            }
            switch (f[1]) {
                case "METER" -> wrongMeters.add(f[2]);
                case "READING" -> wrongMeters.add(f[2].substring(0, f[2].indexOf(':')));
                default ->
                    wrongMeters.addAll(customerOfMeter.entrySet().stream()
                            .filter(e -> e.getValue().equals(customerOf(f[1], f[2], customerOfMeter)))
                            .map(Map.Entry::getKey)
                            .toList());
            }
        }
        wrongMeters.retainAll(due);
        result.put(RatioKind.READING_ERROR, new Ratio(wrongMeters.size(), due.size()));

        // 电价执行正确率
        Map<String, String> bills = new HashMap<>();
        jdbc.query(
                "SELECT bill_no, customer_no FROM bills WHERE period = ?",
                rs -> {
                    if (inScope.test(rs.getString(2))) {
                        bills.put(rs.getString(1), rs.getString(2));
                    }
                },
                PERIOD);
        Set<String> wrongBills = new HashSet<>();
        for (String line : expected) {
            String[] f = line.split(",");
            if (!billingRules.contains(f[0])) {
                continue;
            }
            if (f[1].equals("BILL")) {
                if (bills.containsKey(f[2])) {
                    wrongBills.add(f[2]);
                }
            } else {
                String customer = customerOf(f[1], f[2], customerOfMeter);
                bills.forEach((bill, c) -> {
                    if (c.equals(customer)) {
                        wrongBills.add(bill);
                    }
                });
            }
        }
        result.put(RatioKind.TARIFF_CORRECT, new Ratio(bills.size() - wrongBills.size(), bills.size()));

        // 业扩时限达标率
        Set<String> archived = new HashSet<>(jdbc.queryForList(
                "SELECT app_no FROM applications WHERE status = 'ARCHIVED' "
                        + "AND archived_at >= TIMESTAMP '2026-10-01 00:00:00' AND archived_at < TIMESTAMP '2026-11-01 00:00:00'"
                        + (station == null ? "" : " AND station_code = '" + station + "'"),
                String.class));
        long late = expected.stream()
                .map(l -> l.split(","))
                .filter(f -> RatioKind.TIME_LIMIT_RULES.contains(f[0])
                        && f[1].equals("APPLICATION")
                        && archived.contains(f[2]))
                .map(f -> f[2])
                .distinct()
                .count();
        result.put(RatioKind.EXPANSION_ON_TIME, new Ratio(archived.size() - late, archived.size()));

        // 整改率, 按期整改率: the tickets of the expected findings of 2026-10
        Map<Long, LocalDate> verifiedOn = new HashMap<>();
        jdbc.query("SELECT ticket_id, action, at FROM ticket_transitions", rs -> {
            if (Set.of("VERIFY", "AUTO_VERIFY").contains(rs.getString(2))) {
                LocalDate d = rs.getTimestamp(3).toLocalDateTime().toLocalDate();
                verifiedOn.merge(rs.getLong(1), d, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        long denominator = 0;
        long rectified = 0;
        long onTime = 0;
        for (Map<String, Object> t :
                jdbc.queryForList("SELECT id, rule_code, subject_type, subject_id, period, status, "
                        + "due_on, station_code, team_unit_code, last_seen_run_id FROM inspection_tickets")) {
            String key = t.get("RULE_CODE") + "," + t.get("SUBJECT_TYPE") + "," + t.get("SUBJECT_ID");
            // seen by the run, and one of the findings it must raise (a 2026-09 bill's BIL-15 included)
            boolean ofTheRun = expected.contains(key) && ((Number) t.get("LAST_SEEN_RUN_ID")).longValue() == run.id();
            boolean scoped = station == null
                    || station.equals(t.get("STATION_CODE"))
                    || String.valueOf(t.get("TEAM_UNIT_CODE")).startsWith(station);
            String status = (String) t.get("STATUS");
            if (!ofTheRun || !scoped || status.equals("FALSE_POSITIVE") || status.equals("EXEMPTED")) {
                continue;
            }
            denominator++;
            if (status.equals("VERIFIED") || status.equals("CLOSED")) {
                rectified++;
                LocalDate v = verifiedOn.get(((Number) t.get("ID")).longValue());
                if (v != null && !v.isAfter(((Date) t.get("DUE_ON")).toLocalDate())) {
                    onTime++;
                }
            }
        }
        result.put(RatioKind.RECTIFIED, new Ratio(rectified, denominator));
        result.put(RatioKind.RECTIFIED_ON_TIME, new Ratio(onTime, denominator));
        return result;
    }

    private String customerOf(String subjectType, String subjectId, Map<String, String> customerOfMeter) {
        return switch (subjectType) {
            case "CUSTOMER" -> subjectId;
            case "METER" -> customerOfMeter.get(subjectId);
            case "READING" -> customerOfMeter.get(subjectId.substring(0, subjectId.indexOf(':')));
            case "BILL" ->
                jdbc.queryForObject("SELECT customer_no FROM bills WHERE bill_no = ?", String.class, subjectId);
            case "APPLICATION" ->
                jdbc.queryForObject("SELECT customer_no FROM applications WHERE app_no = ?", String.class, subjectId);
            case "INSPECTION" ->
                jdbc.queryForObject(
                        "SELECT customer_no FROM inspections WHERE inspection_no = ?", String.class, subjectId);
            default -> throw new IllegalArgumentException(subjectType);
        };
    }

    private String stationOf(String expectedLine) {
        String[] f = expectedLine.split(",");
        Map<String, String> meters = new HashMap<>();
        jdbc.query("SELECT meter_id, customer_no FROM meters", rs -> {
            meters.put(rs.getString(1), rs.getString(2));
        });
        if (f[1].equals("APPLICATION")) {
            return jdbc.queryForObject("SELECT station_code FROM applications WHERE app_no = ?", String.class, f[2]);
        }
        String customer = customerOf(f[1], f[2], meters);
        return jdbc.queryForObject("SELECT station_code FROM customers WHERE customer_no = ?", String.class, customer);
    }

    private Set<String> codes(TeamKind kind) {
        return rules.current().rules().stream()
                .filter(r -> r.teamKind() == kind)
                .map(RuleMeta::code)
                .collect(Collectors.toSet());
    }

    private static ReportDocument.Table table(ReportDocument report, String sheet) {
        return report.tables().stream()
                .filter(t -> t.sheetName().equals(sheet))
                .findFirst()
                .orElseThrow();
    }

    private static List<Object> detail(ReportDocument.Table details, String rule, String subject) {
        return details.rows().stream()
                .filter(r -> r.get(0).equals(rule) && r.get(4).equals(subject))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no detail row " + rule + " " + subject));
    }
}
