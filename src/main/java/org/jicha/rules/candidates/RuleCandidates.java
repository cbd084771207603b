package org.jicha.rules.candidates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.jicha.rules.RulesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;

/**
 * The candidates area: candidate rule sets an auditor uploads so that their impact can be previewed before
 * they go live. The server stores each under an id it generates in {@code jicha.rules.candidates.dir}, never
 * under a name the client chose, and only ever compiles a candidate it stored. An upload is a zip of a rules
 * folder, or one or more single files ({@code *.drl}, {@code *.drl.xlsx}, {@code parameters.yml}) laid over
 * a copy of the rules folder in force. The upload is compiled and checked at once (the allow-list of types
 * included) and kept with its outcome and problems; uploads, deletions and expiries go to the audit trail.
 * The newest {@code keep} candidates younger than {@code max-age} are kept, the others removed.
 *
 * <p>Long because upload, safe extraction, compilation, listing and deletion of candidates share
 * the one candidates area and its rules.
 */
@Service
public class RuleCandidates {

    private static final Logger log = LoggerFactory.getLogger(RuleCandidates.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String INCOMING = ".incoming-";

    private final RuleCandidateProperties properties;
    private final RulesProperties rules;
    private final RuleCandidateRepository candidates;
    private final AuditTrail trail;
    private final Clock clock;

    RuleCandidates(
            RuleCandidateProperties properties,
            RulesProperties rules,
            RuleCandidateRepository candidates,
            AuditTrail trail,
            Clock clock) {
        this.properties = properties;
        this.rules = rules;
        this.candidates = candidates;
        this.trail = trail;
        this.clock = clock;
    }

    /** One uploaded file: the name the client gave it, its size and its bytes. */
    public record Upload(String fileName, long size, InputStreamSource content) {}

    /** A stored candidate compiled for a preview. */
    public record Compiled(RuleCandidateView candidate, RuleSet ruleSet) {}

    /**
     * Stores, compiles and records an upload: one zip, or single rule files. A refused upload (unsafe or
     * unexpected entry, too large) leaves nothing behind and is answered with a
     * {@link RuleCandidateRefusedException} naming the entry.
     */
    public RuleCandidateView upload(Actor actor, List<Upload> uploads) {
        List<Upload> files = uploads.stream().filter(u -> u.size() > 0).toList();
        String id = UUID.randomUUID().toString();
        Path incoming = area().resolve(INCOMING + id);
        try {
            check(files);
            Files.createDirectories(incoming);
            Written written = write(files, incoming);
            RuleCandidate candidate = compile(id, actor, incoming, written);
            Files.move(incoming, area().resolve(id), StandardCopyOption.ATOMIC_MOVE);
            try {
                candidates.save(candidate);
            } catch (RuntimeException e) {
                deleteFolder(area().resolve(id));
                throw e;
            }
            RuleCandidateView view = candidate.view();
            trail.record(
                    actor.username(),
                    "RULE_CANDIDATE_UPLOADED",
                    target(id),
                    "hash=" + view.contentHash()
                            + " outcome=" + view.outcome() + (view.baseHash() == null ? "" : " over=" + view.baseHash())
                            + " files=" + String.join(", ", view.uploadedFiles()));
            expireQuietly();
            return view;
        } catch (RuleCandidateRefusedException e) {
            deleteFolder(incoming);
            trail.record(
                    actor.username(),
                    "RULE_CANDIDATE_REFUSED",
                    null,
                    e.getMessage() + " (uploaded: "
                            + String.join(
                                    ", ", files.stream().map(Upload::fileName).toList()) + ")");
            throw e;
        } catch (IOException e) {
            deleteFolder(incoming);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteFolder(incoming);
            throw e;
        }
    }

    private void check(List<Upload> files) {
        if (files.isEmpty()) {
            throw new RuleCandidateRefusedException("没有上传文件 / no file was uploaded", false);
        }
        boolean zip = files.stream().anyMatch(f -> isZip(f.fileName()));
        if (zip && files.size() > 1) {
            throw new RuleCandidateRefusedException(
                    "请只上传一个 zip，或若干单个规则文件 / upload one zip, or single rule " + "files, not both", false);
        }
        for (Upload f : files) {
            if (f.size() > properties.maxUploadSize().toBytes()) {
                throw new RuleCandidateRefusedException(
                        "文件超过 " + properties.maxUploadSize() + " / the file is larger " + "than "
                                + properties.maxUploadSize() + ": " + f.fileName(),
                        true);
            }
        }
    }

    private static boolean isZip(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** What the uploader sent, and the hash of the rules folder in force (laid under single files). */
    private record Written(List<String> uploaded, String baseHash) {}

    private Written write(List<Upload> files, Path incoming) throws IOException {
        CandidateFolder folder =
                new CandidateFolder(properties.maxExtractedSize().toBytes(), properties.maxFiles());
        List<String> uploaded = new ArrayList<>();
        // the rules folder in force when the candidate came: a promotion is refused once it has changed
        String baseHash = Files.isDirectory(rules.dir()) ? RuleSetLoader.contentHash(rules.dir()) : null;
        if (isZip(files.get(0).fileName())) {
            Upload zip = files.get(0);
            Path copy = area().resolve(INCOMING + UUID.randomUUID() + ".zip");
            try (InputStream in = zip.content().getInputStream()) {
                Files.copy(in, copy);
                folder.extractZip(copy, incoming);
            } finally {
                Files.deleteIfExists(copy);
            }
            uploaded.add(zip.fileName());
            return new Written(uploaded, baseHash);
        }
        if (baseHash != null) {
            folder.copyRuleSet(rules.dir(), incoming);
        }
        List<String> names = new ArrayList<>();
        for (Upload f : files) {
            String name = f.fileName() == null ? "" : f.fileName();
            try (InputStream in = f.content().getInputStream()) {
                String path = folder.layOver(name, in, incoming);
                if (names.contains(path)) {
                    throw new RuleCandidateRefusedException(
                            "同一文件上传了两次 / the same file was uploaded twice: " + name, false);
                }
                names.add(path);
            }
            uploaded.add(name);
        }
        return new Written(uploaded, baseHash);
    }

    private RuleCandidate compile(String id, Actor actor, Path folder, Written written) {
        String hash = RuleSetLoader.contentHash(folder);
        List<String> files = files(folder);
        Instant now = clock.instant();
        try {
            RuleSet set = new RuleSetLoader().load(folder);
            return new RuleCandidate(
                    id,
                    actor.username(),
                    now,
                    hash,
                    written.baseHash(),
                    files,
                    written.uploaded(),
                    CandidateOutcome.COMPILED,
                    set.rules().size(),
                    List.of());
        } catch (RuleSetException e) {
            return new RuleCandidate(
                    id,
                    actor.username(),
                    now,
                    hash,
                    written.baseHash(),
                    files,
                    written.uploaded(),
                    CandidateOutcome.REJECTED,
                    0,
                    e.problems().stream().map(RuleProblem::toString).toList());
        }
    }

    /** Newest first. */
    public List<RuleCandidateView> list() {
        return candidates.findAllByOrderByUploadedAtDescIdDesc().stream()
                .map(RuleCandidate::view)
                .toList();
    }

    /** One candidate; 400 for anything that is not an id, 404 for an unknown one. */
    public RuleCandidateView get(String id) {
        return find(id).view();
    }

    /**
     * Compiles a stored candidate for a preview, from the folder the server keeps it in: never a path a client
     * gave. Its files must still have the content hash it was uploaded with. A rejected candidate throws a
     * {@link RuleSetException} with its problems.
     */
    public Compiled compile(String id) {
        RuleCandidate candidate = find(id);
        Path folder = area().resolve(candidate.getId());
        if (!Files.isDirectory(folder)) {
            throw new RuleCandidateNotFoundException(
                    "候选规则集的文件不在本服务器上 / the files of candidate " + id + " are not on this server");
        }
        if (!RuleSetLoader.contentHash(folder).equals(candidate.getContentHash())) {
            throw new IllegalStateException(
                    "候选规则集的文件已被改动 / the files of candidate " + id + " changed since they were uploaded");
        }
        return new Compiled(candidate.view(), new RuleSetLoader().load(folder));
    }

    /** True when the rules folder is still the one the candidate was uploaded over (it may be put in force). */
    public boolean baseInForce(RuleCandidateView candidate) {
        return Files.isDirectory(rules.dir())
                && RuleSetLoader.contentHash(rules.dir()).equals(candidate.baseHash());
    }

    /** Removes a candidate and its files. */
    public void delete(Actor actor, String id) {
        RuleCandidate candidate = find(id);
        remove(candidate);
        trail.record(actor.username(), "RULE_CANDIDATE_DELETED", target(id), "hash=" + candidate.getContentHash());
    }

    /** The audit-trail target naming a candidate. */
    public static String target(String id) {
        return "rule-candidate:" + id;
    }

    /** True for a text that is a candidate id (what the server generates), so never a path. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    RuleCandidate find(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("候选规则集编号无效（只接受服务器生成的编号，不接受路径）/ not a candidate id "
                    + "(only the ids the server generated, never a path): " + abbreviate(id));
        }
        return candidates
                .findById(id)
                .orElseThrow(() -> new RuleCandidateNotFoundException("没有这个候选规则集 / no candidate rule set " + id));
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** Retention must not fail an upload that is stored: a failure is logged, the next upload tries again. */
    private void expireQuietly() {
        try {
            expire();
        } catch (RuntimeException e) {
            log.warn("Could not remove old candidates from {}: {}", area(), e.getMessage());
        }
    }

    /** Removes what is beyond the count or the age to keep, and uploads a crash left half-written. */
    private void expire() {
        Instant oldest = clock.instant().minus(properties.maxAge());
        List<RuleCandidate> all = candidates.findAllByOrderByUploadedAtDescIdDesc();
        for (int i = 0; i < all.size(); i++) {
            RuleCandidate c = all.get(i);
            if (i >= properties.keep() || c.getUploadedAt().isBefore(oldest)) {
                remove(c);
                trail.record(
                        Actor.SYSTEM.username(),
                        "RULE_CANDIDATE_EXPIRED",
                        target(c.getId()),
                        "hash=" + c.getContentHash());
            }
        }
        try (Stream<Path> leftovers = Files.list(area())) {
            for (Path p : leftovers
                    .filter(p -> p.getFileName().toString().startsWith(INCOMING))
                    .toList()) {
                if (Files.getLastModifiedTime(p)
                        .toInstant()
                        .isBefore(clock.instant().minusSeconds(86_400))) {
                    deleteFolder(p);
                }
            }
        } catch (IOException e) {
            log.warn("Could not tidy the candidates area {}: {}", area(), e.getMessage());
        }
    }

    private void remove(RuleCandidate candidate) {
        candidates.delete(candidate);
        deleteFolder(area().resolve(candidate.getId()));
    }

    Path area() {
        try {
            return Files.createDirectories(properties.dir()).toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }
}
