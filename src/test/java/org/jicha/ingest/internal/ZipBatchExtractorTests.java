package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jicha.ingest.InvalidBatchArchiveException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipBatchExtractorTests {

    @TempDir Path root;
    Path target;

    @BeforeEach
    void createTarget() throws IOException {
        target = Files.createDirectories(root.resolve("inbox").resolve("_upload"));
    }

    private static ByteArrayInputStream zip(String... namesAndContents) throws IOException {
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
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    private static ZipBatchExtractor extractor() {
        return new ZipBatchExtractor(1000, 10);
    }

    @Test
    void filesAtTheTopOfTheZipFormTheBatch() throws IOException {
        Path batch = extractor().extract(zip("units.csv", "a", "meters.csv", "b"), target);

        assertThat(batch).isEqualTo(target.toAbsolutePath());
        assertThat(batch.resolve("meters.csv")).hasContent("b");
    }

    @Test
    void filesInOneFolderOfTheZipFormTheBatch() throws IOException {
        Path batch = extractor().extract(zip("2026-11-27/units.csv", "a", "__MACOSX/2026-11-27/._units.csv", "x"),
                target);

        assertThat(batch.getFileName().toString()).isEqualTo("2026-11-27");
        assertThat(batch.resolve("units.csv")).hasContent("a");
    }

    @Test
    void anEntryLeavingTheTargetIsRefused() {
        assertThatThrownBy(() -> extractor().extract(zip("ok.csv", "a", "../../evil.csv", "x"), target))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("unsafe entry path in zip: ../../evil.csv");
        assertThat(root.resolve("evil.csv")).doesNotExist();
    }

    @Test
    void anAbsoluteEntryPathIsRefused() {
        assertThatThrownBy(() -> extractor().extract(zip("/tmp/evil.csv", "x"), target))
                .hasMessage("unsafe entry path in zip: /tmp/evil.csv");
    }

    @Test
    void moreBytesThanAllowedAreRefused() {
        assertThatThrownBy(() -> extractor().extract(zip("units.csv", "x".repeat(1001)), target))
                .hasMessage("the zip extracts to more than 1000 bytes");
    }

    @Test
    void moreEntriesThanAllowedAreRefused() {
        String[] entries = new String[22];
        for (int i = 0; i < 11; i++) {
            entries[2 * i] = "f" + i + ".csv";
            entries[2 * i + 1] = "x";
        }
        assertThatThrownBy(() -> extractor().extract(zip(entries), target))
                .hasMessage("the zip holds more than 10 entries");
    }

    @Test
    void somethingThatIsNotAZipIsRefused() {
        assertThatThrownBy(() -> extractor().extract(new ByteArrayInputStream("hello".getBytes()), target))
                .isInstanceOf(InvalidBatchArchiveException.class)
                .hasMessage("not a zip archive, or an empty one");
    }
}
