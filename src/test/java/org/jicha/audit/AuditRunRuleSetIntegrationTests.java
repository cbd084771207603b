package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A run evaluates the rule set it started with, even if another set is swapped in while it runs; the
 * next run takes the new one. The swap is staged by answering the first look at the active set with the
 * set in force and every later look with a smaller set (the shipped rules without met/devices.drl).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:run-rule-set;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.rules.watch=false"
        })
class AuditRunRuleSetIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @MockitoSpyBean
    ActiveRuleSet rules;

    @Autowired
    AuditService audits;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path smallerRules;

    @Test
    void aRunKeepsTheRuleSetItStartedWithAndTheNextRunTakesTheSwappedInSet() throws IOException {
        StoredWorld.reset(jdbc)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100);
        RuleSet started = rules.current();
        RuleSet swappedIn = new RuleSetLoader().load(copyWithout(Path.of("rules"), "met/devices.drl"));
        assertThat(swappedIn.rules()).hasSizeLessThan(started.rules().size());
        doReturn(started).doReturn(swappedIn).when(rules).current();

        RunView first = audits.get(audits.run(AS_OF, RunTrigger.MANUAL).id());
        RunView second = audits.get(audits.run(AS_OF, RunTrigger.MANUAL).id());

        assertThat(first.ruleSetHash()).isEqualTo(started.contentHash());
        assertThat(first.ruleCount()).isEqualTo(started.rules().size());
        assertThat(first.findingsPerRule())
                .containsOnlyKeys(started.rules().stream().map(RuleMeta::code).toList());
        assertThat(first.findingsPerRule()).containsEntry("BIL-01", 1L);
        assertThat(second.ruleSetHash()).isEqualTo(swappedIn.contentHash());
        assertThat(second.findingsPerRule())
                .containsOnlyKeys(swappedIn.rules().stream().map(RuleMeta::code).toList());
    }

    private Path copyWithout(Path shipped, String left) throws IOException {
        try (Stream<Path> walk = Files.walk(shipped)) {
            for (Path source : walk.toList()) {
                String relative = shipped.relativize(source).toString().replace('\\', '/');
                Path target = smallerRules.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!relative.equals(left)) {
                    Files.copy(source, target);
                }
            }
        }
        return smallerRules;
    }
}
