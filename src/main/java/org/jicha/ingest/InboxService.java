package org.jicha.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.ingest.internal.LoadReportWriter;
import org.jicha.ingest.internal.ZipBatchExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * The inbox: every sub-folder of {@code jicha.ingest.inbox} is a batch. {@link #loadPendingBatches()} loads them
 * in name order and moves each to {@code jicha.ingest.archive/<batch>} (a {@code -2}, {@code -3}... suffix
 * when that exists) with its load report inside; a batch of which nothing could be stored goes to
 * {@code jicha.ingest.failed} instead. Folders whose names start with {@code .} or {@code _} are skipped:
 * a producer writes a batch under such a name and renames it when complete. Loads run one at a time.
 */
@Service
public class InboxService {

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final BatchLoader loader;
    private final LoadRecordStore records;
    private final LoadReportWriter reports;
    private final IngestProperties properties;

    InboxService(BatchLoader loader, LoadRecordStore records, LoadReportWriter reports, IngestProperties properties) {
        this.loader = loader;
        this.records = records;
        this.reports = reports;
        this.properties = properties;
    }

    public synchronized List<LoadResult> loadPendingBatches() {
        if (!Files.isDirectory(properties.inbox())) {
            log.debug("No inbox folder at {}", properties.inbox().toAbsolutePath());
            return List.of();
        }
        List<LoadResult> results = new ArrayList<>();
        for (Path batch : pendingBatches()) {
            results.add(loadAndArchive(batch, batch.getFileName().toString()));
        }
        return results;
    }

    /**
     * Extracts an uploaded zip of a batch into a private folder of the inbox, loads it and archives it like an
     * inbox batch, named after the zip file.
     *
     * @throws InvalidBatchArchiveException when the upload is not a usable zip (nothing is loaded then)
     */
    public synchronized LoadResult loadZip(InputStream zip, String fileName) {
        Path staging = properties.inbox().resolve("_upload-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            Path batch = new ZipBatchExtractor(properties.maxUploadSize().toBytes(), properties.maxUploadEntries())
                    .extract(zip, staging);
            return loadAndArchive(batch, batchName(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded batch in " + staging, e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private LoadResult loadAndArchive(Path batch, String batchName) {
        LoadResult result = loader.load(batch, batchName);
        Path destination = result.status() == LoadStatus.FAILED ? properties.failed() : properties.archive();
        try {
            Path archived = freeName(destination, batchName);
            Files.createDirectories(destination);
            Files.move(batch, archived);
            Path report = reports.write(result.withReportPath(archived.resolve(LoadReportWriter.TEXT).toString()),
                    archived);
            records.setReportPath(result.id(), report.toString());
            log.info("Archived batch {} in {}", batchName, archived);
            return result.withReportPath(report.toString());
        } catch (IOException | UncheckedIOException e) {
            log.error("Loaded batch {} but could not archive it in {}: {}", batchName, destination, e.toString());
            return result;
        }
    }

    private List<Path> pendingBatches() {
        try (Stream<Path> children = Files.list(properties.inbox())) {
            return children.filter(Files::isDirectory).filter(p -> !BatchLoader.ignored(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the inbox " + properties.inbox(), e);
        }
    }

    private static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        for (int suffix = 2; Files.exists(candidate); suffix++) {
            candidate = folder.resolve(name + "-" + suffix);
        }
        return candidate;
    }

    /** The zip's file name without folders and {@code .zip}, reduced to characters safe in a folder name. */
    static String batchName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("(?i)\\.zip$", "")
                .replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceFirst("^[._]+", "");
        return name.isEmpty() ? "upload" : name;
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.toString());
        }
    }
}
