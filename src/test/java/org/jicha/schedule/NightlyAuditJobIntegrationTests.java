package org.jicha.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jicha.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:nightly;DB_CLOSE_DELAY=-1")
class NightlyAuditJobIntegrationTests {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("jicha.ingest.inbox", () -> work.resolve("inbox").toString());
        registry.add("jicha.ingest.archive", () -> work.resolve("archive").toString());
        registry.add(
                "jicha.ingest.failed", () -> work.resolve("archive/_failed").toString());
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theNightlyTriggerFiresAt0200ShanghaiTimeFromTheJdbcStore() throws Exception {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("nightly-audit", "jicha"));

        assertThat(trigger.getCronExpression()).isEqualTo("0 0 2 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(scheduler.getMetaData().getJobStoreClass().getSimpleName()).isEqualTo("LocalDataSourceJobStore");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'nightly-audit' "
                                + "AND TRIGGER_GROUP = 'jicha'",
                        Long.class))
                .isEqualTo(1L);
    }

    /**
     * The batch holds a customer and its meter but no reading or bill of any month: whatever day Quartz fires on (the
     * wall clock's), the month the run would audit has not arrived, so the run is held, not run: no ticket.
     */
    @Test
    void theNightlyJobDeletesExpiredBatchesLoadsTheInboxThenHoldsTheAuditOfAMonthWhoseDataHasNotArrived()
            throws Exception {
        // the clock starts at 2026-12-07 (src/test/resources/application.properties); archive retention 180 days
        Path expired = Files.createDirectories(work.resolve("archive/2026-05-01"));
        Files.setLastModifiedTime(expired, FileTime.from(Instant.parse("2026-05-01T20:00:00Z")));
        Path kept = Files.createDirectories(work.resolve("archive/2026-11-01"));
        Files.setLastModifiedTime(kept, FileTime.from(Instant.parse("2026-11-01T20:00:00Z")));
        Path batch = Files.createDirectories(work.resolve("inbox/2026-11-27"));
        write(
                batch,
                "units.csv",
                "unit_code,unit_name,parent_code,unit_type,team_kind",
                "CO,示范县供电公司,,COUNTY,",
                "ST1,城关供电所,CO,STATION,",
                "ST1-R,城关抄表班,ST1,TEAM,READING");
        write(
                batch,
                "tariffs.csv",
                "tariff_code,tariff_name,customer_category,voltage_kv,energy_price,valid_from",
                "RES,居民生活用电,RESIDENTIAL,0.22,0.5283,2024-01-01");
        write(
                batch,
                "customers.csv",
                "customer_no,customer_name,category,voltage_kv,tariff_code,contract_kva,status,station_code,opened_on",
                "C1,李四,RESIDENTIAL,0.22,RES,8,ACTIVE,ST1,2020-01-01");
        write(
                batch,
                "meters.csv",
                "meter_id,customer_no,meter_kind,multiplier,installed_on,status",
                "M1,C1,SMART_SINGLE,1,2020-01-01,IN_SERVICE");

        scheduler.triggerJob(JobKey.jobKey("nightly-audit", "jicha"));

        List<Map<String, Object>> runs = awaitRun();
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.get("TRIGGER_KIND")).isEqualTo("NIGHTLY");
            assertThat(run.get("STATUS")).isEqualTo("HELD");
            assertThat((String) run.get("MESSAGE")).contains("城关供电所（ST1）：抄表 0/1（0.0%），电费 0/1（0.0%）");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class))
                .isEqualTo(1L);
        assertThat(Files.exists(batch)).isFalse();
        assertThat(Files.isDirectory(work.resolve("archive/2026-11-27"))).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings", Long.class))
                .isZero();
        assertThat(expired).doesNotExist();
        assertThat(kept).isDirectory();
    }

    private List<Map<String, Object>> awaitRun() throws InterruptedException {
        Deadline deadline = Deadline.in(Duration.ofSeconds(60));
        while (deadline.pending()) {
            List<Map<String, Object>> runs = jdbc.queryForList("SELECT * FROM audit_runs WHERE status <> 'RUNNING'");
            if (!runs.isEmpty()) {
                return runs;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the nightly job did not finish a run within 60 s");
    }

    private static void write(Path dir, String name, String... lines) throws Exception {
        Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
