package org.jicha.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jicha.ingest.internal.ContractFile;
import org.jicha.ingest.internal.DiskBudget;
import org.jicha.ingest.internal.LoadRecordStore;
import org.jicha.ingest.internal.LoadReportWriter;
import org.jicha.ingest.internal.ZipBatchExtractor;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * The inbox: every sub-folder of {@code jicha.ingest.inbox} is a batch. {@link #loadPendingBatches()} loads them
 * in name order. A batch that loaded (LOADED, PARTIAL) keeps its contract files, moved to
 * {@code jicha.ingest.archive/<batch>} (a {@code -2}, {@code -3}... suffix when that exists), with its load
 * report; a batch of which nothing could be stored (FAILED) keeps only its load report and the first lines of
 * each rejected file ({@value #SAMPLE_PREFIX}{@code <file>}) under {@code jicha.ingest.failed}. Nothing else of a
 * batch is kept: its other entries are listed in the report as ignored and deleted with the inbox folder.
 * Folders whose names start with {@code .} or {@code _} are skipped: a producer writes a batch under such a name
 * and renames it when complete. A batch over the per-batch limit or the disk budget is not loaded: it stays in
 * the inbox and a FAILED load says why. Loads run one at a time.
 *
 * <p>Slightly long: scanning, loading and archiving an inbox batch share its error handling.
 */
@Service
public class InboxService {

    /** The file of a failed batch that keeps the first lines of one rejected file. */
    public static final String SAMPLE_PREFIX = "_sample-";

    private static final Logger log = LoggerFactory.getLogger(InboxService.class);

    private final BatchLoader loader;
    private final LoadRecordStore records;
    private final LoadReportWriter reports;
    private final IngestProperties properties;
    private final AuditTrail trail;
    private final DiskBudget disk;

    InboxService(
            BatchLoader loader,
            LoadRecordStore records,
            LoadReportWriter reports,
            IngestProperties properties,
            AuditTrail trail) {
        this.loader = loader;
        this.records = records;
        this.reports = reports;
        this.properties = properties;
        this.trail = trail;
        this.disk = new DiskBudget(properties);
    }

    public synchronized List<LoadResult> loadPendingBatches() {
        if (!Files.isDirectory(properties.inbox())) {
            log.debug("No inbox folder at {}", properties.inbox().toAbsolutePath());
            return List.of();
        }
        List<LoadResult> results = new ArrayList<>();
        for (Path batch : pendingBatches()) {
            results.add(loadInboxBatch(batch));
        }
        return results;
    }

    /**
     * Extracts an uploaded zip of a batch (its contract files only) into a private folder of the inbox, loads it
     * and archives it like an inbox batch, named after the zip file. Every upload, refused or not, goes to the
     * audit trail ({@code LOAD_UPLOAD}) with the actor, the batch name, the zip's size and SHA-256 and the outcome.
     *
     * @throws InvalidBatchArchiveException when the upload is not a usable zip ({@link BatchTooLargeException}
     *                                      when it inflates past the per-batch limit); nothing is loaded or kept then
     * @throws DiskBudgetExceededException when the disk budget or the volume's free space would not allow it
     */
    public synchronized LoadResult loadUpload(Actor actor, String fileName, InputStream zip) {
        String batchName = batchName(fileName);
        Path staging = properties.inbox().resolve(DiskBudget.UPLOAD_PREFIX + UUID.randomUUID());
        Fingerprint upload = new Fingerprint(zip, properties.maxUploadSize().toBytes());
        LoadResult result = null;
        String outcome = "ERROR";
        try {
            ZipBatchExtractor.WriteGuard guard = disk.forUpload();
            Files.createDirectories(staging);
            ZipBatchExtractor.Extraction extraction = new ZipBatchExtractor(
                            properties.maxExtractedBytesPerBatch().toBytes(), properties.maxUploadEntries())
                    .extract(upload, staging, guard);
            result = loadAndArchive(extraction.batch(), batchName, extraction.ignored(), false);
            outcome = result.status().name();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the uploaded batch in " + staging, e);
        } catch (InvalidBatchArchiveException | DiskBudgetExceededException e) {
            outcome = "REFUSED: " + e.getMessage();
            throw e;
        } finally {
            deleteQuietly(staging);
            upload.close();
            trail.record(
                    actor.username(),
                    "LOAD_UPLOAD",
                    result == null ? "upload:" + batchName : "load_batches:" + result.id(),
                    "batch=" + batchName + " file=" + fileName + " size=" + upload.bytes() + " sha256="
                            + upload.sha256() + " outcome=" + outcome);
        }
    }

    private LoadResult loadInboxBatch(Path batch) {
        String batchName = batch.getFileName().toString();
        try {
            disk.checkInboxBatch(contractBytes(batch));
        } catch (BatchTooLargeException | DiskBudgetExceededException e) {
            return loader.refuse(
                    batch,
                    batchName,
                    e.getMessage() + " 批次仍在收件箱中，下次装载时重试 / the batch stays in "
                            + "the inbox and is tried again at the next load");
        }
        return loadAndArchive(batch, batchName, List.of(), true);
    }

    /**
     * Loads the batch, keeps what the archive keeps (see the class comment) and writes the report there. The
     * batch folder of an inbox batch is deleted afterwards (an upload's staging folder is its caller's).
     */
    private LoadResult loadAndArchive(Path batch, String batchName, List<IgnoredEntry> ignored, boolean inbox) {
        LoadResult result = loader.load(batch, batchName, ignored);
        boolean failed = result.status() == LoadStatus.FAILED;
        Path destination = failed ? properties.failed() : properties.archive();
        try {
            Files.createDirectories(destination);
            Path archived = Files.createDirectory(freeName(destination, batchName));
            for (FileResult file : result.files()) {
                Path source = batch.resolve(file.fileName());
                if (!failed) {
                    Files.move(source, archived.resolve(file.fileName()));
                } else if (file.status() == FileStatus.REJECTED) {
                    writeSample(source, archived.resolve(SAMPLE_PREFIX + file.fileName()));
                }
            }
            Path report = reports.write(
                    result.withReportPath(
                            archived.resolve(LoadReportWriter.TEXT).toString()),
                    archived);
            records.setReportPath(result.id(), report.toString());
            if (inbox) {
                deleteQuietly(batch);
            }
            log.info("Archived batch {} in {}", batchName, archived);
            return result.withReportPath(report.toString());
        } catch (IOException | UncheckedIOException e) {
            log.error("Loaded batch {} but could not archive it in {}: {}", batchName, destination, e.toString());
            return result;
        }
    }

    /** The first {@code failed-sample-lines} lines of a rejected file, at most {@code failed-sample-size} bytes. */
    private void writeSample(Path source, Path sample) throws IOException {
        int maxBytes =
                (int) Math.min(Integer.MAX_VALUE, properties.failedSampleSize().toBytes());
        byte[] head;
        try (InputStream in = Files.newInputStream(source)) {
            head = in.readNBytes(maxBytes);
        }
        int length = 0;
        for (int lines = 0; length < head.length && lines < properties.failedSampleLines(); length++) {
            if (head[length] == '\n') {
                lines++;
            }
        }
        try (OutputStream out = Files.newOutputStream(sample)) {
            out.write(head, 0, length);
        }
    }

    /** The bytes of the batch's contract files: what the archive would keep of it. */
    private static long contractBytes(Path batch) {
        return ContractFile.fileNames().stream()
                .map(batch::resolve)
                .filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                .mapToLong(DiskBudget::size)
                .sum();
    }

    private List<Path> pendingBatches() {
        try (Stream<Path> children = Files.list(properties.inbox())) {
            return children.filter(Files::isDirectory)
                    .filter(p -> !skipped(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the inbox " + properties.inbox(), e);
        }
    }

    /** A folder still being written ({@code _name}, also uploads being extracted) or hidden ({@code .name}). */
    private static boolean skipped(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
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
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceFirst("(?i)\\.zip$", "")
                .replaceAll("[^\\p{L}\\p{N}._-]", "_")
                .replaceFirst("^[._]+", "");
        return name.isEmpty() ? "upload" : name;
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.toString());
        }
    }

    /**
     * The uploaded zip as it is read: its size and SHA-256, and no longer than {@code max-upload-size} (the
     * multipart limit normally stops a longer one first). Closing it reads what the extraction left unread (the
     * zip's central directory, or everything after a refusal), so both always cover the whole upload.
     */
    private static final class Fingerprint extends FilterInputStream {

        private final MessageDigest sha256;
        private final long maxBytes;
        private long bytes;
        private boolean closed;

        Fingerprint(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                sha256.update((byte) b);
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                sha256.update(buffer, offset, n);
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            bytes += n;
            if (bytes > maxBytes && !closed) {
                throw BatchTooLargeException.upload(maxBytes);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 0), 8192)]));
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                byte[] buffer = new byte[64 * 1024];
                while (read(buffer, 0, buffer.length) >= 0) {
                    // hashed by read
                }
            } catch (IOException e) {
                log.warn("Could not read the rest of an upload for its hash: {}", e.toString());
            } finally {
                try {
                    in.close();
                } catch (IOException e) {
                    log.warn("Could not read the rest of an upload for its hash: {}", e.toString());
                }
            }
        }

        long bytes() {
            return bytes;
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
