package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An incremental run finds exactly what a full run as of the same date finds, while evaluating only the
 * customers whose records changed since the run before it and those whose findings the look-ahead saw time
 * change; without a base it runs in full and says why.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:incremental;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.audit.horizon-days=7"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first needs an empty database
class IncrementalRunIntegrationTests {

    static final int CUSTOMERS = 1_200;

    @Autowired
    BatchLoader loader;

    @Autowired
    AuditService audits;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void anIncrementalRunFindsWhatAFullRunFindsReadingOnlyChangedAndTimeSensitiveCustomers() throws IOException {
        Path batch = dir.resolve("batch");
        GeneratorOptions options = new GeneratorOptions(
                CUSTOMERS, 13, 11, batch, null, 0.02, 0, Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);
        LocalDate day1 = options.asOf();
        LocalDate day2 = day1.plusDays(3);
        // time alone makes these fire between the two runs: rotation due the day after the first run
        Set<String> dueSoon = new TreeSet<>();
        rewrite(
                batch.resolve("meters.csv"),
                batch.resolve("meters.csv"),
                (i, row) -> {
                    if (i % 150 == 7
                            && "IN_SERVICE".equals(row.get("status"))
                            && row.get("removed_on").isEmpty()) {
                        row.put("rotation_due_on", day1.plusDays(1).toString());
                        dueSoon.add(row.get("meter_id"));
                        return true;
                    }
                    return false;
                },
                false);
        assertThat(dueSoon).hasSizeGreaterThanOrEqualTo(5);
        assertThat(loader.load(batch).rowsRejected()).isZero();

        RunView first = audits.run(RunRequest.incremental(day1, RunTrigger.MANUAL));
        assertThat(first.mode()).as("nothing to build on yet").isEqualTo(RunMode.FULL);
        assertThat(first.message()).contains("尚无已完成的全量稽查").contains("no completed full run yet");
        assertThat(first.horizonOn()).isEqualTo(day1.plusDays(7));
        assertThat(fingerprints(first))
                .noneMatch(f -> f.startsWith("MET-06|") && dueSoon.stream().anyMatch(f::contains));
        long rechecks = count("SELECT COUNT(DISTINCT customer_no) FROM audit_recheck");
        assertThat(rechecks)
                .as("the look-ahead lists the customers whose meters fall due, and few others")
                .isPositive()
                .isLessThan(CUSTOMERS / 10);

        // the next night's extract: 3 % of the customers changed, some of them so that rules fire
        Path changes = dir.resolve("changes");
        Files.createDirectories(changes);
        Set<String> changed = new TreeSet<>();
        rewrite(
                batch.resolve("customers.csv"),
                changes.resolve("customers.csv"),
                (i, row) -> {
                    if (i % 33 != 5) {
                        return false;
                    }
                    changed.add(row.get("customer_no"));
                    if ("RES22".equals(row.get("tariff_code")) && i % 2 == 0) {
                        row.put("tariff_code", "COM04"); // a commercial tariff on a household: pricing rules fire
                    } else {
                        row.put("customer_name", row.get("customer_name") + "（更名）");
                    }
                    return true;
                },
                true);
        LoadResult load = loader.load(changes);
        assertThat(load.rowsRejected()).isZero();
        assertThat(load.rowsAccepted()).isEqualTo(changed.size());

        RunView incremental = audits.run(RunRequest.incremental(day2, RunTrigger.MANUAL));
        RunView full = audits.run(RunRequest.of(day2, RunTrigger.MANUAL));

        assertThat(incremental.mode()).isEqualTo(RunMode.INCREMENTAL);
        assertThat(incremental.baseRunId()).isEqualTo(first.id());
        assertThat(incremental.horizonOn()).isEqualTo(first.horizonOn());
        assertThat(fingerprints(incremental))
                .as("the same findings as a full run as of the same date")
                .isEqualTo(fingerprints(full));
        assertThat(nonZero(incremental.findingsPerRule())).isEqualTo(nonZero(full.findingsPerRule()));
        assertThat(incremental.findingsCount()).isEqualTo(full.findingsCount());
        assertThat(incremental.findingsCarried()).isPositive().isLessThan(incremental.findingsCount());
        assertThat(fingerprints(full))
                .as("time and the changes did change the findings")
                .isNotEqualTo(fingerprints(first))
                .anyMatch(f -> f.startsWith("MET-06|") && dueSoon.stream().anyMatch(f::contains));
        assertThat(incremental.progress().total())
                .as("customers evaluated: the changed and the time-sensitive")
                .isLessThan(CUSTOMERS / 5)
                .isGreaterThanOrEqualTo(changed.size());
        assertThat(incremental.message()).contains("增量稽查").contains("incremental on run " + first.id());
        assertThat(count("SELECT COUNT(*) FROM audit_run_candidates"))
                .as("candidate lists are dropped when done")
                .isZero();
    }

    @Test
    @Order(2)
    void anIncrementalRunOutsideTheHorizonOrMonthRunsInFullAndSaysWhy() throws IOException {
        Path batch = dir.resolve("small");
        GeneratorOptions options = new GeneratorOptions(
                200, 13, 5, batch, null, 0.02, 0, Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);
        loader.load(batch);
        LocalDate day1 = options.asOf();
        audits.run(RunRequest.of(day1, RunTrigger.MANUAL));

        RunView pastHorizon = audits.run(RunRequest.incremental(day1.plusDays(8), RunTrigger.MANUAL));
        assertThat(pastHorizon.mode()).isEqualTo(RunMode.FULL);
        assertThat(pastHorizon.message()).contains("不在运行").contains("outside run");

        RunView onHorizon = audits.run(RunRequest.incremental(pastHorizon.asOf().plusDays(7), RunTrigger.MANUAL));
        assertThat(onHorizon.mode()).as("the last day the look-ahead covers").isEqualTo(RunMode.INCREMENTAL);

        RunView nextMonth = audits.run(RunRequest.incremental(day1.plusMonths(1), RunTrigger.MANUAL));
        assertThat(nextMonth.mode()).isEqualTo(RunMode.FULL);
        assertThat(nextMonth.message()).contains("稽查月份已变").contains("audited period changed");
    }

    private Set<String> fingerprints(RunView run) {
        return audits.findings(run.id(), null, 0, 1_000_000).stream()
                .map(f -> f.ruleCode() + "|" + f.subjectType() + "|" + f.subjectId() + "|" + f.period())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Long> nonZero(Map<String, Long> perRule) {
        return perRule.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Rewrites a contract file row by row: {@code change} may edit a row (index from 0) and says whether it did;
     * with {@code onlyChanged} the output holds the header and the changed rows (a delta extract).
     */
    private static void rewrite(
            Path in, Path out, BiFunction<Integer, Map<String, String>, Boolean> change, boolean onlyChanged)
            throws IOException {
        List<String> header;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in, StandardCharsets.UTF_8)) {
            header = null;
            int i = 0;
            for (NamedCsvRecord record : reader) {
                header = record.getHeader();
                Map<String, String> row = new LinkedHashMap<>();
                header.forEach(h -> row.put(h, record.getField(h)));
                boolean edited = change.apply(i++, row);
                if (edited || !onlyChanged) {
                    rows.add(new ArrayList<>(row.values()));
                }
            }
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (CsvWriter writer = CsvWriter.builder().build(tmp, StandardCharsets.UTF_8)) {
            writer.writeRecord(header);
            rows.forEach(writer::writeRecord);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
    }
}
