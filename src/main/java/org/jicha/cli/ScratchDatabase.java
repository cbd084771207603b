package org.jicha.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The throw-away database of a command that loads a batch ({@code audit}, {@code rules diff}, {@code bench} on H2): an
 * H2 <b>file</b> database in a folder of its own, so a county's extract lives on disk and in H2's bounded page cache,
 * not on the heap (an in-memory H2 keeps every row as Java objects: 5.8M rows do not fit in 1 GB). The folder is
 * deleted when the command ends, also when it fails, and on Ctrl-C or {@code kill} through a shutdown hook; a kept
 * database ({@code --keep-db DIR}) stays for a look with any H2 client.
 *
 * <p>Settings for a one-shot bulk load that nobody reopens: space of old chunks is reused at once
 * ({@code RETENTION_TIME=0}, not kept 45 s for a crash the folder would not survive anyway), no compaction at close
 * ({@code MAX_COMPACT_TIME=0}), no {@code .trace.db} written beside it ({@code TRACE_LEVEL_FILE=0}: errors reach the
 * command as exceptions), and the Spring context, not a JVM hook of H2's own, closes it ({@code DB_CLOSE_ON_EXIT=FALSE}).
 * The page cache keeps H2's default, 64 MB per GB of heap.
 */
final class ScratchDatabase implements AutoCloseable {

    static final String NAME = "jicha";
    static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=0;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0";

    private final Path folder;
    private final boolean keep;
    private final Thread hook;
    private volatile ConfigurableApplicationContext context;
    private boolean closed;

    private ScratchDatabase(Path folder, boolean keep) {
        this.folder = folder.toAbsolutePath().normalize();
        this.keep = keep;
        this.hook = new Thread(this::release, "jicha-scratch-db-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A database in a new temporary folder (readable by this user only), deleted at the end. */
    static ScratchDatabase temporary(String prefix) throws IOException {
        return new ScratchDatabase(Files.createTempDirectory(prefix), false);
    }

    /** A database in {@code folder} (made if missing; the caller has checked that it is new or empty), kept at the end. */
    static ScratchDatabase kept(Path folder) throws IOException {
        return new ScratchDatabase(Files.createDirectories(folder), true);
    }

    String url() {
        return "jdbc:h2:file:" + folder.resolve(NAME) + SETTINGS;
    }

    Path folder() {
        return folder;
    }

    boolean kept() {
        return keep;
    }

    /**
     * Lets this database close the application's context before its files go (Spring's own shutdown hook would race
     * with this one): the context is known from its first moment, so Ctrl-C during start-up is covered too.
     */
    void closesContextOf(SpringApplication app) {
        app.setRegisterShutdownHook(false);
        app.addInitializers(context -> this.context = context);
    }

    /** Closes the context (if it is still open) and deletes the folder unless it is kept; no more work at exit. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it releases
        }
        release();
    }

    private synchronized void release() {
        if (closed) {
            return;
        }
        closed = true;
        ConfigurableApplicationContext open = context;
        if (open != null && open.isActive()) {
            open.close();
        }
        if (!keep) {
            deleteTree(folder);
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
