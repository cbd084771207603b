package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jicha.ingest.Batch.aBatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jicha.ingest.Batch.Rows;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.ingest.internal.LoadReportWriter;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox: batches load in name order; the archive keeps only their contract files (the failed folder only
 * the report and a sample), every other entry is listed as ignored; uploads are extracted within the per-batch
 * limit and the disk budget and go to the audit trail; old batches are deleted by the housekeeping.
 */
@IngestIntegrationTest
class InboxServiceIntegrationTests {

    private static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null, null);

    @Autowired
    BatchLoader loader;

    @Autowired
    LoadRecordStore records;

    @Autowired
    LoadReportWriter reports;

    @Autowired
    LoadHistory history;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    Path inbox;
    Path archive;
    Path failed;
    InboxService service;

    @BeforeEach
    void setUp() {
        Database.clean(jdbc);
        jdbc.update("DELETE FROM audit_trail");
        inbox = root.resolve("inbox");
        archive = root.resolve("archive");
        failed = root.resolve("failed");
        service = service("max-extracted-bytes-per-batch", "1MB");
    }

    /** The service on this test's folders, with 20 entries per zip, 2 sample lines and the given settings. */
    private InboxService service(Object... settings) {
        Object[] all = new Object[settings.length + 10];
        System.arraycopy(
                new Object[] {
                    "inbox",
                    inbox,
                    "archive",
                    archive,
                    "failed",
                    failed,
                    "max-upload-entries",
                    20,
                    "failed-sample-lines",
                    2
                },
                0,
                all,
                0,
                10);
        System.arraycopy(settings, 0, all, 10, settings.length);
        return new InboxService(loader, records, reports, IngestSettings.with(all), trail);
    }

    private static byte[] zipOf(Batch batch, String folder) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        batch.files().forEach((file, content) -> entries.put(folder + file, content));
        return Zips.zip(entries);
    }

    private static List<String> filesBelow(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void pendingBatchesLoadInNameOrderAndMoveToTheArchiveWithTheirReport() throws IOException {
        aBatch("2026-11-02")
                .with("meters.csv", Rows.METERS, "M2,CU1,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
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
        assertThat(archive.resolve("2026-11-01").resolve(LoadReportWriter.JSON))
                .content()
                .contains("\"batchName\" : \"2026-11-01\"");
        assertThat(history.get(results.get(0).id()).reportPath()).isEqualTo(report.toString());
        assertThat(service.loadPendingBatches()).isEmpty();
    }

    @Test
    void aBatchWithRejectionsIsArchivedAndItsReportListsThem() throws IOException {
        aBatch("b")
                .with("units.csv", Rows.UNITS, "C1,公司,,COMPANY,", "S1,所,C1,STATON,")
                .writeTo(inbox);

        service.loadPendingBatches();

        assertThat(archive.resolve("b").resolve(LoadReportWriter.TEXT))
                .content()
                .contains(
                        "Status:   PARTIAL",
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
    void aBatchOfWhichNothingCouldBeStoredGoesToTheFailedFolderWithItsReportOnly() throws IOException {
        aBatch("junk").with("readme.txt", "hello").writeTo(inbox);

        LoadResult result = service.loadPendingBatches().get(0);

        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(failed.resolve("junk").resolve(LoadReportWriter.TEXT))
                .content()
                .contains("Fault:    the batch holds no file of the data contract", "readme.txt  7 bytes");
        assertThat(filesBelow(failed)).containsExactly("junk/_load-report.json", "junk/_load-report.txt");
        assertThat(inbox).isEmptyDirectory();
    }

    @Test
    void aFailedBatchKeepsItsReportAndTheFirstLinesOfEachRejectedFileNotTheFiles() throws IOException {
        String[] rows = new String[500];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "C" + i + ",公司" + i;
        }
        aBatch("broken").with("units.csv", "unit_code,unit_name", rows).writeTo(inbox);

        LoadResult result = service.loadPendingBatches().get(0);

        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(filesBelow(failed))
                .containsExactly("broken/_load-report.json", "broken/_load-report.txt", "broken/_sample-units.csv");
        assertThat(failed.resolve("broken").resolve("_sample-units.csv"))
                .hasContent("unit_code,unit_name\r\nC0,公司0\r\n");
        assertThat(failed.resolve("broken").resolve(LoadReportWriter.TEXT))
                .content()
                .contains("units.csv  REJECTED", "missing required column(s): unit_type");
        assertThat(archive).doesNotExist();
        assertThat(inbox).isEmptyDirectory();
    }

    @Test
    void aFailedBatchsSampleIsCutAtTheByteLimitToo() throws IOException {
        service = service("failed-sample-lines", 1000, "failed-sample-size", "10B");
        aBatch("broken")
                .with("units.csv", "unit_code,unit_name", "C1,x", "C2,y")
                .writeTo(inbox);

        service.loadPendingBatches();

        assertThat(failed.resolve("broken").resolve("_sample-units.csv")).hasContent("unit_code,");
    }

    @Test
    void anInboxBatchKeepsOnlyItsContractFilesTheOthersAreListedAsIgnoredAndDeleted() throws IOException {
        Batch.referenceWorld("night")
                .withBytes("evil.sh", "rm -rf /\n".getBytes(StandardCharsets.UTF_8))
                .withBytes("rules/x.drl", new byte[100])
                .withBytes("nested.zip", Zips.zip(Map.of("a.drl", new byte[5])))
                .writeTo(inbox);

        LoadResult result = service.loadPendingBatches().get(0);

        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(result.ignored()).extracting(IgnoredEntry::name).containsExactly("evil.sh", "nested.zip", "rules/");
        assertThat(result.ignored()).contains(new IgnoredEntry("evil.sh", 9), new IgnoredEntry("rules/", 100));
        assertThat(filesBelow(archive))
                .containsExactly(
                        "night/_load-report.json",
                        "night/_load-report.txt",
                        "night/applications.csv",
                        "night/customers.csv",
                        "night/meters.csv",
                        "night/tariffs.csv",
                        "night/units.csv");
        assertThat(archive.resolve("night").resolve(LoadReportWriter.TEXT))
                .content()
                .contains("Ignored, not part of the data contract", "evil.sh  9 bytes", "rules/  100 bytes");
        assertThat(inbox).isEmptyDirectory();
    }

    @Test
    void anUploadedZipIsLoadedAndArchivedUnderTheZipNameAndTrailedWithActorSizeAndHash() throws Exception {
        byte[] zip = Zips.zip(Map.of("2026-11-27/units.csv", (Rows.UNITS + "\nC1,公司,,COMPANY,\n").getBytes()));

        LoadResult result = service.loadUpload(AUDITOR, "extract 2026-11-27.zip", new ByteArrayInputStream(zip));

        assertThat(result.batchName()).isEqualTo("extract_2026-11-27");
        assertThat(result.rowsAccepted()).isEqualTo(1);
        assertThat(archive.resolve("extract_2026-11-27").resolve("units.csv")).exists();
        assertThat(inbox).isEmptyDirectory();
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip));
        assertThat(jdbc.queryForMap("SELECT actor, target, detail FROM audit_trail WHERE action = 'LOAD_UPLOAD'"))
                .containsEntry("ACTOR", "auditor")
                .containsEntry("TARGET", "load_batches:" + result.id())
                .containsEntry(
                        "DETAIL",
                        "batch=extract_2026-11-27 file=extract 2026-11-27.zip size=" + zip.length + " sha256=" + sha256
                                + " outcome=LOADED");
    }

    @Test
    void anUploadCarryingRulesAndScriptsLoadsTheContractFilesAndArchivesNoneOfTheOthers() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Batch.referenceWorld("x").files().forEach((file, content) -> entries.put("batch/" + file, content));
        entries.put("batch/rules/x.drl", "rule \"x\" when then Runtime.getRuntime().exec(\"id\"); end".getBytes());
        entries.put("evil.sh", "#!/bin/sh\nid\n".getBytes());
        entries.put("batch/nested.zip", Zips.zip(Map.of("units.csv", new byte[10])));

        LoadResult result = service.loadUpload(AUDITOR, "night.zip", new ByteArrayInputStream(Zips.zip(entries)));

        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(result.files()).hasSize(5);
        assertThat(result.ignored())
                .extracting(IgnoredEntry::name)
                .containsExactly("batch/rules/x.drl", "evil.sh", "batch/nested.zip");
        assertThat(result.ignored().get(0).sizeBytes()).isEqualTo(55);
        assertThat(filesBelow(archive))
                .containsExactly(
                        "night/_load-report.json",
                        "night/_load-report.txt",
                        "night/applications.csv",
                        "night/customers.csv",
                        "night/meters.csv",
                        "night/tariffs.csv",
                        "night/units.csv");
        assertThat(history.get(result.id()).ignored()).isEqualTo(result.ignored());
        assertThat(failed).doesNotExist();
        assertThat(inbox).isEmptyDirectory();
    }

    /** A 5 MB entry that deflates to a few KB, in a contract file's name or not: stopped at 1 MB. */
    @ParameterizedTest
    @ValueSource(strings = {"units.csv", "junk/zeros.bin"})
    void aZipBombIsRefusedAtTheLimitWithNothingLeftOnDisk(String entry) {
        byte[] bomb = Zips.zip(Map.of(entry, new byte[5 * 1024 * 1024]));
        assertThat(bomb.length).isLessThan(16 * 1024);

        assertThatThrownBy(() -> service.loadUpload(AUDITOR, "bomb.zip", new ByteArrayInputStream(bomb)))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("1 MB");

        assertThat(archive).doesNotExist();
        assertThat(failed).doesNotExist();
        assertThat(inbox).isEmptyDirectory();
        assertThat(Database.count(jdbc, "load_batches")).isZero();
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_trail WHERE action = 'LOAD_UPLOAD'", String.class))
                .startsWith("batch=bomb file=bomb.zip size=" + bomb.length + " sha256=")
                .contains("outcome=REFUSED: 批次解压后超过单批上限 1 MB");
    }

    @Test
    void aZipLongerThanTheUploadLimitIsRefusedEvenWhenTheMultipartLimitIsHigher() {
        service = service("max-upload-size", "1KB");
        byte[] noise = new byte[8 * 1024];
        new Random(7).nextBytes(noise);
        byte[] zip = Zips.zip(Map.of("units.csv", noise));

        assertThatThrownBy(() -> service.loadUpload(AUDITOR, "long.zip", new ByteArrayInputStream(zip)))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("jicha.ingest.max-upload-size");

        assertThat(inbox).isEmptyDirectory();
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_trail WHERE action = 'LOAD_UPLOAD'", String.class))
                .contains("size=" + zip.length + " ", "outcome=REFUSED: 上传的压缩包超过 1 KB 的上限");
    }

    @Test
    void anUploadPastTheDiskBudgetIsRefusedAndNothingIsKept() throws IOException {
        Files.createDirectories(archive.resolve("old"));
        Files.write(archive.resolve("old").resolve("units.csv"), new byte[3000]);
        service = service("disk-budget", "4KB");
        byte[] zip = zipOf(
                Batch.aBatch("b")
                        .withBytes(
                                "units.csv",
                                (Rows.UNITS + "\n" + "C1,公司,,COMPANY,\n".repeat(100)).getBytes(StandardCharsets.UTF_8)),
                "");

        assertThatThrownBy(() -> service.loadUpload(AUDITOR, "b.zip", new ByteArrayInputStream(zip)))
                .isInstanceOf(DiskBudgetExceededException.class)
                .hasMessageContaining("jicha.ingest.disk-budget");

        assertThat(filesBelow(archive)).containsExactly("old/units.csv");
        assertThat(inbox).isEmptyDirectory();
        assertThat(Database.count(jdbc, "load_batches")).isZero();
    }

    @Test
    void anInboxBatchPastTheDiskBudgetStaysInTheInboxAndAFailedLoadSaysWhy() throws IOException {
        service = service("disk-budget", "100B");
        Batch.referenceWorld("big").writeTo(inbox);

        LoadResult result = service.loadPendingBatches().get(0);

        assertThat(result.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(result.message()).contains("jicha.ingest.disk-budget", "the batch stays in the inbox");
        assertThat(inbox.resolve("big").resolve("units.csv")).exists();
        assertThat(Database.count(jdbc, "units")).isZero();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aZipSlipEntryIsRefusedAndNothingIsWrittenOutsideTheInbox() {
        byte[] zip = Zips.zip(Map.of("../../evil.csv", "x".getBytes()));

        assertThatThrownBy(() -> service.loadUpload(AUDITOR, "evil.zip", new ByteArrayInputStream(zip)))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("unsafe entry path in zip: ../../evil.csv");
        assertThat(root.resolve("evil.csv")).doesNotExist();
        assertThat(inbox).isEmptyDirectory();
        assertThat(Database.count(jdbc, "load_batches")).isZero();
    }

    @Test
    void housekeepingDeletesBatchesPastTheirRetentionAndKeepsNewerOnes() throws IOException {
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        IngestProperties properties = IngestSettings.with(
                "inbox",
                inbox,
                "archive",
                archive,
                "failed",
                failed,
                "archive-retention",
                "180d",
                "failed-retention",
                "30d");
        folderAged(archive.resolve("2026-05-01"), now.minus(Duration.ofDays(200)));
        folderAged(archive.resolve("2026-11-30"), now.minus(Duration.ofDays(7)));
        folderAged(failed.resolve("bad-2026-10-01"), now.minus(Duration.ofDays(60)));
        folderAged(failed.resolve("bad-2026-12-01"), now.minus(Duration.ofDays(6)));
        folderAged(inbox.resolve("_upload-crashed"), now.minus(Duration.ofDays(2)));
        folderAged(inbox.resolve("2026-12-06"), now.minus(Duration.ofDays(300)));

        ArchiveRetention.Removed removed =
                new ArchiveRetention(properties, trail, Clock.fixed(now, ZoneId.of("Asia/Shanghai"))).removeExpired();

        assertThat(removed.folders())
                .containsExactlyInAnyOrder("archive/2026-05-01", "failed/bad-2026-10-01", "inbox/_upload-crashed");
        assertThat(removed.bytes()).isEqualTo(30);
        assertThat(archive.resolve("2026-05-01")).doesNotExist();
        assertThat(archive.resolve("2026-11-30")).isDirectory();
        assertThat(failed.resolve("bad-2026-10-01")).doesNotExist();
        assertThat(failed.resolve("bad-2026-12-01")).isDirectory();
        assertThat(inbox.resolve("_upload-crashed")).doesNotExist();
        assertThat(inbox.resolve("2026-12-06"))
                .as("a waiting batch is not the housekeeping's")
                .isDirectory();
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_trail WHERE action = 'ARCHIVE_EXPIRED'", String.class))
                .isEqualTo("system");
    }

    @Test
    void housekeepingNeverTakesTheFailedFolderInsideTheArchiveForABatch() throws IOException {
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        Path nestedFailed = archive.resolve("_failed");
        IngestProperties properties = IngestSettings.with(
                "inbox",
                inbox,
                "archive",
                archive,
                "failed",
                nestedFailed,
                "archive-retention",
                "1d",
                "failed-retention",
                "0d");
        folderAged(nestedFailed.resolve("bad"), now.minus(Duration.ofDays(400)));
        Files.setLastModifiedTime(nestedFailed, FileTime.from(now.minus(Duration.ofDays(400))));

        new ArchiveRetention(properties, trail, Clock.fixed(now, ZoneId.of("Asia/Shanghai"))).removeExpired();

        assertThat(nestedFailed.resolve("bad"))
                .as("failed-retention 0 keeps failed batches")
                .isDirectory();
    }

    /** A folder with a 10-byte file, last changed at {@code when}. */
    private static void folderAged(Path folder, Instant when) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("units.csv"), new byte[10]);
        Files.setLastModifiedTime(folder, FileTime.from(when));
    }
}
