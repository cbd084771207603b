package org.jicha.rules.candidates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.people.Role;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadOutcome;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleSetLoader;
import org.jicha.rules.RulesProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Puts a stored candidate in force (AUDITOR, ADMIN): its files are written into the rules folder
 * ({@code jicha.rules.dir}, never another), then the hot reload compiles and activates them as a new version.
 * Only the files a rules folder holds are written or removed ({@link CandidateFolder#isRuleSetFile}: rule files,
 * decision tables, {@code parameters.yml}, the calendar, the cases); their names come from the candidate's folder
 * on the server, never from the client. The whole change runs while no reload can start
 * ({@link ActiveRuleSet#exclusively}), so no reload ever compiles half of it: each file is written beside its
 * place under a hidden name and moved over the old one, files the candidate does not have are removed, and the
 * previous files are kept first in {@code <candidates area>/.promoted/<time>-<id>/previous} to be restored. If the
 * folder does not compile when reloaded, the previous files are put back and the promotion is refused.
 *
 * <p>Refused with a {@link RulePromotionRefusedException} (409): a candidate that did not compile, one whose base
 * (the rules folder when it was uploaded) has changed since, one already in force. Every promotion and refusal is
 * in the audit trail with the files written and their SHA-256.
 */
@Service
public class RulePromotion {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
    private static final int REASON_MAX = 500;

    private final RuleCandidates candidates;
    private final RuleCandidateRepository repository;
    private final RulesProperties rules;
    private final ActiveRuleSet active;
    private final AuditTrail trail;
    private final Clock clock;

    RulePromotion(
            RuleCandidates candidates,
            RuleCandidateRepository repository,
            RulesProperties rules,
            ActiveRuleSet active,
            AuditTrail trail,
            Clock clock) {
        this.candidates = candidates;
        this.repository = repository;
        this.rules = rules;
        this.active = active;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * What a promotion did: the candidate, the reload attempt that activated it, the hash it replaced, each file
     * written ({@code path sha256}) or removed, and where the previous files are kept.
     */
    public record Promoted(
            RuleCandidateView candidate,
            ReloadAttempt attempt,
            String previousHash,
            List<String> written,
            List<String> removed,
            String keptAs) {}

    /**
     * Puts candidate {@code id} in force for {@code actor} with {@code reason}. A blank reason is refused
     * (IllegalArgumentException naming the field, 400), anything but a candidate id 400, an unknown one 404.
     */
    public Promoted promote(Actor actor, String id, String reason) {
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("only auditors and administrators put rules in force");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: 请填写启用原因 / a reason is required");
        }
        if (reason.length() > REASON_MAX) {
            throw new IllegalArgumentException(
                    "reason: 原因不超过 " + REASON_MAX + " 字 / at most " + REASON_MAX + " characters");
        }
        RuleCandidate candidate = candidates.find(id);
        try {
            return active.exclusively(() -> promote(actor, candidate, reason.strip()));
        } catch (RulePromotionRefusedException e) {
            trail.record(
                    actor.username(),
                    "RULES_PROMOTION_REFUSED",
                    RuleCandidates.target(id),
                    fit("hash=" + candidate.getContentHash() + " " + e.getMessage()));
            throw e;
        }
    }

    private Promoted promote(Actor actor, RuleCandidate candidate, String reason) {
        String id = candidate.getId();
        if (candidate.getOutcome() != CandidateOutcome.COMPILED) {
            throw refused("候选规则集未通过编译检查，不能启用 / the candidate did not compile and cannot be put in force");
        }
        Path source = candidates.area().resolve(id);
        if (!Files.isDirectory(source) || !RuleSetLoader.contentHash(source).equals(candidate.getContentHash())) {
            throw refused("候选规则集的文件已不在或已被改动 / the files of the candidate are gone or changed since the upload");
        }
        Path dir = rules.dir().toAbsolutePath().normalize();
        String inForce = RuleSetLoader.contentHash(dir);
        if (inForce.equals(candidate.getContentHash())) {
            throw refused("候选规则集已经生效 / the candidate is already the rule set in force");
        }
        if (!inForce.equals(candidate.getBaseHash())) {
            throw refused("上传之后生效规则已改变（" + abbreviate(candidate.getBaseHash()) + " → " + abbreviate(inForce)
                    + "），请基于当前规则重新上传 / the rules in force changed since the candidate was uploaded; "
                    + "upload it again over the rules in force");
        }
        Instant now = clock.instant();
        Path kept = candidates.area().resolve(".promoted").resolve(STAMP.format(now) + "-" + id);
        try {
            Map<String, Path> previous = ruleSetFiles(dir);
            Map<String, Path> next = ruleSetFiles(source);
            Path previousCopy = kept.resolve("previous");
            for (Map.Entry<String, Path> file : previous.entrySet()) {
                copy(file.getValue(), previousCopy.resolve(file.getKey()));
            }
            List<String> written = replace(dir, next, previous.keySet());
            List<String> removed =
                    previous.keySet().stream().filter(p -> !next.containsKey(p)).toList();
            ReloadAttempt attempt;
            try {
                attempt = active.reload(ReloadTrigger.PROMOTE, actor);
            } catch (RuntimeException e) {
                replace(dir, ruleSetFiles(previousCopy), next.keySet());
                throw e;
            }
            if (attempt.outcome() != ReloadOutcome.ACTIVATED) {
                replace(dir, ruleSetFiles(previousCopy), next.keySet());
                active.reload(ReloadTrigger.PROMOTE, actor);
                throw new RulePromotionRefusedException(
                        "启用后规则目录未能编译，已恢复原规则 / the rules folder did not compile with the candidate; the "
                                + "previous rules are back in force (" + attempt.outcome() + ")",
                        attempt.messages());
            }
            candidate.promoted(actor.username(), now);
            repository.save(candidate);
            trail.record(
                    actor.username(),
                    "RULES_PROMOTED",
                    RuleCandidates.target(id),
                    fit("hash=" + candidate.getContentHash() + " replaced=" + inForce + " version="
                            + attempt.versionId() + " reason=" + reason + " written=" + String.join(", ", written)
                            + (removed.isEmpty() ? "" : " removed=" + String.join(", ", removed))
                            + " kept=" + candidates.area().relativize(kept)));
            return new Promoted(
                    candidate.view(),
                    attempt,
                    inForce,
                    written,
                    removed,
                    candidates.area().relativize(kept).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code files} into {@code dir}, each under a hidden name beside its place then moved over the old one,
     * and removes the rule-set files of {@code old} that {@code files} does not have. Returns {@code path sha256}
     * of each file that is new or changed.
     */
    private static List<String> replace(Path dir, Map<String, Path> files, Collection<String> old) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey()).normalize();
            if (!target.startsWith(dir)) {
                throw new IllegalStateException("unsafe path " + file.getKey());
            }
            String hash = sha256(file.getValue());
            if (Files.isRegularFile(target) && sha256(target).equals(hash)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path staged = target.resolveSibling("." + target.getFileName() + ".promoting");
            Files.copy(file.getValue(), staged, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
            }
            changed.add(file.getKey() + " " + hash);
        }
        for (String path : old) {
            if (!files.containsKey(path)) {
                Files.deleteIfExists(dir.resolve(path));
            }
        }
        return changed;
    }

    /** The rule-set files of a folder by their relative path; anything else in it is left alone. */
    private static Map<String, Path> ruleSetFiles(Path folder) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = folder.relativize(file).toString().replace('\\', '/');
                boolean hidden = Stream.of(path.split("/")).anyMatch(s -> s.startsWith(".") || s.startsWith("~$"));
                if (!hidden && CandidateFolder.isRuleSetFile(path)) {
                    files.put(path, file);
                }
            }
        }
        return files;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RulePromotionRefusedException refused(String message) {
        return new RulePromotionRefusedException(message, List.of());
    }

    private static String abbreviate(String hash) {
        return hash == null ? "-" : hash.substring(0, Math.min(12, hash.length()));
    }

    private static String fit(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
