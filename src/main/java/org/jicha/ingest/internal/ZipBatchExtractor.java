package org.jicha.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jicha.ingest.InvalidBatchArchiveException;

/**
 * Extracts an uploaded zip of a batch into a folder, safely: an entry whose path would leave the folder
 * (zip slip: {@code ../x}, absolute paths) rejects the archive, as do more entries or more extracted bytes
 * than allowed (zip bombs). The CSV files may sit at the top of the zip or in one folder inside it.
 */
public final class ZipBatchExtractor {

    private final long maxBytes;
    private final int maxEntries;

    public ZipBatchExtractor(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** Extracts the zip into {@code target} (which must exist) and returns the folder that holds the batch. */
    public Path extract(InputStream zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        long bytes = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new InvalidBatchArchiveException("the zip holds more than " + maxEntries + " entries");
                }
                String name = entry.getName().replace('\\', '/');
                if (name.startsWith("__MACOSX/")) {
                    continue;
                }
                Path destination = root.resolve(name).normalize();
                if (name.startsWith("/") || !destination.startsWith(root) || destination.equals(root)) {
                    throw new InvalidBatchArchiveException("unsafe entry path in zip: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        bytes += read;
                        if (bytes > maxBytes) {
                            throw new InvalidBatchArchiveException(
                                    "the zip extracts to more than " + maxBytes + " bytes");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new InvalidBatchArchiveException("not a readable zip archive: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new InvalidBatchArchiveException("not a zip archive, or an empty one");
        }
        return batchFolder(root);
    }

    /** The folder itself, or its only sub-folder when the zip wrapped the files in one. */
    private static Path batchFolder(Path root) throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            List<Path> visible = children.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
            return visible.size() == 1 && Files.isDirectory(visible.get(0)) ? visible.get(0) : root;
        }
    }
}
