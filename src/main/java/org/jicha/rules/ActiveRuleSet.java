package org.jicha.rules;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.versions.RuleSetHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set in force, compiled at start-up from {@code jicha.rules.dir}. A bad rule set stops the
 * start-up with every problem listed (file and line). {@link #reload} compiles the folder again and swaps
 * the new set in atomically if it is valid; a bad folder leaves the set in force. A run holds on to the
 * set it started with, so a swap never changes a run in flight. Every version and attempt is recorded, and
 * every reload after start-up (API, rules page, folder watcher) goes to the audit trail with its actor and the
 * content hash of what was tried, in {@link #reload(ReloadTrigger, Actor)}: the one place that does.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RulesProperties properties;
    private final RuleSetHistory history;
    private final Clock clock;
    private final AuditTrail trail;
    private final RuleSetLoader loader = new RuleSetLoader();
    private final AtomicReference<Active> current = new AtomicReference<>();

    /** The set in force and the version it is recorded as. */
    private record Active(RuleSet ruleSet, RuleSetVersionView version) {}

    ActiveRuleSet(RulesProperties properties, RuleSetHistory history, Clock clock, AuditTrail trail) {
        this.properties = properties;
        this.history = history;
        this.clock = clock;
        this.trail = trail;
        RuleSet loaded = loader.load(properties.dir());
        current.set(new Active(
                loaded,
                history.activated(loaded, ReloadTrigger.STARTUP, clock.instant())
                        .version()));
        log.info(
                "Rule set {} loaded from {}: {} rules in {} files",
                loaded.contentHash().substring(0, 12),
                properties.dir().toAbsolutePath().normalize(),
                loaded.rules().size(),
                loaded.files().size());
    }

    public RuleSet current() {
        return current.get().ruleSet();
    }

    public RuleSetVersionView currentVersion() {
        return current.get().version();
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return history.lastAttempt();
    }

    public Path folder() {
        return properties.dir();
    }

    /**
     * Compiles the rules folder and makes it the set in force if it is valid and differs from it, for
     * {@code actor} (a person through the API or the rules page, {@link Actor#SYSTEM} for the folder watcher),
     * and records the attempt in the audit trail: action {@code RULES_RELOAD}, the content hash tried as the
     * target, trigger and outcome (and the problems of a rejected folder) as the detail. One reload at a time;
     * runs keep the set they took.
     */
    public synchronized ReloadAttempt reload(ReloadTrigger trigger, Actor actor) {
        ReloadAttempt attempt = reload(trigger);
        trail.record(
                actor.username(),
                "RULES_RELOAD",
                attempt.contentHash(),
                trigger + " " + attempt.outcome()
                        + (attempt.outcome() == ReloadOutcome.REJECTED
                                ? " (in force: " + currentVersion().contentHash() + ")"
                                : "")
                        + (attempt.messages().isEmpty() ? "" : ": " + String.join("; ", attempt.messages())));
        return attempt;
    }

    /** {@link #reload(ReloadTrigger, Actor)} for a caller that must hear of a rejection as an exception. */
    public ReloadAttempt reloadNow(ReloadTrigger trigger, Actor actor) {
        ReloadAttempt attempt = reload(trigger, actor);
        if (attempt.outcome() == ReloadOutcome.REJECTED) {
            throw new RuleSetRejectedException(attempt, currentVersion());
        }
        return attempt;
    }

    /**
     * Runs {@code work} while no reload can start (the folder watcher's and the API's wait for it): a promotion
     * writes the rules folder and reloads it ({@link #reload(ReloadTrigger, Actor)}) as one step.
     */
    public synchronized <T> T exclusively(Supplier<T> work) {
        return work.get();
    }

    private ReloadAttempt reload(ReloadTrigger trigger) {
        Active before = current.get();
        Path dir = properties.dir();
        String hash = null;
        RuleSet candidate;
        try {
            if (Files.isDirectory(dir)) {
                hash = RuleSetLoader.contentHash(dir);
                if (hash.equals(before.ruleSet().contentHash())) {
                    return history.unchanged(before.version(), trigger, clock.instant());
                }
            }
            candidate = loader.load(dir);
        } catch (RuleSetException e) {
            return rejected(
                    trigger,
                    hash,
                    e.problems().stream().map(RuleProblem::toString).toList(),
                    before);
        } catch (UncheckedIOException e) {
            // a file vanished or could not be read while the folder was being written
            return rejected(trigger, hash, List.of(dir + ": " + e.getMessage()), before);
        }
        if (candidate.contentHash().equals(before.ruleSet().contentHash())) {
            return history.unchanged(before.version(), trigger, clock.instant());
        }
        RuleSetHistory.Recorded recorded = history.activated(candidate, trigger, clock.instant());
        current.set(new Active(candidate, recorded.version()));
        log.info(
                "Rule set {} activated ({}): {} rules in {} files, replacing {}",
                candidate.contentHash().substring(0, 12),
                trigger,
                candidate.rules().size(),
                candidate.files().size(),
                before.ruleSet().contentHash().substring(0, 12));
        return recorded.attempt();
    }

    private ReloadAttempt rejected(ReloadTrigger trigger, String hash, List<String> problems, Active before) {
        log.warn(
                "Rule set in {} rejected ({}), {} stays in force:\n  {}",
                properties.dir(),
                trigger,
                before.ruleSet().contentHash().substring(0, 12),
                String.join("\n  ", problems));
        return history.rejected(trigger, hash, problems, before.version(), clock.instant());
    }
}
