package org.jicha.tools.generator.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Determinism, scaling and the planted set of the province-scale generator (no database: see the integration test). */
class ProvinceGeneratorTests {

    static final Path CALENDAR = Path.of("rules", "calendar", "cn-working-days.csv");
    static final List<String> CONTRACT_FILES = List.of(
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
    Path dir;

    private GenerationSummary generate(String name, long customers, int months, long seed, double rate) {
        return ProvinceGenerator.generate(
                new GeneratorOptions(customers, months, seed, dir.resolve(name), null, rate, 0, CALENDAR));
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        generate("a", 3_000, 13, 7, 0.01);
        generate("b", 3_000, 13, 7, 0.01);
        for (String file : CONTRACT_FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("b/expected/planted.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/expected/planted.csv")));
        assertThat(Files.readAllBytes(dir.resolve("b/next-night/customers.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/next-night/customers.csv")));
    }

    @Test
    void anotherSeedGivesOtherData() throws IOException {
        generate("a", 1_500, 13, 7, 0.01);
        generate("b", 1_500, 13, 8, 0.01);
        assertThat(Files.readAllBytes(dir.resolve("b/readings.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/readings.csv")));
        assertThat(Files.readAllBytes(dir.resolve("b/customers.csv")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a/customers.csv")));
    }

    @Test
    void aCustomersRecordsDoNotDependOnHowManyCustomersFollow() throws IOException {
        generate("small", 1_000, 13, 7, 0.01);
        generate("large", 2_500, 13, 7, 0.01);
        List<String> small = Files.readAllLines(dir.resolve("small/readings.csv"), StandardCharsets.UTF_8);
        List<String> large = Files.readAllLines(dir.resolve("large/readings.csv"), StandardCharsets.UTF_8);
        assertThat(large.subList(0, small.size())).isEqualTo(small);
    }

    @Test
    void rowCountsScaleWithCustomersAndMonths() {
        GenerationSummary summary = generate("a", 5_000, 13, 1, 0.01);
        Map<String, Long> rows = summary.rowsPerFile();
        assertThat(rows.keySet()).containsExactlyElementsOf(CONTRACT_FILES);
        assertThat(rows.get("customers.csv")).isEqualTo(5_000);
        assertThat(rows.get("meters.csv")).isEqualTo(5_000);
        // about one reading and one bill per customer and month: new connections start later, a few are missing
        assertThat(rows.get("readings.csv")).isBetween(5_000L * 13 * 96 / 100, 5_000L * 13);
        assertThat(rows.get("bills.csv")).isBetween(5_000L * 13 * 95 / 100, rows.get("readings.csv"));
        assertThat(rows.get("applications.csv")).isBetween(5_000L * 2 / 100, 5_000L * 6 / 100);
        assertThat(summary.planted()).isEqualTo(50);

        GenerationSummary longer = generate("b", 5_000, 25, 1, 0.01);
        assertThat(longer.rowsPerFile().get("readings.csv")).isBetween(5_000L * 25 * 95 / 100, 5_000L * 25);
    }

    @Test
    void theOrganisationGrowsWithTheCustomers() throws IOException {
        assertThat(generate("a", 2_000, 3, 1, 0).stations()).isEqualTo(1);
        GenerationSummary summary = generate("b", 30_000, 1, 1, 0);
        assertThat(summary.stations()).isEqualTo(5);
        List<String> units = Files.readAllLines(dir.resolve("b/units.csv"), StandardCharsets.UTF_8);
        Map<String, Long> teams = units.stream()
                .skip(1)
                .map(l -> l.split(",", -1))
                .filter(c -> c[3].equals("TEAM"))
                .collect(Collectors.groupingBy(c -> c[4], Collectors.counting()));
        assertThat(teams)
                .containsOnlyKeys(
                        "READING",
                        "BILLING",
                        "COLLECTION",
                        "BUSINESS",
                        "INSPECTION",
                        "INSTALLATION",
                        "METERING",
                        "EXPANSION",
                        "SAFETY")
                .allSatisfy((kind, count) -> assertThat(count).isEqualTo(5));
        assertThat(ProvinceGenerator.generate(new GeneratorOptions(1_000, 1, 1, dir.resolve("c"), null, 0, 7, CALENDAR))
                        .stations())
                .isEqualTo(7);
    }

    @Test
    void theCategoryMixIsMostlyResidential() throws IOException {
        generate("a", 20_000, 1, 3, 0);
        Map<String, Long> categories;
        try (Stream<String> lines = Files.lines(dir.resolve("a/customers.csv"), StandardCharsets.UTF_8)) {
            categories = lines.skip(1)
                    .map(l -> l.split(",", -1)[2])
                    .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        }
        assertThat(categories.get("RESIDENTIAL")).isBetween(17_300L, 17_900L);
        assertThat(categories.get("COMMERCIAL")).isBetween(1_600L, 2_000L);
        assertThat(categories.get("LARGE_INDUSTRIAL")).isBetween(140L, 270L);
        assertThat(categories.get("AGRICULTURAL")).isBetween(320L, 480L);
    }

    @Test
    void eachDeviationKindIsPlantedInTurnAtTheGivenRate() throws IOException {
        generate("a", 11_000, 13, 5, 0.02);
        List<String> planted = Files.readAllLines(dir.resolve("a/expected/planted.csv"), StandardCharsets.UTF_8);
        assertThat(planted.get(0)).isEqualTo("rule_code,subject_type,subject_id");
        Map<String, Long> perRule = planted.stream()
                .skip(1)
                .map(l -> l.substring(0, l.indexOf(',')))
                .collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(perRule)
                .containsOnlyKeys(
                        "BIL-01", "BIL-02", "BIL-06", "BIL-07", "BIL-08", "MET-01", "MET-06", "MET-10", "EXP-01",
                        "BIL-17", "INS-01");
        assertThat(perRule).allSatisfy((rule, count) -> assertThat(count).isEqualTo(20));
        assertThat(generate("b", 2_000, 13, 5, 0).planted()).isZero();
    }

    @Test
    void deviationsThatNeedMoreMonthsAreLeftOutOfShortBatches() throws IOException {
        generate("a", 2_000, 2, 5, 0.05);
        List<String> planted = Files.readAllLines(dir.resolve("a/expected/planted.csv"), StandardCharsets.UTF_8);
        assertThat(planted)
                .noneMatch(l -> l.startsWith("BIL-06")
                        || l.startsWith("BIL-07")
                        || l.startsWith("EXP-01")
                        || l.startsWith("BIL-17"))
                .anyMatch(l -> l.startsWith("BIL-02"));
    }

    @Test
    void badOptionsAreRejectedNamingTheOption() {
        Path out = dir.resolve("x");
        assertThatThrownBy(() -> new GeneratorOptions(0, 13, 1, out, null, 0.01, 0, CALENDAR))
                .hasMessageContaining("--customers");
        assertThatThrownBy(() -> new GeneratorOptions(10, 61, 1, out, null, 0.01, 0, CALENDAR))
                .hasMessageContaining("--months");
        assertThatThrownBy(() -> new GeneratorOptions(10, 13, 1, out, null, 1.5, 0, CALENDAR))
                .hasMessageContaining("--deviation-rate");
        assertThatThrownBy(() -> new GeneratorOptions(10, 13, 1, out, null, 0.01, 11, CALENDAR))
                .hasMessageContaining("--stations");
        assertThatThrownBy(() -> new GeneratorOptions(10, 13, 1, out, LocalDate.of(2019, 6, 5), 0.01, 0, CALENDAR))
                .hasMessageContaining("--as-of");
    }

    @Test
    void theAsOfDateDefaultsToTheFifthOfTheMonthAfterTheLastPeriod() {
        GeneratorOptions options = new GeneratorOptions(10, 13, 1, dir, null, 0.01, 0, CALENDAR);
        assertThat(options.asOf()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(options.auditedPeriod()).hasToString("2026-10");
        assertThat(options.firstPeriod()).hasToString("2025-10");
    }

    @Test
    void theManifestNamesTheAsOfDateAndTheRowsOfEachFile() throws IOException {
        GenerationSummary summary = ProvinceGenerator.generate(
                new GeneratorOptions(500, 13, 3, dir.resolve("m"), LocalDate.of(2026, 9, 7), 0.02, 0, CALENDAR));
        Properties manifest = new Properties();
        try (var in =
                Files.newBufferedReader(dir.resolve("m").resolve(GenerationSummary.MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        assertThat(manifest.getProperty("as_of")).isEqualTo("2026-09-07");
        assertThat(manifest.getProperty("audited_period")).isEqualTo("2026-08");
        assertThat(manifest.getProperty("customers")).isEqualTo("500");
        assertThat(manifest.getProperty("planted")).isEqualTo(Long.toString(summary.planted()));
        for (String file : CONTRACT_FILES) {
            assertThat(manifest.getProperty("rows." + file))
                    .as(file)
                    .isEqualTo(Long.toString(summary.rowsPerFile().get(file)));
        }
    }

    @Test
    void theNextNightsExtractChangesOneCustomerIn33SomeOfThemInAWayTheRulesSee() throws IOException {
        GenerationSummary summary = generate("n", 3_300, 13, 7, 0.01);
        Path batch = dir.resolve("n");
        List<String> all = Files.readAllLines(batch.resolve("customers.csv"), StandardCharsets.UTF_8);
        List<String> changed =
                Files.readAllLines(batch.resolve(NextNight.FOLDER).resolve("customers.csv"), StandardCharsets.UTF_8);
        assertThat(changed.get(0)).as("the same header").isEqualTo(all.get(0));
        assertThat(changed).hasSize(1 + 100);
        assertThat(summary.nextNightCustomers()).isEqualTo(100);
        Map<String, String> before = new HashMap<>();
        all.stream().skip(1).forEach(line -> before.put(line.substring(0, line.indexOf(',')), line));
        long tariffMoves = 0;
        long renames = 0;
        for (String line : changed.subList(1, changed.size())) {
            String original = before.get(line.substring(0, line.indexOf(',')));
            assertThat(original).as("a customer of the batch").isNotNull();
            assertThat(line)
                    .as("every row of the delta differs from the batch's")
                    .isNotEqualTo(original);
            if (line.contains(",COMMERCIAL,") || !line.contains(",RESIDENTIAL,")) {
                assertThat(line).contains(NextNight.RENAMED);
            }
            tariffMoves += line.contains(",RESIDENTIAL,") && line.contains(",COM04,") ? 1 : 0;
            renames += line.contains(NextNight.RENAMED) ? 1 : 0;
        }
        assertThat(tariffMoves).as("households moved to a commercial tariff").isPositive();
        assertThat(renames).isPositive();
        assertThat(tariffMoves + renames).isEqualTo(100);
        Properties manifest = new Properties();
        try (var in = Files.newBufferedReader(batch.resolve(GenerationSummary.MANIFEST), StandardCharsets.UTF_8)) {
            manifest.load(in);
        }
        assertThat(manifest.getProperty("next_night.as_of")).isEqualTo("2026-11-06");
        assertThat(manifest.getProperty("next_night.customers")).isEqualTo("100");
    }
}
