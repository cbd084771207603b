package org.jicha.tools.generator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jicha.audit.AuditService;
import org.jicha.audit.FindingView;
import org.jicha.audit.RunTrigger;
import org.jicha.audit.RunView;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A generated batch of 2,000 customers loads with no rejection, and the audit finds exactly the planted
 * deviations of the five rules issue 6 compares (BIL-01, 02, 06, 07, 08), every other planted one, and no rule
 * firing on more than a small share of the customers.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:generated;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false"
        })
class GeneratedBatchIntegrationTests {

    static final Set<String> COMPARED = Set.of("BIL-01", "BIL-02", "BIL-06", "BIL-07", "BIL-08");
    static final int CUSTOMERS = 2_000;

    @Autowired
    BatchLoader loader;

    @Autowired
    AuditService audits;

    @TempDir
    Path dir;

    @Test
    void aGeneratedBatchLoadsCleanlyAndTheAuditFindsWhatWasPlanted() throws IOException {
        Path out = dir.resolve("batch");
        GeneratorOptions options = new GeneratorOptions(
                CUSTOMERS, 13, 42, out, null, 0.01, 0, Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);

        LoadResult load = loader.load(out);
        assertThat(load.rejections()).isEmpty();
        assertThat(load.filesFailed()).isZero();

        RunView run = audits.run(options.asOf(), RunTrigger.MANUAL);
        Set<String> found = audits.findings(run.id(), null, 0, 100_000).stream()
                .map(GeneratedBatchIntegrationTests::key)
                .collect(Collectors.toSet());
        Set<String> planted = Files.readAllLines(out.resolve("expected/planted.csv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .collect(Collectors.toSet());

        Map<String, Long> perRule = new TreeMap<>(run.findingsPerRule());
        System.out.println("findings per rule on " + CUSTOMERS + " generated customers: " + perRule);
        assertThat(found.stream().filter(f -> COMPARED.contains(rule(f))).collect(Collectors.toSet()))
                .as("the five compared rules find exactly what was planted")
                .containsExactlyInAnyOrderElementsOf(
                        planted.stream().filter(p -> COMPARED.contains(rule(p))).toList());
        assertThat(planted.stream().map(GeneratedBatchIntegrationTests::rule).collect(Collectors.toSet()))
                .containsAll(COMPARED);
        assertThat(found).as("every planted deviation is found").containsAll(planted);
        assertThat(perRule)
                .allSatisfy((rule, count) -> assertThat(count)
                        .as("%s fires on at most 2 %% of the customers", rule)
                        .isLessThanOrEqualTo(CUSTOMERS / 50L));
    }

    private static String key(FindingView f) {
        return f.ruleCode() + "," + f.subjectType() + "," + f.subjectId();
    }

    private static String rule(String key) {
        return key.substring(0, key.indexOf(','));
    }
}
