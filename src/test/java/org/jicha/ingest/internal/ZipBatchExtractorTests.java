package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jicha.ingest.BatchTooLargeException;
import org.jicha.ingest.IgnoredEntry;
import org.jicha.ingest.InvalidBatchArchiveException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracting an uploaded zip: only the contract's files, safely, within the byte limit and the disk guard. */
class ZipBatchExtractorTests {

    @TempDir
    Path root;

    Path target;

    @BeforeEach
    void createTarget() throws IOException {
        target = Files.createDirectories(root.resolve("inbox").resolve("_upload"));
    }

    private static ByteArrayInputStream zip(String... namesAndContents) throws IOException {
        return new ByteArrayInputStream(zipBytes(namesAndContents));
    }

    private static byte[] zipBytes(String... namesAndContents) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1]);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static final ZipBatchExtractor.WriteGuard NO_GUARD = total -> {};

    private static ZipBatchExtractor extractor() {
        return new ZipBatchExtractor(1000, 10);
    }

    private Path extract(InputStream zip) throws IOException {
        return extractor().extract(zip, target, NO_GUARD).batch();
    }

    @Test
    void filesAtTheTopOfTheZipFormTheBatch() throws IOException {
        Path batch = extract(zip("units.csv", "a", "meters.csv", "b"));

        assertThat(batch).isEqualTo(target.toAbsolutePath());
        assertThat(batch.resolve("meters.csv")).hasContent("b");
    }

    @Test
    void filesInOneFolderOfTheZipAreExtractedFlatIntoTheTarget() throws IOException {
        ZipBatchExtractor.Extraction extraction = extractor()
                .extract(zip("2026-11-27/units.csv", "a", "__MACOSX/2026-11-27/._units.csv", "x"), target, NO_GUARD);

        assertThat(extraction.batch()).isEqualTo(target.toAbsolutePath());
        assertThat(extraction.batch().resolve("units.csv")).hasContent("a");
        assertThat(extraction.ignored()).containsExactly(new IgnoredEntry("__MACOSX/2026-11-27/._units.csv", 1));
        assertThat(target)
                .isDirectoryNotContaining(p -> !p.getFileName().toString().equals("units.csv"));
    }

    @Test
    void onlyTheContractFilesAreWrittenEveryOtherEntryIsListedWithItsInflatedSize() throws IOException {
        ZipBatchExtractor.Extraction extraction = extractor()
                .extract(
                        zip(
                                "units.csv",
                                "a",
                                "rules/x.drl",
                                "rule \"x\" when then System.exit(1); end",
                                "evil.sh",
                                "rm -rf /",
                                "nested.zip",
                                "PK..",
                                "deeper/folder/meters.csv",
                                "b",
                                "units.csv.bak",
                                "c"),
                        target,
                        NO_GUARD);

        assertThat(target).isDirectoryContaining(p -> p.getFileName().toString().equals("units.csv"));
        try (Stream<Path> written = Files.walk(target)) {
            assertThat(written.filter(Files::isRegularFile)).containsExactly(target.resolve("units.csv"));
        }
        assertThat(extraction.ignored())
                .containsExactly(
                        new IgnoredEntry("rules/x.drl", 38),
                        new IgnoredEntry("evil.sh", 8),
                        new IgnoredEntry("nested.zip", 4),
                        new IgnoredEntry("deeper/folder/meters.csv", 1),
                        new IgnoredEntry("units.csv.bak", 1));
    }

    @Test
    void contractFilesInTwoFoldersOfTheZipAreRefused() {
        assertThatThrownBy(() -> extract(zip("a/units.csv", "a", "b/meters.csv", "b")))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("the zip holds contract files in more than one folder: \"a\" and \"b\"");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void aContractFileTwiceIsRefused() throws IOException {
        // ZipOutputStream refuses a name twice; a hostile zip need not: rename the second entry in place
        byte[] twice = new String(zipBytes("units.csv", "a", "unitX.csv", "b"), StandardCharsets.ISO_8859_1)
                .replace("unitX.csv", "units.csv")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> extract(new ByteArrayInputStream(twice))).hasMessage("the zip holds units.csv twice");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void anEntryLeavingTheTargetIsRefused() {
        assertThatThrownBy(() -> extract(zip("ok.csv", "a", "../../evil.csv", "x")))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("unsafe entry path in zip: ../../evil.csv");
        assertThat(root.resolve("evil.csv")).doesNotExist();
    }

    @Test
    void anAbsoluteEntryPathIsRefused() {
        assertThatThrownBy(() -> extract(zip("/tmp/evil.csv", "x")))
                .hasMessage("unsafe entry path in zip: /tmp/evil.csv");
    }

    @Test
    void moreBytesThanAllowedStopTheExtractionAndWhatWasWrittenIsDeleted() {
        assertThatThrownBy(() -> extract(zip("units.csv", "x".repeat(600), "meters.csv", "y".repeat(401))))
                .isInstanceOf(BatchTooLargeException.class)
                .hasMessageContaining("1000 B");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void bytesOfEntriesThatAreNotWrittenCountToo() {
        assertThatThrownBy(() -> extract(zip("units.csv", "a", "bomb.bin", "0".repeat(1000))))
                .isInstanceOf(BatchTooLargeException.class);
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void theGuardSeesEveryByteWrittenAndMayStopTheExtraction() {
        List<Long> seen = new ArrayList<>();
        ZipBatchExtractor.WriteGuard guard = total -> {
            seen.add(total);
            if (total > 3) {
                throw new IllegalStateException("budget");
            }
        };

        assertThatThrownBy(() -> extractor().extract(zip("units.csv", "abc", "meters.csv", "defg"), target, guard))
                .hasMessage("budget");
        assertThat(seen).containsExactly(3L, 7L);
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void aZipCutShortIsRefusedAsUnreadable() throws IOException {
        byte[] whole = zipBytes("units.csv", "unit_code,unit_name\n".repeat(40));
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> extract(new ByteArrayInputStream(cut)))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessageStartingWith("not a readable zip archive");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void moreEntriesThanAllowedAreRefused() {
        String[] entries = new String[22];
        for (int i = 0; i < 11; i++) {
            entries[2 * i] = "f" + i + ".csv";
            entries[2 * i + 1] = "x";
        }
        assertThatThrownBy(() -> extract(zip(entries))).hasMessage("the zip holds more than 10 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> extract(new ByteArrayInputStream("hello".getBytes())))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("not a zip archive, or an empty one");
    }
}
