package org.jicha.rules.versions;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.jicha.people.Actor;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the rules folder and its sub-folders and reloads the rule set once the folder has been quiet
 * for {@code jicha.rules.reload-debounce} after a change, so that a save of several files (or an editor's
 * write-rename dance) makes one attempt. Editor temp and lock files ({@code ~$*}, {@code .*},
 * {@code *.swp}, {@code *~}) are ignored. Off with {@code jicha.rules.watch=false}.
 */
@Component
class RuleFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RuleFolderWatcher.class);

    private final ActiveRuleSet rules;
    private final RulesProperties properties;
    private volatile WatchService watchService;
    private volatile Thread thread;

    RuleFolderWatcher(ActiveRuleSet rules, RulesProperties properties) {
        this.rules = rules;
        this.properties = properties;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.watch();
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerTree(properties.dir());
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException(
                    "cannot watch the rules folder " + properties.dir() + ": " + e.getMessage(), e);
        }
        thread = new Thread(this::watch, "rules-watch");
        thread.setDaemon(true);
        thread.start();
        log.info(
                "Watching {} for rule changes (reload after {} of quiet)",
                properties.dir().toAbsolutePath().normalize(),
                properties.reloadDebounce());
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        try {
            watchService.close();
        } catch (IOException e) {
            log.debug("closing the rules watch service", e);
        }
        running.interrupt();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether a change to this file name is a change to the rules (not an editor's temp or lock file). */
    static boolean matters(String fileName) {
        return !(fileName.startsWith("~$")
                || fileName.startsWith(".")
                || fileName.endsWith(".swp")
                || fileName.endsWith("~"));
    }

    private void watch() {
        long debounceNanos = properties.reloadDebounce().toNanos();
        try {
            while (true) {
                boolean changed = drain(watchService.take());
                // wait for the quiet: every further event starts the debounce again
                while (changed) {
                    WatchKey next = watchService.poll(debounceNanos, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        reload();
                        changed = false;
                    } else {
                        drain(next);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // stopped
        }
    }

    private void reload() {
        try {
            ReloadAttempt attempt = rules.reload(ReloadTrigger.WATCH, Actor.SYSTEM);
            log.debug("Rules folder changed: {}", attempt.outcome());
        } catch (RuntimeException e) {
            log.error("Reloading the rule set after a change failed; the set in force stays", e);
        }
    }

    /** Takes the events of one key; true if any of them is a change to the rules. */
    private boolean drain(WatchKey key) {
        boolean changed = false;
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                changed = true;
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            if (!matters(child.getFileName().toString())) {
                continue;
            }
            changed = true;
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException | UncheckedIOException e) {
                    log.warn("cannot watch the new rules folder {}: {}", child, e.getMessage());
                }
            }
        }
        key.reset();
        return changed;
    }

    /** Registers {@code root} and every folder below it, except hidden ones ({@code .git}). */
    private void registerTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && !matters(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
