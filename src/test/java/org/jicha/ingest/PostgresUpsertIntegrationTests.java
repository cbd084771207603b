package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.ingest.Batch.aBatch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import org.jicha.ingest.Batch.Rows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL loading path (COPY into a staging table, one set-based upsert) on the local PostgreSQL
 * (127.0.0.1:5432, database {@code test}) in a schema of its own, made anew for each run: the same semantics as
 * the portable MERGE that {@link UpsertIntegrationTests} checks on H2.
 */
class PostgresUpsertIntegrationTests {

    private static final String SCHEMA = "jicha_loader_it";
    private static StandaloneLoader standalone;

    private BatchLoader loader;
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void freshSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        standalone = StandaloneLoader.onPostgres(SCHEMA);
    }

    @AfterAll
    static void closePool() {
        standalone.close();
    }

    @BeforeEach
    void cleanDatabase() {
        loader = standalone.loader();
        jdbc = standalone.jdbc();
        Database.clean(jdbc);
    }

    @Test
    void newAndChangedRecordsGetTheLoadsChangedAtWhileUnchangedOnesKeepTheirs() {
        loader.load(Batch.referenceWorld("first")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,李四,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-09,2026-09-25,900,1000,1,100,ACTUAL",
                        "M1,2026-10,2026-10-25,1000,1150.5,1,150.5,ACTUAL")
                .writeTo(dir));
        Timestamp cu1Before = changedAt("customers", "customer_no = 'CU1'");
        Timestamp cu2Before = changedAt("customers", "customer_no = 'CU2'");
        Timestamp septemberBefore = changedAt("readings", "period = '2026-09'");

        LoadResult second = loader.load(aBatch("second")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,SUSPENDED,S1,2020-05-01,15,",
                        "CU2,李四,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU3,王五,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-09,2026-09-25,900,1000,1,100,ACTUAL",
                        "M1,2026-10,2026-10-25,1000,1160.5,1,160.5,ACTUAL")
                .writeTo(dir));

        assertThat(second.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(cu1Before).isNotNull();
        assertThat(changedAt("customers", "customer_no = 'CU1'")).isAfter(cu1Before);
        assertThat(changedAt("customers", "customer_no = 'CU2'")).isEqualTo(cu2Before);
        assertThat(changedAt("customers", "customer_no = 'CU3'"))
                .isEqualTo(changedAt("customers", "customer_no = 'CU1'"));
        assertThat(changedAt("readings", "period = '2026-09'")).isEqualTo(septemberBefore);
        assertThat(changedAt("readings", "period = '2026-10'")).isAfter(septemberBefore);
        assertThat(jdbc.queryForObject("SELECT current_value FROM readings WHERE period = '2026-10'", String.class))
                .isEqualTo("1160.500");
        assertThat(jdbc.queryForObject("SELECT status FROM customers WHERE customer_no = 'CU1'", String.class))
                .isEqualTo("SUSPENDED");
    }

    @Test
    void loadingTheSameBatchTwiceChangesNothing() {
        Path batch = Batch.referenceWorld("twice")
                .with("readings.csv", Rows.READINGS, "M1,2026-10,2026-10-25,1000,1150.5,1,150.5,ACTUAL")
                .writeTo(dir);
        loader.load(batch);
        var before = jdbc.queryForList("SELECT * FROM readings ORDER BY 1, 2");

        LoadResult again = loader.load(batch);

        assertThat(again.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(jdbc.queryForList("SELECT * FROM readings ORDER BY 1, 2")).isEqualTo(before);
    }

    @Test
    void anOptionalColumnTheFileLeavesOutIsNullWhenNewAndKeepsItsStoredValueOtherwise() {
        loader.load(Batch.referenceWorld("first").writeTo(dir));

        loader.load(aBatch("second")
                .with(
                        "customers.csv",
                        "customer_no,customer_name,category,voltage_kv,tariff_code,contract_kva,status,station_code,opened_on",
                        "CU1,張三,RESIDENTIAL,0.22,R1,10,ACTIVE,S1,2020-05-01",
                        "CU9,趙六,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01")
                .writeTo(dir));

        assertThat(jdbc.queryForMap("SELECT reading_day, contract_kva FROM customers WHERE customer_no = 'CU1'"))
                .containsEntry("reading_day", 15)
                .hasEntrySatisfying(
                        "contract_kva", kva -> assertThat(kva.toString()).isEqualTo("10.000"));
        assertThat(jdbc.queryForObject("SELECT reading_day FROM customers WHERE customer_no = 'CU9'", Integer.class))
                .isNull();
    }

    @Test
    void aKeyRepeatedInOneFileKeepsItsLastRow() {
        loader.load(Batch.referenceWorld("first").writeTo(dir));

        LoadResult result = loader.load(aBatch("repeat")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU2,先,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,後,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .writeTo(dir));

        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(result.rowsAccepted()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customers WHERE customer_no = 'CU2'", String.class))
                .isEqualTo("後");
    }

    @Test
    void intoAnEmptyTableARepeatedKeyAfterRowsCopiedStraightInStillKeepsItsLastRow() {
        // empty tables: the rows in key order are copied straight into the table; CU2's second row is out of order
        // and sends it and the rows after it through the staging table's upsert
        LoadResult result = loader.load(Batch.referenceWorld("first")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,先,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU3,王五,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,後,RESIDENTIAL,0.22,R1,8,SUSPENDED,S1,2020-05-01,15,",
                        "CU4,趙六,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU3,王五,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with(
                        "readings.csv",
                        Rows.READINGS,
                        "M1,2026-09,2026-09-25,900,1000,1,100,ACTUAL",
                        "M1,2026-10,2026-10-25,1000,1150.5,1,150.5,ACTUAL",
                        "M1,2026-10,2026-10-25,1000,1160.5,1,160.5,ACTUAL")
                .writeTo(dir));

        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(RepeatedKeyCase.file(result, "customers.csv").rowsAccepted()).isEqualTo(6);
        assertThat(jdbc.queryForList(
                        "SELECT customer_no || ' ' || customer_name || ' ' || status FROM customers ORDER BY 1",
                        String.class))
                .containsExactly("CU1 張三 ACTIVE", "CU2 後 SUSPENDED", "CU3 王五 ACTIVE", "CU4 趙六 ACTIVE");
        assertThat(jdbc.queryForObject("SELECT current_value FROM readings WHERE period = '2026-10'", String.class))
                .isEqualTo("1160.500");
        // every row is new to this load, whichever way it went in: one changed-at for all
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT changed_at) FROM customers", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customers WHERE changed_at IS NULL", Long.class))
                .isZero();
        assertThat(changedAt("readings", "period = '2026-09'"))
                .isEqualTo(changedAt("customers", "customer_no = 'CU2'"));
    }

    @Test
    void aStorageFailureWhileCopyingStraightIntoAnEmptyTableStoresNoneOfTheFilesRows() {
        LoadResult result = loader.load(Batch.referenceWorld("overflow")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU1,張三,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU2,甲,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,",
                        "CU5,丁,RESIDENTIAL,12345678,R1,8,ACTIVE,S1,2020-05-01,15,")
                .writeTo(dir));

        FileResult customers = RepeatedKeyCase.file(result, "customers.csv");
        assertThat(customers.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(customers.fault()).containsIgnoringCase("numeric field overflow");
        assertThat(Database.count(jdbc, "customers")).isZero();
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
                        "CU5,丁,RESIDENTIAL,12345678,R1,8,ACTIVE,S1,2020-05-01,15,")
                .with("meters.csv", Rows.METERS, "M2,CU2,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .writeTo(dir));

        FileResult customers = result.files().get(0);
        assertThat(customers.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(customers.fault())
                .startsWith("storing failed, so no row of this file was stored: ")
                .containsIgnoringCase("numeric field overflow");
        assertThat(jdbc.queryForList("SELECT customer_no FROM customers", String.class))
                .containsExactly("CU1");
        assertThat(Database.count(jdbc, "meters")).isEqualTo(1);
        // the connection went back to the pool usable: the next load stores normally
        assertThat(loader.load(aBatch("after")
                                .with(
                                        "customers.csv",
                                        Rows.CUSTOMERS,
                                        "CU2,甲,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                                .writeTo(dir))
                        .status())
                .isEqualTo(LoadStatus.LOADED);
    }

    @Test
    void textWithCommasQuotesLineBreaksTabsAndBackslashesTravelsThroughCopyUnchanged() {
        String name = "張三, \"老王\"\n第二行\t\\N \\ 結束";
        String cell = "\"" + name.replace("\"", "\"\"") + "\"";
        loader.load(Batch.referenceWorld("world").writeTo(dir));

        LoadResult result = loader.load(aBatch("text")
                .with(
                        "customers.csv",
                        Rows.CUSTOMERS,
                        "CU7," + cell + ",RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,")
                .writeTo(dir));

        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customers WHERE customer_no = 'CU7'", String.class))
                .isEqualTo(name);
    }

    @Test
    void theTablesOfALoadHaveFreshPlannerStatistics() {
        loader.load(Batch.referenceWorld("world").writeTo(dir));

        assertThat(jdbc.queryForObject(
                        "SELECT reltuples FROM pg_class WHERE oid = 'customers'::regclass", Double.class))
                .isEqualTo(1.0);
    }

    private Timestamp changedAt(String table, String where) {
        return jdbc.queryForObject("SELECT changed_at FROM " + table + " WHERE " + where, Timestamp.class);
    }
}
