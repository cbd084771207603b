package org.jicha.tickets.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jicha.tickets.EvidenceRejectedException;
import org.jicha.tickets.EvidenceType;
import org.jicha.tickets.TicketProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evidence folder. Every file of an upload is checked first (size, count, type by its first bytes); only
 * then are they written, each under a new random name inside the folder (nothing the client sends reaches a
 * path), with their SHA-256 computed on the way. A failure while writing deletes what was written.
 */
@Component
public class EvidenceStore {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStore.class);
    private static final int MAX_NAME = 200;

    private final TicketProperties.Evidence config;
    private final Path dir;

    public EvidenceStore(TicketProperties properties) {
        this.config = properties.evidence();
        this.dir = config.dir().toAbsolutePath().normalize();
    }

    /** A file as stored. */
    public record StoredFile(String storedName, String originalName, EvidenceType type, long size, String sha256) {}

    /**
     * Checks and stores the files of one upload to a ticket that already holds {@code alreadyHeld} files.
     *
     * @throws EvidenceRejectedException naming the file at fault and the limit; nothing is left on disk then
     */
    public List<StoredFile> store(List<MultipartFile> files, long alreadyHeld) {
        List<MultipartFile> upload = files == null
                ? List.of()
                : files.stream().filter(f -> f != null).toList();
        if (alreadyHeld + upload.size() > config.maxFiles()) {
            throw new EvidenceRejectedException(
                    "每张工单最多 " + config.maxFiles() + " 个附件（已有 " + alreadyHeld
                            + " 个，本次 " + upload.size() + " 个） / a ticket holds at most " + config.maxFiles()
                            + " files (it has " + alreadyHeld + ", this upload adds " + upload.size() + ")",
                    false);
        }
        List<EvidenceType> types = new ArrayList<>();
        for (MultipartFile file : upload) {
            types.add(check(file));
        }
        List<StoredFile> stored = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < upload.size(); i++) {
                stored.add(write(upload.get(i), types.get(i)));
            }
            return stored;
        } catch (IOException | RuntimeException e) {
            delete(stored);
            if (e instanceof EvidenceRejectedException rejected) {
                throw rejected;
            }
            throw e instanceof IOException io
                    ? new UncheckedIOException("无法保存附件 / cannot store evidence", io)
                    : (RuntimeException) e;
        }
    }

    /** Deletes stored files (their upload failed, or the transaction that recorded them rolled back). */
    public void delete(List<StoredFile> files) {
        for (StoredFile f : files) {
            try {
                Files.deleteIfExists(resolve(f.storedName()));
            } catch (IOException e) {
                log.warn("Could not delete evidence file {}: {}", f.storedName(), e.toString());
            }
        }
    }

    /** The path of a stored file; only generated names resolve. */
    public Path resolve(String storedName) {
        if (!storedName.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a stored evidence name");
        }
        Path path = dir.resolve(storedName).normalize();
        if (!path.getParent().equals(dir)) {
            throw new IllegalArgumentException("not a stored evidence name");
        }
        return path;
    }

    /** The name the uploader gave, reduced to a harmless display name. */
    public static String sanitise(String name) {
        if (name == null) {
            return "evidence";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.codePoints()
                .map(c -> Character.isISOControl(c) || "\"<>:|?*;".indexOf(c) >= 0 ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        if (base.isBlank()) {
            return "evidence";
        }
        return base.codePointCount(0, base.length()) <= MAX_NAME
                ? base
                : base.substring(0, base.offsetByCodePoints(0, MAX_NAME));
    }

    private EvidenceType check(MultipartFile file) {
        String name = sanitise(file.getOriginalFilename());
        long max = config.maxFileSize().toBytes();
        if (file.getSize() > max) {
            throw new EvidenceRejectedException(
                    "文件 " + name + " 超过 " + config.maxFileSize().toMegabytes() + "MB 的上限 / file " + name
                            + " is larger than the limit of " + config.maxFileSize(),
                    true);
        }
        if (file.isEmpty()) {
            throw new EvidenceRejectedException("文件 " + name + " 为空 / file " + name + " is empty", false);
        }
        byte[] head = new byte[EvidenceType.SNIFF_LENGTH];
        int read;
        try (InputStream in = file.getInputStream()) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new EvidenceRejectedException("无法读取文件 " + name + " / cannot read file " + name, false);
        }
        byte[] actual = Arrays.copyOf(head, read);
        return EvidenceType.sniff(actual)
                .filter(config.allowedTypes()::contains)
                .orElseThrow(() -> new EvidenceRejectedException(
                        "文件 " + name + " 的类型不允许，只接受 " + allowed()
                                + " / file " + name + " is not of an allowed type (" + allowed()
                                + "), judged by its content",
                        false));
    }

    private StoredFile write(MultipartFile file, EvidenceType type) throws IOException {
        String storedName = UUID.randomUUID().toString();
        Path target = resolve(storedName);
        MessageDigest sha = sha256();
        long max = config.maxFileSize().toBytes();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = file.getInputStream();
                OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > max) {
                    throw new EvidenceRejectedException(
                            "文件 " + sanitise(file.getOriginalFilename()) + " 超过上限 / file "
                                    + sanitise(file.getOriginalFilename()) + " is larger than the limit of "
                                    + config.maxFileSize(),
                            true);
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return new StoredFile(
                storedName,
                sanitise(file.getOriginalFilename()),
                type,
                size,
                HexFormat.of().formatHex(sha.digest()));
    }

    private String allowed() {
        return config.allowedTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
