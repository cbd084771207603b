package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.ingest.Batch.aBatch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jicha.ingest.Batch.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Faults of a whole file reject that file only; encodings; what a load records. */
@IngestIntegrationTest
class FileFaultsIntegrationTests {

    @Autowired
    BatchLoader loader;

    @Autowired
    LoadHistory history;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void cleanDatabase() {
        Database.clean(jdbc);
    }

    private FileResult file(LoadResult result, String name) {
        return result.files().stream()
                .filter(f -> f.fileName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void gb18030FileWithChineseNamesLoadsAndTheReportSaysGb18030() {
        Batch batch = Batch.referenceWorld("gbk")
                .with(
                        "customers.csv",
                        Charset.forName("GB18030"),
                        Rows.CUSTOMERS,
                        "CU2,張三電器維修部（個體）,COMMERCIAL,0.4,R1,20,ACTIVE,S1,2021-03-01,10,");
        LoadResult result = loader.load(batch.writeTo(dir));

        assertThat(file(result, "customers.csv").encoding()).isEqualTo("GB18030");
        assertThat(file(result, "units.csv").encoding()).isEqualTo("UTF-8");
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customers WHERE customer_no = 'CU2'", String.class))
                .isEqualTo("張三電器維修部（個體）");
    }

    @Test
    void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = (Rows.UNITS + "\nC9,公司,,COMPANY,\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(csv, 0, content, bom.length, csv.length);

        LoadResult result =
                loader.load(aBatch("bom").withBytes("units.csv", content).writeTo(dir));

        assertThat(file(result, "units.csv").status()).isEqualTo(FileStatus.LOADED);
        assertThat(Database.count(jdbc, "units")).isEqualTo(1);
    }

    @Test
    void brokenRowAmongGoodOnesIsRejectedAndTheGoodOnesAreStored() {
        LoadResult result = loader.load(aBatch("b")
                .with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,", "S1,供電所,C1,STATON,", "S2,供電所,C1,STATION,")
                .writeTo(dir));

        FileResult units = file(result, "units.csv");
        assertThat(units.status()).isEqualTo(FileStatus.LOADED);
        assertThat(units.rowsRead()).isEqualTo(3);
        assertThat(units.rowsAccepted()).isEqualTo(2);
        assertThat(units.rowsRejected()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(LoadStatus.PARTIAL);
        assertThat(jdbc.queryForList("SELECT unit_code FROM units ORDER BY unit_code", String.class))
                .containsExactly("C1", "S2");
    }

    @Test
    void missingRequiredColumnRejectsTheFileAndNamesTheColumnWhileOtherFilesLoad() {
        LoadResult result = loader.load(Batch.referenceWorld("b")
                .with(
                        "meters.csv",
                        "meter_id,customer_no,meter_kind,installed_on,status",
                        "M2,CU1,SMART_SINGLE,2020-05-01,IN_SERVICE")
                .writeTo(dir));

        FileResult meters = file(result, "meters.csv");
        assertThat(meters.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(meters.fault()).isEqualTo("missing required column(s): multiplier");
        assertThat(Database.count(jdbc, "meters")).isZero();
        assertThat(Database.count(jdbc, "customers")).isEqualTo(1);
        assertThat(result.status()).isEqualTo(LoadStatus.PARTIAL);
        assertThat(result.filesFailed()).isEqualTo(1);
    }

    @Test
    void aFileNameOutsideTheContractIsIgnoredAndTheLoadNamesTheExpectedFiles() {
        LoadResult result =
                loader.load(aBatch("b").with("customer.csv", Rows.CUSTOMERS).writeTo(dir));

        assertThat(result.files()).isEmpty();
        assertThat(result.ignored()).containsExactly(new IgnoredEntry("customer.csv", Rows.CUSTOMERS.length() + 2));
        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(result.message())
                .startsWith("the batch holds no file of the data contract (units.csv, "
                        + "staff.csv, tariffs.csv, customers.csv,");
    }

    @Test
    void emptyFileWithoutHeaderIsRejected() {
        LoadResult result =
                loader.load(aBatch("b").withBytes("units.csv", new byte[0]).writeTo(dir));

        assertThat(file(result, "units.csv").fault()).isEqualTo("empty file: no header row");
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030RejectTheFile() {
        byte[] content = (Rows.UNITS + "\nC1,").getBytes(StandardCharsets.US_ASCII);
        byte[] broken = new byte[content.length + 2];
        System.arraycopy(content, 0, broken, 0, content.length);
        broken[content.length] = (byte) 0xFF;
        broken[content.length + 1] = (byte) 0xFF;

        LoadResult result =
                loader.load(aBatch("b").withBytes("units.csv", broken).writeTo(dir));

        FileResult units = file(result, "units.csv");
        assertThat(units.status()).isEqualTo(FileStatus.REJECTED);
        assertThat(units.encoding()).isNull();
        assertThat(units.fault()).isEqualTo("undecodable bytes: the file is neither valid UTF-8 nor GB18030");
    }

    @Test
    void unknownExtraColumnIsIgnoredWithAWarning() {
        LoadResult result = loader.load(aBatch("b")
                .with("units.csv", "remark," + Rows.UNITS, "hello,C1,公司,,COMPANY,")
                .writeTo(dir));

        assertThat(file(result, "units.csv").warnings()).containsExactly("ignored unknown column(s): remark");
        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
    }

    @Test
    void headerOnlyFileLoadsNothingWithoutFault() {
        LoadResult result =
                loader.load(aBatch("b").with("units.csv", Rows.UNITS).writeTo(dir));

        assertThat(file(result, "units.csv").status()).isEqualTo(FileStatus.LOADED);
        assertThat(result.rowsAccepted()).isZero();
    }

    @Test
    void batchWithoutFilesFails() {
        LoadResult result = loader.load(aBatch("empty").writeTo(dir));

        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(result.message()).startsWith("the batch holds no file of the data contract");
    }

    @Test
    void everyEntryBesideTheContractFilesIsIgnoredWithItsSizeAndRecorded() {
        LoadResult result = loader.load(aBatch("b")
                .with("_load-report.txt", "old report")
                .with(".DS_Store", "x")
                .withBytes("rules/x.drl", new byte[300])
                .withBytes("evil.sh", new byte[12])
                .with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,")
                .writeTo(dir));

        assertThat(result.files()).extracting(FileResult::fileName).containsExactly("units.csv");
        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(result.ignored())
                .containsExactly(
                        new IgnoredEntry(".DS_Store", 3),
                        new IgnoredEntry("_load-report.txt", 12),
                        new IgnoredEntry("evil.sh", 12),
                        new IgnoredEntry("rules/", 300));
        assertThat(history.get(result.id()).ignored()).isEqualTo(result.ignored());
    }

    @Test
    void theLoadIsRecordedWithItsFilesAndRejections() {
        LoadResult result = loader.load(aBatch("recorded")
                .with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,", "S1,供電所,C1,STATON,")
                .with("meters.csv", Rows.METERS)
                .with("nonsense.txt", "x")
                .writeTo(dir));

        LoadResult stored = history.get(result.id());

        assertThat(stored)
                .usingRecursiveComparison()
                .ignoringFields("startedAt", "finishedAt")
                .isEqualTo(result);
        assertThat(stored.rejections())
                .map(Rejection::describe)
                .containsExactly(
                        "units.csv:3 column unit_type value \"STATON\": not one of COMPANY, COUNTY, STATION, TEAM");
        assertThat(history.newestFirst(0, 10).content())
                .extracting(LoadSummary::id)
                .containsExactly(result.id());
    }
}
