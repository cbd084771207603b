package org.jicha.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.jicha.ingest.BatchTooLargeException;
import org.jicha.ingest.DiskBudgetExceededException;
import org.jicha.ingest.IngestProperties;

/**
 * The disk the loader may fill: the archive, the failed batches and the uploads being extracted (the inbox's
 * {@code _upload-*} folders) share {@code jicha.ingest.disk-budget}; a batch may bring at most
 * {@code max-extracted-bytes-per-batch}; and {@code min-free-space} must stay free on the inbox's volume. Usage is
 * measured on disk (a walk of those folders) when a batch arrives, then counted as bytes are written.
 */
public final class DiskBudget {

    /** Staging folders of uploads in the inbox; the inbox skips names starting with {@code _}. */
    public static final String UPLOAD_PREFIX = "_upload-";
    /** Free space is asked of the volume again after this many bytes written. */
    private static final long FREE_SPACE_STEP = 16L * 1024 * 1024;

    private final IngestProperties properties;

    public DiskBudget(IngestProperties properties) {
        this.properties = properties;
    }

    /** Bytes held now by the archive, the failed folder and the uploads in the inbox. */
    public long used() {
        Path archive = properties.archive().toAbsolutePath().normalize();
        Path failed = properties.failed().toAbsolutePath().normalize();
        long bytes = size(archive);
        if (!failed.startsWith(archive)) {
            bytes += size(failed);
        }
        if (Files.isDirectory(properties.inbox())) {
            try (Stream<Path> children = Files.list(properties.inbox())) {
                bytes += children.filter(p -> p.getFileName().toString().startsWith(UPLOAD_PREFIX))
                        .mapToLong(DiskBudget::size)
                        .sum();
            } catch (IOException e) {
                throw new UncheckedIOException("could not list the inbox " + properties.inbox(), e);
            }
        }
        return bytes;
    }

    /**
     * Checks an upload before it is extracted (the budget not yet used up, enough free space) and returns the guard
     * that checks it again while it is written.
     *
     * @throws DiskBudgetExceededException when it cannot start
     */
    public ZipBatchExtractor.WriteGuard forUpload() {
        long used = used();
        long budget = properties.diskBudget().toBytes();
        if (used >= budget) {
            throw DiskBudgetExceededException.budget(budget, used, 0);
        }
        checkFreeSpace();
        return new ZipBatchExtractor.WriteGuard() {
            private long nextFreeSpaceCheck = FREE_SPACE_STEP;

            @Override
            public void written(long totalBytes) {
                if (used + totalBytes > budget) {
                    throw DiskBudgetExceededException.budget(budget, used, totalBytes);
                }
                if (totalBytes >= nextFreeSpaceCheck) {
                    checkFreeSpace();
                    nextFreeSpaceCheck = totalBytes + FREE_SPACE_STEP;
                }
            }
        };
    }

    /**
     * Checks an inbox batch whose contract files hold {@code bytes} before it is loaded and archived.
     *
     * @throws BatchTooLargeException past the per-batch limit
     * @throws DiskBudgetExceededException past the disk budget
     */
    public void checkInboxBatch(long bytes) {
        long max = properties.maxExtractedBytesPerBatch().toBytes();
        if (bytes > max) {
            throw BatchTooLargeException.extracted(max);
        }
        long used = used();
        long budget = properties.diskBudget().toBytes();
        if (used + bytes > budget) {
            throw DiskBudgetExceededException.budget(budget, used, bytes);
        }
    }

    private void checkFreeSpace() {
        long min = properties.minFreeSpace().toBytes();
        long free = freeSpace();
        if (free < min) {
            throw DiskBudgetExceededException.diskFull(min, free);
        }
    }

    /** Usable bytes left on the inbox's volume (where uploads are extracted and batches arrive). */
    public long freeSpace() {
        try {
            Path inbox = properties.inbox().toAbsolutePath();
            Files.createDirectories(inbox);
            return Files.getFileStore(inbox).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the free space of " + properties.inbox(), e);
        }
    }

    /** The bytes of a file, or of everything below a folder; 0 when it does not exist. */
    public static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        long[] bytes = {0};
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    bytes[0] += attributes.size();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // a file deleted meanwhile (housekeeping, another upload finishing) holds nothing
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure " + path, e);
        }
        return bytes[0];
    }
}
