package org.jicha.tools.generator.sample;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTests {

    private static final Path COMMITTED = Path.of("sample-data");
    private static final List<String> CONTRACT_FILES = List.of(
            "units.csv",
            "staff.csv",
            "tariffs.csv",
            "customers.csv",
            "important_customers.csv",
            "meters.csv",
            "readings.csv",
            "bills.csv",
            "applications.csv",
            "application_steps.csv",
            "inspections.csv",
            "meter_events.csv");

    @TempDir
    static Path generated;

    @BeforeAll
    static void generate() {
        SampleDataGenerator.write(generated);
    }

    @Test
    void generatorWritesTheSameBytesOnEveryRun(@TempDir Path again) {
        SampleDataGenerator.write(again);
        for (String file : files(generated)) {
            assertThat(bytes(again.resolve(file))).as(file).isEqualTo(bytes(generated.resolve(file)));
        }
    }

    @Test
    void committedSampleDataIsExactlyWhatTheGeneratorWrites() {
        assertThat(files(COMMITTED)).containsExactlyInAnyOrderElementsOf(files(generated));
        for (String file : files(generated)) {
            assertThat(bytes(COMMITTED.resolve(file)))
                    .as(file + " drifted from the generator: rerun SampleDataGenerator sample-data")
                    .isEqualTo(bytes(generated.resolve(file)));
        }
    }

    @Test
    void batchHoldsAllTwelveContractFiles() {
        assertThat(files(generated)).containsAll(CONTRACT_FILES);
    }

    @Test
    void batchHoldsAtLeast300CustomersOfAllFourCategoriesAndThreeVoltageLevels() {
        List<NamedCsvRecord> customers = rows("customers.csv");
        assertThat(customers).hasSizeGreaterThanOrEqualTo(300);
        assertThat(distinct(customers, "category"))
                .containsExactlyInAnyOrder("RESIDENTIAL", "COMMERCIAL", "LARGE_INDUSTRIAL", "AGRICULTURAL");
        assertThat(distinct(customers, "voltage_kv")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(distinct(customers, "status")).contains("ACTIVE", "SUSPENDED", "CLOSED");
    }

    @Test
    void readingsAndBillsCoverFourteenPeriodsUpToTheAuditedOne() {
        assertThat(distinct(rows("readings.csv"), "period")).hasSize(14).contains("2025-09", "2026-10");
        assertThat(distinct(rows("bills.csv"), "period")).hasSize(14).contains("2025-09", "2026-10");
    }

    @Test
    void batchHoldsAtLeast40ApplicationsInEveryState() {
        List<NamedCsvRecord> applications = rows("applications.csv");
        assertThat(applications).hasSizeGreaterThanOrEqualTo(40);
        assertThat(distinct(applications, "status")).containsExactlyInAnyOrder("ARCHIVED", "IN_PROGRESS", "CANCELLED");
    }

    @Test
    void everyShippedRuleHasAPlantedCaseAndNoOtherRuleIsExpected() {
        Set<String> rules = distinct(rows("expected/expected-findings.csv"), "rule_code");
        assertThat(rules).containsExactlyInAnyOrderElementsOf(World.SHIPPED_RULES);
        assertThat(distinct(rows("expected/expected-findings-later.csv"), "rule_code"))
                .doesNotContainAnyElementsOf(rules);
    }

    @Test
    void everyExpectedFindingNamesASubjectThatExistsInTheBatch() {
        Map<String, Set<String>> subjects = Map.of(
                "CUSTOMER", distinct(rows("customers.csv"), "customer_no"),
                "METER", distinct(rows("meters.csv"), "meter_id"),
                "READING",
                        rows("readings.csv").stream()
                                .map(r -> r.getField("meter_id") + ":" + r.getField("period"))
                                .collect(Collectors.toSet()),
                "BILL", distinct(rows("bills.csv"), "bill_no"),
                "APPLICATION", distinct(rows("applications.csv"), "app_no"),
                "INSPECTION", distinct(rows("inspections.csv"), "inspection_no"));
        for (String file : List.of("expected/expected-findings.csv", "expected/expected-findings-later.csv")) {
            for (NamedCsvRecord f : rows(file)) {
                assertThat(subjects.get(f.getField("subject_type")))
                        .as(file + " " + f)
                        .contains(f.getField("subject_id"));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<NamedCsvRecord> rows(String file) {
        try (CsvReader<NamedCsvRecord> reader =
                CsvReader.builder().ofNamedCsvRecord(generated.resolve(file), StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> distinct(List<NamedCsvRecord> rows, String column) {
        Set<String> values = new HashSet<>();
        rows.forEach(r -> values.add(r.getField(column)));
        return values;
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> list = Files.walk(dir)) {
            return list.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
