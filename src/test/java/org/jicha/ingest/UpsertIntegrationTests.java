package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.ingest.Batch.aBatch;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.ingest.Batch.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upsert by natural key: reloading changes nothing, changed_at tracks real changes, a file is atomic. */
@IngestIntegrationTest
class UpsertIntegrationTests {

    private static final String[] TABLES = {
        "units",
        "staff",
        "tariffs",
        "customers",
        "important_customers",
        "meters",
        "readings",
        "bills",
        "applications",
        "application_steps",
        "inspections",
        "meter_events"
    };

    @Autowired
    BatchLoader loader;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanDatabase() {
        Database.clean(jdbc);
    }

    private static Batch everyFile(String name) {
        return Batch.referenceWorld(name)
                .with("staff.csv", Rows.STAFF, "ST1,王五,T1,抄表員")
                .with("important_customers.csv", Rows.IMPORTANT_CUSTOMERS, "CU1,FIRST,2,Y")
                .with("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1000,1150.5,1,150.5,ACTUAL")
                .with("bills.csv", Rows.BILLS, "B1,CU1,2026-10,R1,150.5,79.51,79.51,2026-11-01,2026-11-20")
                .with("application_steps.csv", Rows.STEPS, "A1,ACCEPT,2026-10-01 09:00:00,2026-10-01T10:00:00")
                .with("inspections.csv", Rows.INSPECTIONS, "I1,CU1,2026-10-10,ST1;ST2,PERIODIC,NORMAL")
                .with("meter_events.csv", Rows.EVENTS, "E1,M1,FAULT,2026-10-12");
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2"));
        }
        return tables;
    }

    @Test
    void loadingTheSameBatchTwiceChangesNothing() {
        Path batch = everyFile("twice").writeTo(dir);
        LoadResult first = loader.load(batch);
        Map<String, List<Map<String, Object>>> afterFirst = snapshot();

        LoadResult second = loader.load(batch);

        assertThat(first.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(second.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(first.rowsAccepted()).isEqualTo(14);
        assertThat(snapshot()).isEqualTo(afterFirst);
        assertThat(afterFirst.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    }

    @Test
    void changedAtMovesOnlyForCustomersThatAreNewOrDiffer() {
        loader.load(Batch.referenceWorld("first")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,李四,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .writeTo(dir));
        Timestamp cu1Before = changedAt("CU1");
        Timestamp cu2Before = changedAt("CU2");

        loader.load(aBatch("second")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,SUSPENDED,S1,2020-05-01,15,",
                        "CU2,李四,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU3,王五,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .writeTo(dir));

        assertThat(changedAt("CU1")).isAfter(cu1Before);
        assertThat(changedAt("CU2")).isEqualTo(cu2Before);
        assertThat(changedAt("CU3")).isEqualTo(changedAt("CU1"));
        assertThat(jdbc.queryForObject("SELECT status FROM customers WHERE customer_no = 'CU1'", String.class))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void anOptionalColumnTheFileLeavesOutKeepsItsStoredValue() {
        loader.load(Batch.referenceWorld("first").writeTo(dir));

        loader.load(aBatch("second")
                .with(
                        "customers.csv",
                        "customer_no,customer_name,category,voltage_kv,tariff_code,contract_kva,status,station_code,opened_on",
                        "CU1,張三,RESIDENTIAL,0.22,R1,10,ACTIVE,S1,2020-05-01")
                .writeTo(dir));

        assertThat(jdbc.queryForMap("SELECT reading_day, contract_kva FROM customers WHERE customer_no = 'CU1'"))
                .containsEntry("READING_DAY", 15)
                .hasEntrySatisfying(
                        "CONTRACT_KVA", kva -> assertThat(kva.toString()).isEqualTo("10.000"));
    }

    @Test
    void aLargeFileIntoEmptyTablesThatRepeatsAKeyEarlyIsWrittenAgainTheUpsertWayAndKeepsTheLastRow() {
        RepeatedKeyCase.aLargeFileRepeatingAKeyEarlyKeepsItsLastRow(loader, jdbc, dir);
    }

    @Test
    void aStorageFailureMidFileStoresNoneOfItsRowsAndIsReportedAsAFileFault() {
        loader.load(Batch.referenceWorld("world").writeTo(dir));

        LoadResult result = loader.load(aBatch("overflow")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU2,甲,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU3,乙,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU4,丙,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU5,丁,RESIDENTIAL,12345678,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with("meters.csv", Rows.METERS, "M2,CU2,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .writeTo(dir));

        FileResult customers = result.files().get(0);
        assertThat(customers.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(customers.rowsAccepted()).isZero();
        assertThat(customers.fault())
                .startsWith("storing failed, so no row of this file was stored: ")
                .containsIgnoringCase("voltage_kv");
        assertThat(jdbc.queryForList("SELECT customer_no FROM customers", String.class))
                .containsExactly("CU1");
        assertThat(result.rejections())
                .map(Rejection::describe)
                .containsExactly("meters.csv:2 column customer_no value \"CU2\": "
                        + "unknown customer: not stored, and customers.csv of this batch was rejected");
    }

    private Timestamp changedAt(String customerNo) {
        return jdbc.queryForObject(
                "SELECT changed_at FROM customers WHERE customer_no = ?", Timestamp.class, customerNo);
    }
}
