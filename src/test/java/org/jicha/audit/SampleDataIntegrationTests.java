package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole pipeline over the repository's sample batch: every planted case of a shipped rule is found,
 * and nothing else (the look-alikes stay silent).
 */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:sample;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"})
class SampleDataIntegrationTests {

    static final Path SAMPLE = SampleBatchExpectations.SAMPLE;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Autowired
    BatchLoader loader;

    @Autowired
    AuditService audits;

    @Autowired
    ActiveRuleSet rules;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSampleBatchLoadsCleanlyAndYieldsExactlyThePlantedFindings() {
        LoadResult load = loader.load(SAMPLE);
        assertThat(load.rejections()).isEmpty();
        assertThat(load.filesFailed()).isZero();
        assertThat(load.rowsAccepted()).isPositive();

        RunView run = audits.run(AS_OF, RunTrigger.MANUAL);

        Set<String> expected =
                SampleBatchExpectations.expectedFor(rules.current().rules());
        Set<String> actual = audits.findings(run.id(), null, 0, 10_000).stream()
                .map(SampleBatchExpectations::key)
                .collect(Collectors.toSet());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected.stream().map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet()))
                .as("every shipped rule has a planted case")
                .containsAll(
                        rules.current().rules().stream().map(RuleMeta::code).toList());
        assertThat(run.subjectsChecked()).isGreaterThan(300);
        assertThat(run.message())
                .as("every rule can be computed from the sample batch")
                .isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isEqualTo((long) expected.size());
    }
}
