package org.jicha.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jicha.ingest.internal.BatchSession;
import org.jicha.ingest.internal.ContractFile;
import org.jicha.ingest.internal.FileLoader;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.ingest.internal.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Loads one batch folder into the database, in place (the folder is neither moved nor written to), and
 * records the load. The contract files load in dependency order; a file that is not part of the contract is
 * rejected; names starting with {@code .} or {@code _} (e.g. the load report) and sub-folders are ignored.
 */
@Service
public class BatchLoader {

    private static final Logger log = LoggerFactory.getLogger(BatchLoader.class);
    /** Load times are recorded, and shown, in the utility's time. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final FileLoader fileLoader;
    private final TableStatistics statistics;
    private final LoadRecordStore records;
    private final JdbcTemplate jdbc;
    private final IngestProperties properties;
    private final Clock clock;

    BatchLoader(FileLoader fileLoader, TableStatistics statistics, LoadRecordStore records, JdbcTemplate jdbc,
                IngestProperties properties, Clock clock) {
        this.fileLoader = fileLoader;
        this.statistics = statistics;
        this.records = records;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.withZone(ZONE);
    }

    /** Loads the folder as a batch named after it. */
    public LoadResult load(Path batchDir) {
        return load(batchDir, batchDir.toAbsolutePath().normalize().getFileName().toString());
    }

    LoadResult load(Path batchDir, String batchName) {
        if (!Files.isDirectory(batchDir)) {
            throw new IllegalArgumentException("not a folder: " + batchDir);
        }
        String source = batchDir.toAbsolutePath().normalize().toString();
        LocalDateTime startedAt = LocalDateTime.now(clock);
        long id = records.start(batchName, source, startedAt);
        log.info("Loading batch {} from {} (load {})", batchName, source, id);
        List<FileResult> files = new ArrayList<>();
        String message = null;
        try {
            BatchSession session = new BatchSession(jdbc, properties, startedAt);
            for (Path file : filesInLoadOrder(batchDir)) {
                files.add(fileLoader.load(file, session));
            }
            if (files.isEmpty()) {
                message = "the batch holds no files";
            }
            statistics.refresh(written(files));
        } catch (UncheckedIOException e) {
            message = "could not list the batch folder: " + e.getCause().getMessage();
        } catch (RuntimeException e) {
            finish(id, batchName, source, startedAt, "load aborted: " + e, files);
            throw e;
        }
        LoadResult result = finish(id, batchName, source, startedAt, message, files);
        log.info("Batch {}: {} ({} rows accepted, {} rejected, {} file(s) rejected)", batchName, result.status(),
                result.rowsAccepted(), result.rowsRejected(), result.filesFailed());
        return result;
    }

    private LoadResult finish(long id, String batchName, String source, LocalDateTime startedAt, String message,
                              List<FileResult> files) {
        int loaded = (int) files.stream().filter(f -> f.status() == FileStatus.LOADED).count();
        int failed = files.size() - loaded;
        long accepted = files.stream().mapToLong(FileResult::rowsAccepted).sum();
        long rejected = files.stream().mapToLong(FileResult::rowsRejected).sum();
        LoadStatus status = loaded == 0 || message != null ? LoadStatus.FAILED
                : failed > 0 || rejected > 0 ? LoadStatus.PARTIAL : LoadStatus.LOADED;
        LoadResult result = new LoadResult(id, batchName, source, status, startedAt, LocalDateTime.now(clock), message,
                loaded, failed, accepted, rejected, null, files);
        records.finish(result);
        return result;
    }

    /** The contract files of which rows were stored: their tables need fresh planner statistics. */
    private static List<ContractFile> written(List<FileResult> files) {
        return files.stream().filter(f -> f.status() == FileStatus.LOADED && f.rowsAccepted() > 0)
                .flatMap(f -> ContractFile.byFileName(f.fileName()).stream()).toList();
    }

    private static List<Path> filesInLoadOrder(Path batchDir) {
        try (Stream<Path> entries = Files.list(batchDir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(path -> !ignored(path))
                    .sorted(Comparator.comparing(BatchLoader::loadOrder).thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int loadOrder(Path file) {
        return ContractFile.byFileName(file.getFileName().toString()).map(Enum::ordinal)
                .orElse(ContractFile.values().length);
    }

    static boolean ignored(Path path) {
        String name = path.getFileName().toString();
        // hidden files, our own load reports and a batch's documentation (README.md) are not data files
        return name.startsWith(".") || name.startsWith("_") || name.equalsIgnoreCase("README.md");
    }
}
