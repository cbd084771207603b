package org.jicha.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jicha.tools.compare.ComparedRules;
import org.jicha.tools.generator.province.GenerationSummary;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The benchmark harness on a tiny generated batch on H2: the report is complete and consistent (every file loaded
 * as generated, the audit completed, the three ways identical and equal to the planted deviations). Figures are
 * measured, never asserted: this machine's timings say nothing.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:bench-it;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.rules.watch=false",
            "jicha.bootstrap.sample-data="
        })
class BenchmarkIntegrationTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Autowired
    Benchmark benchmark;

    @TempDir
    Path dir;

    @Test
    void aGeneratedBatchGivesACompleteConsistentReport() throws IOException {
        Path batch = dir.resolve("batch");
        // one deviation per 20 customers, the kinds in turn: the five compared rules are each planted at least once
        GenerationSummary generated = ProvinceGenerator.generate(new GeneratorOptions(
                300, 13, 20_261_129L, batch, AS_OF, 1.0 / 20, 0, Path.of("rules", "calendar", "cn-working-days.csv")));

        BenchmarkReport report = benchmark.run(batch, AS_OF, 2);

        assertThat(report.problems()).isEmpty();
        assertThat(report.database()).isEqualTo("H2");
        assertThat(report.customers()).isEqualTo(300);
        assertThat(report.maxHeapBytes()).isPositive();
        Map<String, Long> loaded =
                report.load().files().stream().collect(Collectors.toMap(FileFigures::file, FileFigures::rowsAccepted));
        assertThat(loaded).as("every generated file loaded with all its rows").isEqualTo(generated.rowsPerFile());
        assertThat(report.load().files()).allSatisfy(f -> {
            assertThat(f.expectedRows()).isEqualTo(f.rowsAccepted());
            assertThat(f.rowsRejected()).isZero();
        });
        assertThat(report.load().rowsAccepted()).isEqualTo(generated.totalRows());
        assertThat(report.load().analyzeMillis()).as("no ANALYZE on H2").isZero();

        assertThat(report.audit().status()).isEqualTo("COMPLETED");
        assertThat(report.audit().subjects()).isGreaterThanOrEqualTo(300);
        assertThat(report.audit().findings())
                .as("every planted deviation is found, some rules find more")
                .isGreaterThanOrEqualTo(generated.planted());

        List<String> plantedOfTheFive =
                Files.readAllLines(batch.resolve("expected/planted.csv"), StandardCharsets.UTF_8).stream()
                        .skip(1)
                        .filter(l -> ComparedRules.SET.contains(l.substring(0, l.indexOf(','))))
                        .toList();
        ComparisonFigures compared = report.comparison();
        assertThat(plantedOfTheFive).isNotEmpty();
        assertThat(compared.identical()).isTrue();
        assertThat(compared.planted()).isEqualTo(plantedOfTheFive.size());
        assertThat(compared.equalsPlanted()).isTrue();
        assertThat(compared.droolsFindings()).isEqualTo(plantedOfTheFive.size());
        assertThat(compared.sqlFindings()).isEqualTo(plantedOfTheFive.size());
        assertThat(compared.javaFindings()).isEqualTo(plantedOfTheFive.size());
        assertThat(compared.repetitions()).isEqualTo(2);
        assertThat(compared.droolsNanos()).isPositive();
        assertThat(compared.sqlNanos()).isPositive();
        assertThat(compared.javaNanos()).isPositive();
        IncrementalFigures next = report.incremental();
        assertThat(next.measured()).isTrue();
        assertThat(next.deltaRows())
                .as("one customer in 33 changed")
                .isEqualTo(generated.nextNightCustomers())
                .isEqualTo(9); // customers 5, 38, ..., 269
        assertThat(next.mode()).isEqualTo("INCREMENTAL");
        assertThat(next.evaluated())
                .as("the changed customers and the time-sensitive ones, not everyone")
                .isGreaterThanOrEqualTo(9)
                .isLessThan(300);
        assertThat(next.carried()).isPositive();
        assertThat(next.sameFindings()).isTrue();
        assertThat(next.fullFindings()).isEqualTo(next.incrementalFindings()).isPositive();

        String table = report.markdown();
        assertThat(table)
                .contains(
                        "| customers.csv | 300 |",
                        "three ways identical: yes",
                        "equal to the planted deviations: yes",
                        "same findings: yes",
                        "(INCREMENTAL)")
                .doesNotContain("PROBLEMS");
        List<String> csv = report.csvRows("2026-11-29T04:00:00Z");
        assertThat(csv)
                .allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(7))
                .contains(
                        "2026-11-29T04:00:00Z,H2,300,compare,-,identical,yes",
                        "2026-11-29T04:00:00Z,H2,300,load,customers.csv,rows,300",
                        "2026-11-29T04:00:00Z,H2,300,incremental,-,same_findings,yes");
    }
}
