package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.reports.DeviationReportService;
import org.jicha.rules.ActiveRuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One rule cannot stop the night (issue 11): the rules in force are the shipped ones plus MET-99, which divides
 * by the customer's contract kVA and so throws on a customer whose contract kVA is 0. Such a run stores every
 * other finding and ticket (BIL-01, MET-06, MET-99 elsewhere), completes with errors listing MET-99's subjects,
 * leaves MET-99's open tickets alone when it marks what it no longer sees, is no base for an incremental run,
 * and is still the run reports rest on; a partitioned run and the impact preview do the same.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:rule-errors;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
            "spring.quartz.auto-startup=false",
            "jicha.rules.watch=false",
            "jicha.audit.max-errors-per-rule=1"
        })
@AutoConfigureMockMvc
@WithMockUser(username = "auditor", roles = "AUDITOR")
class RuleErrorRunIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    private static final String THROWING_FILE = "met/zz-per-kva.drl";

    @TempDir
    static Path rules;

    /** Records the partitions handed to it; the test runs them. */
    @TestConfiguration
    static class RecordingLauncher {

        static final List<long[]> LAUNCHED = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        PartitionLauncher recordingPartitionLauncher() {
            return (runId, partNo) -> LAUNCHED.add(new long[] {runId, partNo});
        }
    }

    @Autowired
    AuditService audits;

    @Autowired
    PartitionedAudits partitioned;

    @Autowired
    ImpactPreview preview;

    @Autowired
    ActiveRuleSet active;

    @Autowired
    DeviationReportService reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void rulesWithAThrowingRule(DynamicPropertyRegistry registry) throws IOException {
        Path shipped = Path.of("rules");
        try (Stream<Path> walk = Files.walk(shipped)) {
            for (Path source : walk.toList()) {
                Path target = rules.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.writeString(rules.resolve(THROWING_FILE), """
                package jicha.test;

                import org.jicha.facts.CustomerFact;

                global org.jicha.facts.AuditContext ctx;
                global org.jicha.rules.RuleParameters params;
                global org.jicha.rules.FindingCollector findings;

                function int perKva(int total, double kva) {
                    return total / (int) kva;
                }

                rule "MET-99 每千伏安（测试）"
                    @code("MET-99") @theme("MET") @title("每千伏安（测试）") @titleEn("Per kVA (test)")
                    @severity("MINOR") @teamKind("METERING") @rectifyDays(5) @basis("[I] test") @remedy("test")
                when
                    $c : CustomerFact( perKva(800, contractKva) > 0 )
                then
                    findings.raise(drools, $c, "每千伏安 " + perKva(800, $c.getContractKva()));
                end
                """, StandardCharsets.UTF_8);
        registry.add("jicha.rules.dir", () -> rules.toString());
    }

    @BeforeEach
    void world() {
        RecordingLauncher.LAUNCHED.clear();
        StoredWorld.reset(jdbc)
                // C001: misses its October reading (BIL-01)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                // C002: meter past its rotation date (MET-06)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700)
                // C003: misses its October reading (BIL-01)
                .customer("C003")
                .meter("M003", "C003", LocalDate.of(2030, 1, 1))
                .reading("M003", "2026-09", 10, 20);
    }

    private void contractKvaZero(String... customers) {
        for (String c : customers) {
            jdbc.update("UPDATE customers SET contract_kva = 0 WHERE customer_no = ?", c);
        }
    }

    private List<String> tickets() {
        return jdbc
                .queryForList("SELECT rule_code, subject_id, status, not_detected_since_run_id FROM inspection_tickets "
                        + "ORDER BY rule_code, subject_id")
                .stream()
                .map(t -> t.get("RULE_CODE") + " " + t.get("SUBJECT_ID") + " " + t.get("STATUS") + " "
                        + t.get("NOT_DETECTED_SINCE_RUN_ID"))
                .toList();
    }

    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(rules.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void aRuleThrowingOnTwoCustomersCostsOnlyThatRuleThereAndTheRunCompletesWithErrors() throws IOException {
        contractKvaZero("C002", "C003");

        RunView run = audits.get(audits.run(AS_OF, RunTrigger.MANUAL).id());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(run.findingsPerRule())
                .containsEntry("BIL-01", 2L)
                .containsEntry("MET-06", 1L)
                .containsEntry("MET-99", 1L);
        assertThat(tickets())
                .containsExactly(
                        "BIL-01 M001 DISPATCHED null",
                        "BIL-01 M003 DISPATCHED null",
                        "MET-06 M002 DISPATCHED null",
                        "MET-99 C001 DISPATCHED null");
        assertThat(run.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleCode()).isEqualTo("MET-99");
            assertThat(e.title()).isEqualTo("每千伏安（测试）");
            assertThat(e.location()).isEqualTo(THROWING_FILE + ":" + lineOf(THROWING_FILE, "rule \"MET-99"));
            assertThat(e.count()).as("both customers counted").isEqualTo(2);
            assertThat(e.first())
                    .as("jicha.audit.max-errors-per-rule=1")
                    .singleElement()
                    .satisfies(o -> {
                        assertThat(o.subject()).isEqualTo("CUSTOMER:C002");
                        assertThat(o.message()).isEqualTo("ArithmeticException: / by zero");
                    });
        });
        assertThat(run.message()).contains("规则出错", "MET-99 × 2");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_run_errors WHERE run_id = ?", Long.class, run.id()))
                .isEqualTo(1L);
    }

    @Test
    void theFailingRulesOpenTicketsAreNotMarkedNotDetectedWhileOtherRulesTicketsAre() {
        RunView first = audits.run(AS_OF, RunTrigger.MANUAL);
        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(tickets()).contains("MET-99 C002 DISPATCHED null", "BIL-01 M001 DISPATCHED null");
        contractKvaZero("C002");
        new StoredWorld(jdbc).reading("M001", "2026-10", 1100, 1190);

        RunView second = audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(tickets())
                .contains(
                        "MET-99 C002 DISPATCHED null",
                        "MET-99 C001 DISPATCHED null",
                        "BIL-01 M001 DISPATCHED " + second.id());
    }

    @Test
    void theRunAndItsErrorsAreShownByTheApiAndTheRunPage() throws Exception {
        contractKvaZero("C003");
        long id = audits.run(AS_OF, RunTrigger.MANUAL).id();

        mvc.perform(get("/api/runs/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED_WITH_ERRORS"))
                .andExpect(jsonPath("$.errors[0].ruleCode").value("MET-99"))
                .andExpect(jsonPath("$.errors[0].title").value("每千伏安（测试）"))
                .andExpect(jsonPath("$.errors[0].count").value(1))
                .andExpect(jsonPath("$.errors[0].first[0].subject").value("CUSTOMER:C003"))
                .andExpect(jsonPath("$.errors[0].first[0].message").value("ArithmeticException: / by zero"));
        // the page names the subject's type in the reader's language, and shows its half of the run's notes
        mvc.perform(get("/runs/{id}", id))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("完成（有错误）")))
                .andExpect(content().string(containsString("规则出错")))
                .andExpect(content().string(containsString("每千伏安（测试）")))
                .andExpect(content().string(containsString("<td>用户 C003</td>")))
                .andExpect(content().string(not(containsString("CUSTOMER"))))
                .andExpect(content().string(containsString("规则出错（其余规则的结果已保存）：MET-99 × 1")))
                .andExpect(content().string(not(containsString("rules threw"))))
                .andExpect(content().string(containsString("ArithmeticException: / by zero")));
        mvc.perform(get("/runs/{id}", id).param("lang", "en"))
                .andExpect(content().string(containsString("Completed with errors")))
                .andExpect(content().string(containsString("Rules that threw")))
                .andExpect(content().string(containsString("<td>Customer C003</td>")))
                .andExpect(content().string(not(containsString("CUSTOMER"))))
                .andExpect(content().string(containsString("rules threw (every other rule")))
                .andExpect(content().string(not(containsString("规则出错（"))));
    }

    @Test
    void aRunWithErrorsIsNoIncrementalBaseButReportsAndTheDashboardStillReadIt() {
        contractKvaZero("C003");
        RunView withErrors = audits.run(AS_OF, RunTrigger.NIGHTLY);

        RunView next = audits.run(RunRequest.incremental(AS_OF.plusDays(1), RunTrigger.NIGHTLY));

        assertThat(next.mode()).isEqualTo(RunMode.FULL);
        assertThat(next.message())
                .contains("上次运行 " + withErrors.id() + " 有规则出错，不能作为增量基准", "completed with rule errors and is no base");
        assertThat(audits.latestCompleted()).get().extracting(RunView::id).isEqualTo(next.id());
        assertThat(reports.deviation(new Actor("auditor", Role.AUDITOR, null, null), "2026-10", null)
                        .document()
                        .subtitle())
                .contains("稽查批次 #" + next.id(), "部分规则出错", "some rules threw");
    }

    @Test
    void aPartitionedRunCompletesWithErrorsToo() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        contractKvaZero("C002", "C003");
        RunView started = partitioned.start(RunRequest.of(AS_OF.plusDays(1), RunTrigger.MANUAL), 2);

        for (long[] launched : RecordingLauncher.LAUNCHED) {
            partitioned.runPartition(launched[0], (int) launched[1], "node-a");
        }

        RunView done = audits.get(started.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.findingsPerRule())
                .containsEntry("BIL-01", 2L)
                .containsEntry("MET-06", 1L)
                .containsEntry("MET-99", 1L);
        assertThat(done.errors()).singleElement().satisfies(e -> {
            assertThat(e.ruleCode()).isEqualTo("MET-99");
            assertThat(e.count()).isEqualTo(2);
        });
        assertThat(tickets()).contains("MET-99 C002 DISPATCHED null", "MET-99 C003 DISPATCHED null");
    }

    @Test
    void theImpactPreviewCountsTheErrorsInsteadOfFailing() {
        contractKvaZero("C002");

        ImpactPreview.PreviewReport report = preview.compare(active.current(), active.current(), AS_OF);

        assertThat(report.rules())
                .filteredOn(r -> r.ruleCode().equals("MET-99"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.findingsCurrent()).isEqualTo(2);
                    assertThat(r.errorsCurrent()).isEqualTo(1);
                    assertThat(r.errorsCandidate()).isEqualTo(1);
                    assertThat(r.firstError()).isEqualTo("CUSTOMER:C002: ArithmeticException: / by zero");
                });
        assertThat(report.rules())
                .filteredOn(r -> r.ruleCode().equals("MET-06"))
                .singleElement()
                .satisfies(r -> assertThat(r.findingsCandidate()).isEqualTo(1));
    }

    @Test
    void aRunWhereNoRuleThrowsCompletesAsBefore() {
        RunView run = audits.get(audits.run(AS_OF, RunTrigger.MANUAL).id());

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.errors()).isEmpty();
        assertThat(run.findingsPerRule()).containsEntry("MET-99", 3L);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_run_error_counts WHERE run_id = ?", Long.class, run.id()))
                .isZero();
    }
}
