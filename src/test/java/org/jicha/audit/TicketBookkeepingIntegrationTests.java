package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jicha.calendar.ChinaTime;
import org.jicha.rules.ActiveRuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:tickets;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"
        })
class TicketBookkeepingIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Autowired
    AuditService audits;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActiveRuleSet rules;

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
    void eachFindingOpensOneTicketForTheResponsibleTeamDueInWorkingDays() {
        RunView run = audits.run(AS_OF, RunTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.findingsPerRule()).containsEntry("BIL-01", 1L).containsEntry("MET-06", 1L);
        List<Map<String, Object>> tickets = tickets();
        assertThat(tickets)
                .extracting(t -> t.get("RULE_CODE") + " " + t.get("SUBJECT_ID") + " " + t.get("PERIOD") + " "
                        + t.get("TEAM_UNIT_CODE") + " " + t.get("STATUS"))
                .containsExactly("BIL-01 M001 2026-10 ST01-READ DISPATCHED", "MET-06 M002 null ST01-METER DISPATCHED");
        LocalDate expectedDue = rules.current().calendar().plusWorkingDays(ChinaTime.today(clock), 7);
        assertThat(tickets.get(0).get("DUE_ON").toString()).isEqualTo(expectedDue.toString());
        assertThat(tickets.get(0).get("REMEDY").toString()).contains("补抄");
    }

    @Test
    void rerunningTheSameAsOfOrTheNextNightCreatesNoDuplicateAndRefreshesLastSeen() {
        RunView first = audits.run(AS_OF, RunTrigger.MANUAL);
        RunView again = audits.run(AS_OF, RunTrigger.MANUAL);
        RunView nextNight = audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        List<Map<String, Object>> tickets = tickets();
        assertThat(tickets).hasSize(2);
        assertThat(tickets).allSatisfy(t -> {
            assertThat(((Number) t.get("FIRST_RUN_ID")).longValue()).isEqualTo(first.id());
            assertThat(((Number) t.get("LAST_SEEN_RUN_ID")).longValue()).isEqualTo(nextNight.id());
            assertThat(t.get("NOT_DETECTED_SINCE_RUN_ID")).isNull();
        });
        assertThat(again.findingsCount()).isEqualTo(first.findingsCount());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings", Long.class))
                .isEqualTo(6L);
    }

    @Test
    void aFindingNoLongerPresentMarksItsTicketNotDetectedSinceThatRun() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        new StoredWorld(jdbc).reading("M001", "2026-10", 1100, 1190);
        jdbc.update("UPDATE meters SET rotation_due_on = DATE '2031-06-30' WHERE meter_id = 'M002'");

        RunView later = audits.run(AS_OF.plusDays(1), RunTrigger.NIGHTLY);

        assertThat(later.findingsCount()).isZero();
        assertThat(tickets())
                .allSatisfy(t -> assertThat(((Number) t.get("NOT_DETECTED_SINCE_RUN_ID")).longValue())
                        .isEqualTo(later.id()));
    }

    @Test
    void aTicketOfAnotherPeriodIsNotMarkedByARunThatDidNotCheckThatPeriod() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        RunView december = audits.run(LocalDate.of(2026, 12, 5), RunTrigger.MANUAL);

        Map<String, Object> bil01October = tickets().stream()
                .filter(t -> "2026-10".equals(t.get("PERIOD")))
                .findFirst()
                .orElseThrow();
        assertThat(bil01October.get("NOT_DETECTED_SINCE_RUN_ID")).isNull();
        assertThat(december.findingsPerRule()).containsEntry("BIL-01", 2L);
    }

    @Test
    void aRunIsRecordedWithItsRuleSetVersionAndCounts() {
        RunView run = audits.run(AS_OF, RunTrigger.MANUAL);

        RunView stored = audits.get(run.id());
        assertThat(stored.ruleSetHash()).isEqualTo(rules.current().contentHash());
        assertThat(stored.auditedPeriod()).isEqualTo("2026-10");
        assertThat(stored.subjectsChecked()).isEqualTo(2 + 2 + 1); // customers, meters, audited readings
        assertThat(stored.findingsPerRule()).hasSize(rules.current().rules().size());
        assertThat(audits.findings(run.id(), "BIL-01", 0, 10))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("M001").contains("2026-10"));
    }

    @Test
    void aRuleThatCannotBeComputedFromTheStoredDataIsNamedInTheRunReport() {
        RunView run = audits.run(AS_OF, RunTrigger.MANUAL);

        assertThat(run.message())
                .contains("BIL-13 无法计算：readings.reactive_kvarh")
                .contains("BIL-13 cannot be computed: readings.reactive_kvarh")
                .contains("BIL-11, BIL-14, INS-05 无法计算：readings.max_demand_kw")
                .contains("application_steps.started_at")
                .doesNotContain("MET-03");
        // each note is one "中文 / English" pair, so a page can show the reader's half of every one
        assertThat(RunNotes.inLanguage(run.message(), Locale.SIMPLIFIED_CHINESE))
                .contains("BIL-13 无法计算：readings.reactive_kvarh", "BIL-11, BIL-14, INS-05 无法计算：")
                .doesNotContain("cannot be computed", " / ");
        assertThat(RunNotes.inLanguage(run.message(), Locale.ENGLISH))
                .contains("BIL-13 cannot be computed: readings.reactive_kvarh", "BIL-11, BIL-14, INS-05 cannot be")
                .doesNotContain("无法计算", " / ");
    }

    @Test
    void anUnknownRunIsNotFound() {
        assertThatThrownBy(() -> audits.get(999_999)).isInstanceOf(RunNotFoundException.class);
    }

    private List<Map<String, Object>> tickets() {
        return jdbc.queryForList("SELECT * FROM inspection_tickets ORDER BY rule_code, subject_id");
    }
}
