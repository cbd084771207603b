package org.jicha.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jicha.config.PeopleZone;
import org.jicha.ingest.internal.BatchSession;
import org.jicha.ingest.internal.ContractFile;
import org.jicha.ingest.internal.DiskBudget;
import org.jicha.ingest.internal.FileLoader;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.records.ContractTable;
import org.jicha.records.RecordWriter;
import org.jicha.records.StoredKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads one batch folder into the database, in place (the folder is neither moved nor written to), and
 * records the load. The contract files load in dependency order; every other entry (another file name, a
 * sub-folder, the batch's README, an old load report) is not loaded and is listed as ignored with its size.
 */
@Service
public class BatchLoader {

    private static final Logger log = LoggerFactory.getLogger(BatchLoader.class);
    /** Load times are recorded, and shown, in the utility's time. */
    private final FileLoader fileLoader;

    private final RecordWriter writer;
    private final LoadRecordStore records;
    private final StoredKeys storedKeys;
    private final IngestProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    BatchLoader(
            FileLoader fileLoader,
            RecordWriter writer,
            LoadRecordStore records,
            StoredKeys storedKeys,
            IngestProperties properties,
            MeterRegistry meters,
            Clock clock,
            PeopleZone zone) {
        this.fileLoader = fileLoader;
        this.writer = writer;
        this.records = records;
        this.storedKeys = storedKeys;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.withZone(zone.zone());
    }

    /** Loads the folder as a batch named after it. */
    public LoadResult load(Path batchDir) {
        return load(batchDir, LoadProgress.NONE);
    }

    /** Loads the folder as a batch named after it, telling {@code progress} how far it has come. */
    public LoadResult load(Path batchDir, LoadProgress progress) {
        return load(
                batchDir, batchDir.toAbsolutePath().normalize().getFileName().toString(), List.of(), progress);
    }

    /** Loads the folder as the batch {@code batchName}; {@code alreadyIgnored}: entries its upload left out. */
    LoadResult load(Path batchDir, String batchName, List<IgnoredEntry> alreadyIgnored) {
        return load(batchDir, batchName, alreadyIgnored, LoadProgress.NONE);
    }

    private LoadResult load(Path batchDir, String batchName, List<IgnoredEntry> alreadyIgnored, LoadProgress progress) {
        if (!Files.isDirectory(batchDir)) {
            throw new IllegalArgumentException("not a folder: " + batchDir);
        }
        String source = batchDir.toAbsolutePath().normalize().toString();
        // to the microsecond the databases keep: the load's start (load_batches) and the changed-at it stamps on rows
        // (by a bound parameter or as COPY text) are then one and the same stored value, which the incremental run
        // compares (changed_at >= the start of the loads after its base)
        LocalDateTime startedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = records.start(batchName, source, startedAt);
        log.info("Loading batch {} from {} (load {})", batchName, source, id);
        List<FileResult> files = new ArrayList<>();
        List<IgnoredEntry> ignored = new ArrayList<>(alreadyIgnored);
        String message = null;
        try {
            List<Path> contractFiles = contractFilesInLoadOrder(batchDir, ignored);
            long batchBytes = 0;
            for (Path file : contractFiles) {
                batchBytes += size(file);
            }
            BatchSession session = new BatchSession(storedKeys, properties, startedAt, progress, batchBytes);
            for (Path file : contractFiles) {
                session.nextFile(size(file));
                files.add(fileLoader.load(file, session));
            }
            if (files.isEmpty()) {
                message = "the batch holds no file of the data contract (" + String.join(", ", ContractFile.fileNames())
                        + ")";
            }
            writer.refreshStatistics(written(files));
        } catch (UncheckedIOException e) {
            message = "could not list the batch folder: " + e.getCause().getMessage();
        } catch (RuntimeException e) {
            finish(id, batchName, source, startedAt, "load aborted: " + e, files, ignored);
            throw e;
        }
        LoadResult result = finish(id, batchName, source, startedAt, message, files, ignored);
        log.info(
                "Batch {}: {} ({} rows accepted, {} rejected, {} file(s) rejected)",
                batchName,
                result.status(),
                result.rowsAccepted(),
                result.rowsRejected(),
                result.filesFailed());
        return result;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the file loader says why it cannot read it
        }
    }

    /**
     * Records a batch that was not loaded at all (e.g. over the disk budget): FAILED, with the reason as its
     * message and no files.
     */
    LoadResult refuse(Path batchDir, String batchName, String reason) {
        String source = batchDir.toAbsolutePath().normalize().toString();
        LocalDateTime now = LocalDateTime.now(clock);
        long id = records.start(batchName, source, now);
        log.warn("Batch {} not loaded: {}", batchName, reason);
        return finish(id, batchName, source, now, reason, List.of(), List.of());
    }

    private LoadResult finish(
            long id,
            String batchName,
            String source,
            LocalDateTime startedAt,
            String message,
            List<FileResult> files,
            List<IgnoredEntry> ignored) {
        int loaded = (int)
                files.stream().filter(f -> f.status() == FileStatus.LOADED).count();
        int failed = files.size() - loaded;
        long accepted = files.stream().mapToLong(FileResult::rowsAccepted).sum();
        long rejected = files.stream().mapToLong(FileResult::rowsRejected).sum();
        LoadStatus status = loaded == 0 || message != null
                ? LoadStatus.FAILED
                : failed > 0 || rejected > 0 ? LoadStatus.PARTIAL : LoadStatus.LOADED;
        LoadResult result = new LoadResult(
                id,
                batchName,
                source,
                status,
                startedAt,
                LocalDateTime.now(clock),
                message,
                loaded,
                failed,
                accepted,
                rejected,
                null,
                files,
                ignored);
        records.finish(result);
        count(files);
        return result;
    }

    /**
     * {@code jicha.rows.loaded} and {@code jicha.rows.rejected} per contract file (its name: the contract's dozen
     * files bound the series), for the operator's dashboard.
     */
    private void count(List<FileResult> files) {
        for (FileResult f : files) {
            Counter.builder("jicha.rows.loaded")
                    .description("Rows of the extract accepted and stored, per contract file")
                    .tag("file", f.fileName())
                    .register(meters)
                    .increment(f.rowsAccepted());
            Counter.builder("jicha.rows.rejected")
                    .description("Rows of the extract rejected by the row rules, per contract file")
                    .tag("file", f.fileName())
                    .register(meters)
                    .increment(f.rowsRejected());
        }
    }

    /** The tables of the contract files of which rows were stored: they need fresh planner statistics. */
    private static List<ContractTable> written(List<FileResult> files) {
        return files.stream()
                .filter(f -> f.status() == FileStatus.LOADED && f.rowsAccepted() > 0)
                .flatMap(f -> ContractFile.byFileName(f.fileName()).stream())
                .map(ContractFile::table)
                .toList();
    }

    /** The contract files of the folder in load order; every other entry goes to {@code ignored}. */
    private static List<Path> contractFilesInLoadOrder(Path batchDir, List<IgnoredEntry> ignored) {
        List<Path> contract = new ArrayList<>();
        try (Stream<Path> entries = Files.list(batchDir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                // a link is never followed: a batch's files are its own
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)
                        && ContractFile.byFileName(name).isPresent()) {
                    contract.add(entry);
                } else {
                    boolean folder = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
                    ignored.add(new IgnoredEntry(folder ? name + "/" : name, DiskBudget.size(entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        contract.sort(Comparator.comparing(BatchLoader::loadOrder));
        return contract;
    }

    private static int loadOrder(Path file) {
        return ContractFile.byFileName(file.getFileName().toString())
                .orElseThrow()
                .ordinal();
    }
}
