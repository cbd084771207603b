package org.jicha.tools.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jicha.audit.StoredWorld;
import org.jicha.ingest.BatchLoader;
import org.jicha.ingest.LoadResult;
import org.jicha.tools.generator.province.GeneratorOptions;
import org.jicha.tools.generator.province.ProvinceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 item 3: on the same data, the Drools rule set, the SQL-only checks and the plain Java loop find the same
 * BIL-01, 02, 06, 07 and 08 findings — on a generated batch, where they must also be exactly the planted ones, and
 * on hand-made boundary cases, where look-alikes the rules exempt must not fire in any of the three.
 */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:compare;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"
        })
class CheckComparisonIntegrationTests {

    static final int CUSTOMERS = 2_000;
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    static final String AUDITED = "2026-10";

    @Autowired
    BatchLoader loader;

    @Autowired
    CheckComparison comparison;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void onAGeneratedBatchTheThreeWaysFindExactlyWhatWasPlanted() throws IOException {
        StoredWorld.reset(jdbc);
        jdbc.update("DELETE FROM tariffs");
        jdbc.update("DELETE FROM units");
        generateLoadAndCompare(loader, comparison, dir, "H2", () -> {});
    }

    /**
     * Generates the 2,000-customer batch into {@code dir}, loads it, runs {@code afterLoad} (PostgreSQL: ANALYZE),
     * compares the three ways and asserts.
     */
    static void generateLoadAndCompare(
            BatchLoader loader, CheckComparison comparison, Path dir, String database, Runnable afterLoad)
            throws IOException {
        Path out = dir.resolve("batch");
        // one deviation per 30 customers, the 11 kinds in turn: each of the five compared rules is planted 6 times
        GeneratorOptions options = new GeneratorOptions(
                CUSTOMERS,
                13,
                20_261_105L,
                out,
                AS_OF,
                1.0 / 30,
                0,
                Path.of("rules", "calendar", "cn-working-days.csv"));
        ProvinceGenerator.generate(options);
        LoadResult load = loader.load(out);
        assertThat(load.rejections()).isEmpty();
        assertThat(load.filesFailed()).isZero();
        afterLoad.run();

        CheckComparison.Result result = comparison.compare(AS_OF, Integer.getInteger("compare.repetitions", 3));
        System.out.println("Drools vs SQL vs Java on " + database + ", " + CUSTOMERS
                + " generated customers x 13 months:\n" + result.table());

        Set<String> planted = Files.readAllLines(out.resolve("expected/planted.csv"), StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> ComparedRules.SET.contains(line.substring(0, line.indexOf(','))))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Long> perRule = new TreeMap<>(planted.stream()
                .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf(',')), Collectors.counting())));
        assertThat(perRule)
                .as("each compared rule is planted several times")
                .containsOnlyKeys(ComparedRules.CODES)
                .allSatisfy((rule, n) -> assertThat(n).as(rule).isGreaterThanOrEqualTo(3));

        assertThat(result.sql()).as("SQL finds what Drools finds").containsExactlyElementsOf(result.drools());
        assertThat(result.java()).as("Java finds what Drools finds").containsExactlyElementsOf(result.drools());
        assertThat(result.drools()).allSatisfy(f -> assertThat(f.period()).isEqualTo(AUDITED));
        Set<String> found =
                result.drools().stream().map(CheckFinding::plantedKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found)
                .as("the three find exactly the planted deviations of the five rules")
                .containsExactlyElementsOf(planted);
        assertThat(result.droolsNanos()).isPositive();
        assertThat(result.sqlNanos()).isPositive();
        assertThat(result.javaNanos()).isPositive();
    }

    /**
     * One customer per case, audited 2026-10 as of 2026-11-05: each rule fires on its plain case and its boundary
     * case past the limit, and on none of the look-alikes its DRL exempts.
     */
    @Test
    void lookAlikesTheRulesExemptFireInNoneOfTheThree() {
        World w = new World(StoredWorld.reset(jdbc), jdbc);
        jdbc.update(
                "INSERT INTO tariffs (tariff_code, valid_from, tariff_name, customer_category, voltage_kv, energy_price) "
                        + "VALUES ('COM-T', DATE '2024-01-01', '一般工商业', 'COMMERCIAL', 0.4, 0.65), "
                        + "('AGR-T', DATE '2024-01-01', '农业生产', 'AGRICULTURE', 0.22, 0.48), "
                        + "('OLD-T', DATE '2020-01-01', '旧电价', 'COMMERCIAL', 0.22, 0.6)");
        jdbc.update("UPDATE tariffs SET valid_to = DATE '2024-12-31' WHERE tariff_code = 'OLD-T'");

        // BIL-01
        w.customer("C01").meter("C01").series("C01", 100, "2026-10"); // no reading of 2026-10: fires
        w.customer("C02").meter("C02"); // replacement installed mid-period
        jdbc.update("UPDATE meters SET installed_on = DATE '2026-10-15' WHERE meter_id = 'M-C02'");
        w.customer("C03").meter("C03").series("C03", 100, "2026-10").status("C03", "SUSPENDED"); // paused customer
        w.customer("C04").meter("C04").series("C04", 100, "2026-10").read("C04", AUDITED, "MISSED", 0); // MISSED: fires
        // BIL-02
        w.customer("C05")
                .meter("C05")
                .series("C05", 100, "2026-09")
                .read("C05", "2026-09", "ESTIMATED", 100)
                .read("C05", AUDITED, "ESTIMATED", 100); // twice estimated: fires
        w.customer("C06").meter("C06").series("C06", 100, "2026-10").read("C06", AUDITED, "ESTIMATED", 100); // once
        w.customer("C07")
                .meter("C07")
                .series("C07", 100, "2026-09")
                .readOn("C07", "2026-09", "ACTUAL", 100, AS_OF.minusDays(60))
                .read("C07", AUDITED, "ESTIMATED", 100); // actual read exactly 60 days ago
        w.customer("C08")
                .meter("C08")
                .series("C08", 100, "2026-09")
                .readOn("C08", "2026-09", "ACTUAL", 100, AS_OF.minusDays(61))
                .read("C08", AUDITED, "ESTIMATED", 100); // 61 days ago: fires
        // BIL-06 (a 50 kWh household is below BIL-07's minimum average)
        w.customer("C09").meter("C09").zeros("C09", 50, 3); // three zero months: fires
        w.customer("C10")
                .meter("C10")
                .zeros("C10", 50, 3)
                .application("C10", "PAUSE", "2026-07-02", "ARCHIVED"); // 30 d
        w.customer("C11")
                .meter("C11")
                .zeros("C11", 50, 3)
                .application("C11", "PAUSE", "2026-07-01", "ARCHIVED")
                .application("C11", "CAPACITY_REDUCE", "2026-08-10", "CANCELLED"); // 31 days, cancelled: fires
        w.customer("C12").meter("C12").zeros("C12", 50, 2).read("C12", "2026-08", "MISSED", 0); // MISSED breaks the run
        w.customer("C13").meter("C13").zeros("C13", 50, 3).status("C13", "SUSPENDED"); // paused customer
        // BIL-07
        w.customer("C14").meter("C14").series("C14", 200, null).read("C14", AUDITED, "REMOTE", 700); // 3.5 x: fires
        w.customer("C15")
                .meter("C15")
                .series("C15", 200, null)
                .read("C15", AUDITED, "REMOTE", 700)
                .application("C15", "LV_INCREASE", "2026-09-01", "IN_PROGRESS"); // increase 30 days before
        w.customer("C16")
                .meter("C16")
                .series("C16", 200, null)
                .read("C16", AUDITED, "REMOTE", 700)
                .application("C16", "LV_INCREASE", "2026-09-20", "CANCELLED"); // cancelled: fires
        w.customer("C17").meter("C17").series("C17", 80, null).read("C17", AUDITED, "REMOTE", 280); // average below 100
        w.customer("C18").meter("C18").series("C18", 200, null).read("C18", AUDITED, "REMOTE", 300); // exactly 50 %
        // BIL-08
        w.customer("C19").meter("C19").series("C19", 100, null).bill("C19", AUDITED, "COM-T"); // other code: fires
        w.customer("C20")
                .meter("C20")
                .series("C20", 100, null)
                .bill("C20", AUDITED, "RES-T")
                .bill("C20", "2026-09", "COM-T"); // wrong only before the period
        w.customer("C21")
                .meter("C21")
                .series("C21", 100, null)
                .tariff("C21", "OLD-T")
                .bill("C21", AUDITED, "OLD-T"); // no valid version: code alone
        w.customer("C22")
                .meter("C22")
                .series("C22", 100, null)
                .tariff("C22", "AGR-T")
                .bill("C22", AUDITED, "AGR-T"); // version's category: fires

        CheckComparison.Result result = comparison.compare(AS_OF, 1);

        Set<CheckFinding> expected = new TreeSet<>(List.of(
                finding("BIL-01", "METER", "M-C01"), finding("BIL-01", "METER", "M-C04"),
                finding("BIL-02", "METER", "M-C05"), finding("BIL-02", "METER", "M-C08"),
                finding("BIL-06", "CUSTOMER", "C09"), finding("BIL-06", "CUSTOMER", "C11"),
                finding("BIL-07", "CUSTOMER", "C14"), finding("BIL-07", "CUSTOMER", "C16"),
                finding("BIL-08", "BILL", "B-C19-" + AUDITED), finding("BIL-08", "BILL", "B-C22-" + AUDITED)));
        assertThat(result.drools()).as("Drools").containsExactlyElementsOf(expected);
        assertThat(result.sql()).as("SQL").containsExactlyElementsOf(expected);
        assertThat(result.java()).as("Java").containsExactlyElementsOf(expected);
    }

    private static CheckFinding finding(String rule, String type, String id) {
        return new CheckFinding(rule, type, id, AUDITED);
    }

    /** Cases written straight into the contract tables, customer C.. with meter M-C.. on StoredWorld's station. */
    private record World(StoredWorld stored, JdbcTemplate jdbc) {

        static final YearMonth FIRST = YearMonth.parse(AUDITED).minusMonths(12);

        World customer(String no) {
            stored.customer(no);
            return this;
        }

        World meter(String no) {
            stored.meter("M-" + no, no, LocalDate.of(2030, 1, 1));
            return this;
        }

        World status(String no, String status) {
            jdbc.update("UPDATE customers SET status = ? WHERE customer_no = ?", status, no);
            return this;
        }

        World tariff(String no, String code) {
            jdbc.update("UPDATE customers SET tariff_code = ? WHERE customer_no = ?", code, no);
            return this;
        }

        /** REMOTE readings of {@code kwh} from 2025-10 up to 2026-10, leaving out {@code from} and later (null: none). */
        World series(String no, double kwh, String from) {
            for (YearMonth p = FIRST; !p.isAfter(YearMonth.parse(AUDITED)); p = p.plusMonths(1)) {
                if (from != null && p.toString().compareTo(from) >= 0) {
                    break;
                }
                read(no, p.toString(), "REMOTE", kwh);
            }
            return this;
        }

        /** {@code kwh} a month, then {@code zeroMonths} of 0 kWh ending at the audited period. */
        World zeros(String no, double kwh, int zeroMonths) {
            series(no, kwh, null);
            for (int i = 0; i < zeroMonths; i++) {
                read(no, YearMonth.parse(AUDITED).minusMonths(i).toString(), "REMOTE", 0);
            }
            return this;
        }

        World read(String no, String period, String type, double kwh) {
            return readOn(
                    no, period, type, kwh, YearMonth.parse(period).plusMonths(1).atDay(3));
        }

        /** Replaces the meter's reading of {@code period}. */
        World readOn(String no, String period, String type, double kwh, LocalDate readOn) {
            jdbc.update("DELETE FROM readings WHERE meter_id = ? AND period = ?", "M-" + no, period);
            double previous = 1000 + (YearMonth.parse(period).getMonthValue() * 1000);
            jdbc.update(
                    "INSERT INTO readings (meter_id, period, read_on, previous_value, current_value, multiplier, "
                            + "consumption_kwh, read_type) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                    "M-" + no,
                    period,
                    readOn,
                    previous,
                    previous + kwh,
                    kwh,
                    type);
            return this;
        }

        World application(String no, String type, String acceptedOn, String status) {
            jdbc.update(
                    "INSERT INTO applications (app_no, customer_no, applicant_name, app_type, station_code, "
                            + "accepted_at, status, archived_at) VALUES (?, ?, '张三', ?, ?, ?, ?, ?)",
                    "A-" + no + "-" + type + "-" + acceptedOn,
                    no,
                    type,
                    StoredWorld.STATION,
                    LocalDate.parse(acceptedOn).atTime(9, 30),
                    status,
                    "ARCHIVED".equals(status)
                            ? LocalDate.parse(acceptedOn).plusDays(2).atTime(16, 0)
                            : null);
            return this;
        }

        World bill(String no, String period, String tariff) {
            LocalDate issued = YearMonth.parse(period).plusMonths(1).atDay(4);
            jdbc.update(
                    "INSERT INTO bills (bill_no, customer_no, period, tariff_code, energy_kwh, energy_charge, "
                            + "total_amount, issued_on, due_on, paid_amount, paid_on) VALUES (?, ?, ?, ?, 100, 52.83, 52.83, ?, ?, "
                            + "52.83, ?)",
                    "B-" + no + "-" + period,
                    no,
                    period,
                    tariff,
                    issued,
                    issued.plusDays(20),
                    issued);
            return this;
        }
    }
}
