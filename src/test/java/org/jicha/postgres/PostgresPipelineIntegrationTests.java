package org.jicha.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunStatus;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.audit.SampleBatchExpectations;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.rules.ActiveRuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The production profile on the local PostgreSQL (127.0.0.1:5432, database {@code test}): Flyway's
 * migrations with the PostgreSQL Quartz tables, the loader's MERGE upserts, the audit and the tickets,
 * in a schema of its own that is dropped and made anew for each run.
 */
@ActiveProfiles("postgres")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema="
                    + PostgresPipelineIntegrationTests.SCHEMA + "&reWriteBatchedInserts=true",
            "spring.datasource.username=postgres",
            "spring.flyway.schemas=" + PostgresPipelineIntegrationTests.SCHEMA,
            "spring.quartz.auto-startup=false"
        })
class PostgresPipelineIntegrationTests {

    static final String SCHEMA = "jicha_it";

    @Autowired
    BatchLoader loader;

    @Autowired
    AuditService audits;

    @Autowired
    ActiveRuleSet rules;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theSampleBatchLoadsTwiceUnchangedAndAuditsToThePlantedFindingsOnPostgres() throws Exception {
        LoadResult first = loader.load(Path.of("sample-data"));
        long readings = jdbc.queryForObject("SELECT COUNT(*) FROM readings", Long.class);
        LoadResult second = loader.load(Path.of("sample-data"));

        assertThat(first.rejections()).isEmpty();
        assertThat(second.rowsAccepted()).isEqualTo(first.rowsAccepted());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM readings", Long.class))
                .isEqualTo(readings);
        assertThat(jdbc.queryForObject(
                        "SELECT current_value FROM readings WHERE meter_id = '33010001281' " + "AND period = '2026-10'",
                        BigDecimal.class))
                .isEqualByComparingTo("4622.50");

        RunView run = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);
        RunView again = audits.run(LocalDate.of(2026, 11, 5), RunTrigger.MANUAL);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        Set<String> expected =
                SampleBatchExpectations.expectedFor(rules.current().rules());
        Set<String> actual = audits.findings(run.id(), null, 0, 10_000).stream()
                .map(SampleBatchExpectations::key)
                .collect(Collectors.toSet());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(again.findingsCount()).isEqualTo(run.findingsCount());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isEqualTo((long) expected.size());
        assertThat(jdbc.queryForList(
                        "SELECT trigger_name FROM qrtz_cron_triggers WHERE trigger_group = 'jicha'", String.class))
                .containsExactlyInAnyOrder("nightly-audit", "monthly-feedback");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Long.class))
                .isGreaterThanOrEqualTo(4L);
    }
}
