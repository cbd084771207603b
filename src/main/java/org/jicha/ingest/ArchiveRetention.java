package org.jicha.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jicha.ingest.internal.DiskBudget;
import org.jicha.people.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Deletes what the loader kept once it is old enough (nightly housekeeping): archived batches older than
 * {@code jicha.ingest.archive-retention}, failed ones older than {@code failed-retention} (0 keeps them), and
 * upload folders a crashed server left in the inbox for more than a day. A batch's age is the last change of its
 * folder, i.e. when it was archived. The load records in the database stay. One trail entry names what went.
 */
@Service
public class ArchiveRetention {

    private static final Logger log = LoggerFactory.getLogger(ArchiveRetention.class);
    private static final Duration ABANDONED_UPLOAD = Duration.ofDays(1);

    private final IngestProperties properties;
    private final AuditTrail trail;
    private final Clock clock;

    ArchiveRetention(IngestProperties properties, AuditTrail trail, Clock clock) {
        this.properties = properties;
        this.trail = trail;
        this.clock = clock;
    }

    /** What was deleted: folder names (relative to their parent) and the bytes freed. */
    public record Removed(List<String> folders, long bytes) {}

    public synchronized Removed removeExpired() {
        Path failed = properties.failed().toAbsolutePath().normalize();
        List<Path> expired = new ArrayList<>();
        // the failed folder may lie inside the archive (./archive/_failed): names starting with _ or . are no batch
        expired.addAll(olderThan(
                properties.archive(),
                properties.archiveRetention(),
                folder -> !folder.toAbsolutePath().normalize().equals(failed) && !special(folder)));
        expired.addAll(olderThan(properties.failed(), properties.failedRetention(), folder -> true));
        expired.addAll(olderThan(
                properties.inbox(),
                ABANDONED_UPLOAD,
                folder -> folder.getFileName().toString().startsWith(DiskBudget.UPLOAD_PREFIX)));
        List<String> names = new ArrayList<>();
        long bytes = 0;
        for (Path folder : expired) {
            long size = DiskBudget.size(folder);
            try {
                FileSystemUtils.deleteRecursively(folder);
                names.add(folder.getParent().getFileName() + "/" + folder.getFileName());
                bytes += size;
            } catch (IOException e) {
                log.warn("Could not delete the expired batch folder {}: {}", folder, e.toString());
            }
        }
        if (!names.isEmpty()) {
            log.info("Housekeeping deleted {} batch folder(s), {}: {}", names.size(), ByteCount.of(bytes), names);
            trail.record(
                    "system",
                    "ARCHIVE_EXPIRED",
                    properties.archive().toString(),
                    names.size() + " folder(s), " + ByteCount.of(bytes) + ": " + String.join(", ", names));
        }
        return new Removed(List.copyOf(names), bytes);
    }

    private List<Path> olderThan(Path parent, Duration age, Predicate<Path> candidate) {
        if (age.isZero() || age.isNegative() || !Files.isDirectory(parent)) {
            return List.of();
        }
        Instant cutoff = clock.instant().minus(age);
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(candidate)
                    .filter(p -> lastChanged(p).isBefore(cutoff))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + parent, e);
        }
    }

    private static boolean special(Path folder) {
        String name = folder.getFileName().toString();
        return name.startsWith("_") || name.startsWith(".");
    }

    private static Instant lastChanged(Path folder) {
        try {
            return Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the time of " + folder, e);
        }
    }
}
