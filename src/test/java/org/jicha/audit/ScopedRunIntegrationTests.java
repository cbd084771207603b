package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jicha.rules.Theme;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run over a scope (rules by code or theme, units with their subtree) checks only that scope, and marks
 * "not detected" only the tickets inside it.
 */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:scoped;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"})
class ScopedRunIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Autowired
    AuditService audits;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        // ST01: C001 misses its 2026-10 reading (BIL-01), C002's meter is overdue for rotation (MET-06);
        // ST02: C003 has both
        StoredWorld.reset(jdbc)
                .station("ST02")
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700)
                .customer("C003", "ST02")
                .meter("M003", "C003", LocalDate.of(2026, 6, 30))
                .reading("M003", "2026-09", 500, 600);
    }

    @Test
    void aRunOfOneRuleRaisesOnlyThatRulesFindings() {
        RunView run = audits.run(
                new RunRequest(AS_OF, RunTrigger.MANUAL, new RunScope(Set.of(), Set.of("MET-06"), Set.of()), null));

        assertThat(run.ruleCount()).isEqualTo(1);
        assertThat(run.findingsPerRule()).containsExactly(Map.entry("MET-06", 2L));
        assertThat(findings(run)).containsExactlyInAnyOrder("MET-06 M002", "MET-06 M003");
        assertThat(run.scope()).contains("MET-06");
    }

    @Test
    void aRunOfOneThemeCoversEveryRuleOfThatThemeOnly() {
        RunView run = audits.run(
                new RunRequest(AS_OF, RunTrigger.MANUAL, new RunScope(Set.of(Theme.BIL), Set.of(), Set.of()), null));

        assertThat(run.findingsPerRule().keySet()).allMatch(code -> code.startsWith("BIL-"));
        assertThat(findings(run)).containsExactlyInAnyOrder("BIL-01 M001", "BIL-01 M003");
    }

    @Test
    void aRunOfOneStationReadsOnlyThatStationsCustomers() {
        RunView run = audits.run(
                new RunRequest(AS_OF, RunTrigger.MANUAL, new RunScope(Set.of(), Set.of(), Set.of("ST02")), null));

        assertThat(findings(run)).containsExactlyInAnyOrder("BIL-01 M003", "MET-06 M003");
        assertThat(run.progress().total()).isEqualTo(1);
        assertThat(run.progress().done()).isEqualTo(1);
    }

    @Test
    void aUnitCoversItsSubtree() {
        RunView run = audits.run(
                new RunRequest(AS_OF, RunTrigger.MANUAL, new RunScope(Set.of(), Set.of(), Set.of("CO")), null));

        assertThat(findings(run)).hasSize(4);
        assertThat(run.progress().total()).isEqualTo(3);
    }

    @Test
    void aScopedRunMarksNotDetectedOnlyTheTicketsOfItsRulesAndUnits() {
        audits.run(AS_OF, RunTrigger.MANUAL);
        assertThat(tickets()).hasSize(4);
        // every problem is put right ...
        new StoredWorld(jdbc).reading("M001", "2026-10", 1100, 1190).reading("M003", "2026-10", 600, 690);
        jdbc.update("UPDATE meters SET rotation_due_on = DATE '2031-06-30'");

        // ... but a run of MET-06 over ST02 only covers the MET-06 ticket of ST02
        RunView scoped = audits.run(new RunRequest(
                AS_OF.plusDays(1), RunTrigger.MANUAL, new RunScope(Set.of(), Set.of("MET-06"), Set.of("ST02")), null));

        assertThat(scoped.findingsCount()).isZero();
        assertThat(tickets())
                .containsExactly("BIL-01 M001 -", "BIL-01 M003 -", "MET-06 M002 -", "MET-06 M003 " + scoped.id());

        RunView whole = audits.run(AS_OF.plusDays(2), RunTrigger.MANUAL);
        assertThat(tickets())
                .containsExactly(
                        "BIL-01 M001 " + whole.id(),
                        "BIL-01 M003 " + whole.id(),
                        "MET-06 M002 " + whole.id(),
                        "MET-06 M003 " + scoped.id());
    }

    private List<String> findings(RunView run) {
        return audits.findings(run.id(), null, 0, 100).stream()
                .map(f -> f.ruleCode() + " " + f.subjectId())
                .toList();
    }

    private List<String> tickets() {
        return jdbc.query(
                "SELECT rule_code, subject_id, not_detected_since_run_id FROM inspection_tickets "
                        + "ORDER BY rule_code, subject_id",
                (rs, i) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + (rs.getObject(3) == null ? "-" : rs.getLong(3)));
    }
}
