package org.jicha.ingest.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jicha.ingest.BatchTooLargeException;
import org.jicha.ingest.IgnoredEntry;
import org.jicha.ingest.InvalidBatchArchiveException;

/**
 * Extracts an uploaded zip of a batch into a folder, safely, keeping only the data contract's files:
 * <ul>
 * <li>an entry whose path would leave the folder (zip slip: {@code ../x}, absolute paths) rejects the archive;</li>
 * <li>only the contract's CSV files are written, at the top of the zip or in one folder inside it, flat into the
 *     target; every other entry (scripts, rules, nested zips, deeper folders) is read past, never written, and
 *     listed as ignored with its size;</li>
 * <li>every byte inflated, written or read past, counts against the per-batch limit as it is read (the zip's
 *     declared sizes are not trusted): a zip bomb stops at the limit;</li>
 * <li>every byte written is reported to a {@link WriteGuard} (the disk budget), which may stop the extraction.</li>
 * </ul>
 * When the extraction fails, what it wrote is deleted.
 */
public final class ZipBatchExtractor {

    private static final int BUFFER = 64 * 1024;

    private final long maxBytes;
    private final int maxEntries;

    /**
     * @param maxBytes the most bytes the zip may inflate to, all entries together
     * @param maxEntries the most entries it may hold
     */
    public ZipBatchExtractor(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Told the bytes written so far, after each block; throws to stop the extraction. */
    @FunctionalInterface
    public interface WriteGuard {
        void written(long totalBytes);
    }

    /** What was extracted: the folder holding the contract files, and the entries left out. */
    public record Extraction(Path batch, List<IgnoredEntry> ignored) {}

    /**
     * Extracts the contract files of the zip into {@code target} (which must exist).
     *
     * @throws InvalidBatchArchiveException not a zip, empty, unsafe path, too many entries, contract files in two
     *                                      folders or twice; {@link BatchTooLargeException} past the byte limit
     */
    public Extraction extract(InputStream zip, Path target, WriteGuard guard) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Counter counter = new Counter(guard);
        List<Path> written = new ArrayList<>();
        List<IgnoredEntry> ignored = new ArrayList<>();
        String batchFolder = null;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new InvalidBatchArchiveException("the zip holds more than " + maxEntries + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                Path destination = root.resolve(name).normalize();
                if (name.startsWith("/") || !destination.startsWith(root) || destination.equals(root)) {
                    throw new InvalidBatchArchiveException("unsafe entry path in zip: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    continue;
                }
                String folder = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                boolean contract = !folder.contains("/")
                        && !folder.equals("__MACOSX")
                        && ContractFile.byFileName(fileName).isPresent();
                if (!contract) {
                    ignored.add(new IgnoredEntry(name, counter.skip(in)));
                    continue;
                }
                if (batchFolder == null) {
                    batchFolder = folder;
                } else if (!batchFolder.equals(folder)) {
                    throw new InvalidBatchArchiveException("the zip holds contract files in more than one folder: \""
                            + batchFolder + "\" and \"" + folder + "\"");
                }
                Path file = root.resolve(fileName);
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
                    written.add(file);
                    counter.copy(in, out);
                } catch (FileAlreadyExistsException e) {
                    throw new InvalidBatchArchiveException("the zip holds " + fileName + " twice");
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            deleteQuietly(written);
            throw new InvalidBatchArchiveException("not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(written);
            throw e;
        }
        if (entries == 0) {
            throw new InvalidBatchArchiveException("not a zip archive, or an empty one");
        }
        return new Extraction(root, List.copyOf(ignored));
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the caller deletes the whole target folder as well
            }
        }
    }

    /** Counts every inflated byte against the limit, and the written ones for the guard. */
    private final class Counter {

        private final WriteGuard guard;
        private final byte[] buffer = new byte[BUFFER];
        private long inflated;
        private long written;

        Counter(WriteGuard guard) {
            this.guard = guard;
        }

        long skip(InputStream in) throws IOException {
            long size = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                count(read);
                size += read;
            }
            return size;
        }

        void copy(InputStream in, OutputStream out) throws IOException {
            for (int read; (read = in.read(buffer)) > 0; ) {
                count(read);
                out.write(buffer, 0, read);
                written += read;
                guard.written(written);
            }
        }

        private void count(int read) {
            inflated += read;
            if (inflated > maxBytes) {
                throw BatchTooLargeException.extracted(maxBytes);
            }
        }
    }
}
