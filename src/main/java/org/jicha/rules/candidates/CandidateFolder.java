package org.jicha.rules.candidates;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Writes a candidate rule set into the folder the server chose for it, from a zip of a rules folder or from
 * single files laid over a copy of the rules folder in force. Only what a rules folder holds is accepted:
 * {@code *.drl} and {@code *.drl.xlsx} (in any sub-folder), {@code parameters.yml}, {@code calendar/*.csv},
 * {@code tests/**.yml} and the folder's {@code README.md} (text for the audit team, never compiled). A zip entry with an absolute path, a {@code ..} or {@code .} step, a backslash,
 * a drive letter, a hidden name, a symbolic link or any other kind of file is refused naming the entry,
 * as are more entries or more extracted bytes than allowed (counted while extracting, not taken from the
 * zip's own figures). A zip whose files all sit in one top folder is read from inside it. On a refusal
 * the caller deletes the folder: nothing of the upload stays.
 */
final class CandidateFolder {

    /** One path step: letters (Chinese too), digits, {@code _ - .} and spaces, not starting with a dot. */
    private static final Pattern STEP = Pattern.compile("[\\p{L}\\p{N}_\\- ][\\p{L}\\p{N}_.\\- ]*");

    private final long maxBytes;
    private final int maxEntries;
    private long written;

    /**
     * @param maxBytes   the most bytes the candidate may extract to
     * @param maxEntries the most entries a zip may hold
     */
    public CandidateFolder(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /** True for a path (relative, '/'-separated) a rules folder may hold. */
    public static boolean isRuleSetFile(String path) {
        String[] steps = path.split("/", -1);
        String name = steps[steps.length - 1];
        if (path.equals("parameters.yml") || path.equals("README.md")) {
            return true;
        }
        if (steps.length == 2 && steps[0].equals("calendar")) {
            return name.endsWith(".csv");
        }
        if (steps[0].equals("tests")) {
            return steps.length >= 2 && name.endsWith(".yml");
        }
        return name.endsWith(".drl") || name.endsWith(".drl.xlsx");
    }

    /** Extracts {@code zipFile} into {@code target} (which must exist); returns the files written. */
    public List<String> extractZip(Path zipFile, Path target) throws IOException {
        ZipFile opened;
        try {
            opened = ZipFile.builder().setFile(zipFile.toFile()).get();
        } catch (IOException | IllegalArgumentException e) {
            throw refused("不是可读的 zip 压缩包 / not a readable zip archive: " + e.getMessage(), false);
        }
        try (ZipFile zip = opened) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.isEmpty()) {
                throw refused("压缩包为空 / the zip holds no entry", false);
            }
            if (entries.size() > maxEntries) {
                throw refused(
                        "压缩包条目超过 " + maxEntries + " 个 / the zip holds more than " + maxEntries + " entries", true);
            }
            for (ZipArchiveEntry entry : entries) {
                safePath(entry.getName());
                if (entry.isUnixSymlink()) {
                    throw refused("压缩包条目是符号链接 / the zip entry is a symbolic link: " + entry.getName(), false);
                }
            }
            String top = commonTopFolder(entries);
            List<String> files = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (ZipArchiveEntry entry : entries) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = top == null ? entry.getName() : entry.getName().substring(top.length() + 1);
                if (!isRuleSetFile(path)) {
                    throw refused(
                            "压缩包中有规则集以外的文件 / the zip entry is not a rule-set file (*.drl, *.drl.xlsx, "
                                    + "parameters.yml, calendar/*.csv, tests/*.yml): " + entry.getName(),
                            false);
                }
                if (!seen.add(path.toLowerCase(Locale.ROOT))) {
                    throw refused("压缩包中文件重复 / the zip holds this file twice: " + entry.getName(), false);
                }
                InputStream in;
                try {
                    in = zip.getInputStream(entry);
                } catch (IOException | RuntimeException e) {
                    throw unreadable(entry.getName(), e);
                }
                try (in) {
                    write(in, target, path, entry.getName());
                }
                files.add(path);
            }
            return files;
        }
    }

    /** Copies the rule-set files of {@code rulesDir} into {@code target}; returns them. */
    public List<String> copyRuleSet(Path rulesDir, Path target) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = rulesDir.relativize(file).toString().replace('\\', '/');
                if (isRuleSetFile(path)
                        && Stream.of(path.split("/"))
                                .allMatch(s -> STEP.matcher(s).matches())) {
                    try (InputStream in = Files.newInputStream(file)) {
                        write(in, target, path, path);
                    }
                    files.add(path);
                }
            }
        }
        return files;
    }

    /**
     * Lays one uploaded file over the copy in {@code target}: {@code parameters.yml} at the top, a rule file in
     * place of the file of the same name (wherever it is), or at the top if there is none. Returns its path.
     */
    public String layOver(String uploadedName, InputStream content, Path target) throws IOException {
        String name = fileName(uploadedName);
        if (!STEP.matcher(name).matches()
                || !(name.equals("parameters.yml") || name.endsWith(".drl") || name.endsWith(".drl.xlsx"))) {
            throw refused(
                    "只能上传 zip、*.drl、*.drl.xlsx 或 parameters.yml / not a zip, *.drl, *.drl.xlsx or " + "parameters.yml: "
                            + uploadedName,
                    false);
        }
        String path = name;
        if (!name.equals("parameters.yml")) {
            List<String> same;
            try (Stream<Path> walk = Files.walk(target)) {
                same = walk.filter(p -> p.getFileName().toString().equals(name))
                        .map(p -> target.relativize(p).toString().replace('\\', '/'))
                        .filter(p -> !p.startsWith("tests/"))
                        .toList();
            }
            if (same.size() > 1) {
                throw refused(
                        "规则目录中有多个同名文件，请上传 zip / more than one file of this name in the rules folder ("
                                + String.join(", ", same) + "); upload a zip instead: " + name,
                        false);
            }
            if (same.size() == 1) {
                path = same.get(0);
            }
        }
        Path file = target.resolve(path);
        if (Files.exists(file)) {
            written -= Files.size(file);
            Files.delete(file);
        }
        write(content, target, path, uploadedName);
        return path;
    }

    /** The last step of a client's file name, whatever separator its system uses. */
    static String fileName(String uploadedName) {
        String name = uploadedName == null ? "" : uploadedName.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    private void write(InputStream in, Path target, String path, String entryName) throws IOException {
        Path file = target.resolve(path).normalize();
        if (!file.startsWith(target)) {
            throw refused("不安全的路径 / unsafe path: " + entryName, false);
        }
        Files.createDirectories(file.getParent());
        byte[] buffer = new byte[8192];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw unreadable(entryName, e);
                }
                if (n < 0) {
                    break;
                }
                written += n;
                if (written > maxBytes) {
                    throw refused(
                            "解压后超过 " + maxBytes + " 字节 / the candidate extracts to more than " + maxBytes
                                    + " bytes (at " + entryName + ")",
                            true);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Refuses a name that could leave the folder or hide: absolute, .., ., empty steps, backslashes, drives. */
    static void safePath(String name) {
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        boolean safe = !path.isEmpty()
                && !path.startsWith("/")
                && path.indexOf('\\') < 0
                && path.indexOf(':') < 0
                && Stream.of(path.split("/", -1))
                        .allMatch(step -> STEP.matcher(step).matches());
        if (!safe) {
            throw refused(
                    "压缩包条目路径不安全 / unsafe entry path in the zip (absolute, .., hidden or with a " + "backslash): "
                            + name,
                    false);
        }
    }

    /** The one folder every entry sits in when the zip wraps a rules folder (with its parameters.yml); else null. */
    private static String commonTopFolder(List<ZipArchiveEntry> entries) {
        String top = null;
        for (ZipArchiveEntry entry : entries) {
            String name = entry.getName();
            int slash = name.indexOf('/');
            String first = slash < 0 ? name : name.substring(0, slash);
            if (slash < 0 || top != null && !top.equals(first)) {
                return null;
            }
            top = first;
        }
        String wrapped = top;
        return entries.stream().anyMatch(e -> e.getName().equals(wrapped + "/parameters.yml")) ? top : null;
    }

    private static RuleCandidateRefusedException unreadable(String entryName, Exception e) {
        return refused("压缩包条目无法读取 / the zip entry cannot be read: " + entryName + " (" + e.getMessage() + ")", false);
    }

    private static RuleCandidateRefusedException refused(String message, boolean tooLarge) {
        return new RuleCandidateRefusedException(message, tooLarge);
    }
}
