package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jicha.ingest.Batch.aBatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jicha.ingest.Batch.Rows;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.ingest.internal.LoadReportWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The inbox: batches load in name order and move to the archive (or the failed folder) with their report. */
@IngestIntegrationTest
class InboxServiceIntegrationTests {

    @Autowired BatchLoader loader;
    @Autowired LoadRecordStore records;
    @Autowired LoadReportWriter reports;
    @Autowired LoadHistory history;
    @Autowired JdbcTemplate jdbc;
    @TempDir Path root;

    Path inbox;
    Path archive;
    Path failed;
    InboxService service;

    @BeforeEach
    void setUp() {
        Database.clean(jdbc);
        inbox = root.resolve("inbox");
        archive = root.resolve("archive");
        failed = root.resolve("failed");
        service = new InboxService(loader, records, reports, new IngestProperties(inbox, archive, failed, 31, 1000,
                10_000, DataSize.ofMegabytes(1), 20));
    }

    @Test
    void pendingBatchesLoadInNameOrderAndMoveToTheArchiveWithTheirReport() throws IOException {
        aBatch("2026-11-02").with("meters.csv", Rows.METERS, "M2,CU1,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .writeTo(inbox);
        Batch.referenceWorld("2026-11-01").writeTo(inbox);
        aBatch("_still-writing").with("units.csv", Rows.UNITS, "X,x,,COMPANY,").writeTo(inbox);
        aBatch(".hidden").with("units.csv", Rows.UNITS, "Y,y,,COMPANY,").writeTo(inbox);

        List<LoadResult> results = service.loadPendingBatches();

        assertThat(results).extracting(LoadResult::batchName).containsExactly("2026-11-01", "2026-11-02");
        assertThat(results).extracting(LoadResult::status).containsOnly(LoadStatus.LOADED);
        assertThat(inbox.resolve("2026-11-01")).doesNotExist();
        assertThat(inbox.resolve("_still-writing")).isDirectory();
        assertThat(inbox.resolve(".hidden")).isDirectory();
        Path report = archive.resolve("2026-11-01").resolve(LoadReportWriter.TEXT);
        assertThat(archive.resolve("2026-11-01").resolve("units.csv")).exists();
        assertThat(Files.readString(report)).contains("Status:   LOADED", "units.csv  LOADED  UTF-8  read 3");
        assertThat(archive.resolve("2026-11-01").resolve(LoadReportWriter.JSON)).content()
                .contains("\"batchName\" : \"2026-11-01\"");
        assertThat(history.get(results.get(0).id()).reportPath()).isEqualTo(report.toString());
        assertThat(service.loadPendingBatches()).isEmpty();
    }

    @Test
    void aBatchWithRejectionsIsArchivedAndItsReportListsThem() throws IOException {
        aBatch("b").with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,", "S1,所,C1,STATON,").writeTo(inbox);

        service.loadPendingBatches();

        assertThat(archive.resolve("b").resolve(LoadReportWriter.TEXT)).content().contains("Status:   PARTIAL",
                "units.csv:3 column unit_type value \"STATON\": not one of COMPANY, COUNTY, STATION, TEAM");
    }

    @Test
    void aBatchNameAlreadyArchivedGetsASuffix() {
        aBatch("same").with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,").writeTo(inbox);
        service.loadPendingBatches();
        aBatch("same").with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,").writeTo(inbox);

        service.loadPendingBatches();

        assertThat(archive.resolve("same")).isDirectory();
        assertThat(archive.resolve("same-2").resolve(LoadReportWriter.TEXT)).exists();
    }

    @Test
    void aBatchOfWhichNothingCouldBeStoredGoesToTheFailedFolder() {
        aBatch("junk").with("readme.txt", "hello").writeTo(inbox);

        LoadResult result = service.loadPendingBatches().get(0);

        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(failed.resolve("junk").resolve(LoadReportWriter.TEXT)).content()
                .contains("readme.txt  REJECTED", "fault: unknown file name");
    }

    @Test
    void anUploadedZipIsLoadedAndArchivedUnderTheZipName() {
        byte[] zip = Zips.zip(Map.of("2026-11-27/units.csv", (Rows.UNITS + "\nC1,公司,,COMPANY,\n").getBytes()));

        LoadResult result = service.loadZip(new ByteArrayInputStream(zip), "extract 2026-11-27.zip");

        assertThat(result.batchName()).isEqualTo("extract_2026-11-27");
        assertThat(result.rowsAccepted()).isEqualTo(1);
        assertThat(archive.resolve("extract_2026-11-27").resolve("units.csv")).exists();
        assertThat(inbox).isEmptyDirectory();
    }

    @Test
    void aZipSlipEntryIsRefusedAndNothingIsWrittenOutsideTheInbox() {
        byte[] zip = Zips.zip(Map.of("../../evil.csv", "x".getBytes()));

        assertThatThrownBy(() -> service.loadZip(new ByteArrayInputStream(zip), "evil.zip"))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("unsafe entry path in zip: ../../evil.csv");
        assertThat(root.resolve("evil.csv")).doesNotExist();
        assertThat(inbox).isEmptyDirectory();
        assertThat(Database.count(jdbc, "load_batches")).isZero();
    }
}
