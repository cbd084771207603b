package org.jicha.rules.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadOutcome;
import org.jicha.rules.ReloadTrigger;

/** One try to (re)load the rules folder and what came of it. Never changes once recorded. */
@Entity
@Table(name = "rule_set_attempts")
class RuleSetAttempt {

    static final int MAX_MESSAGES_LENGTH = 16000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private ReloadTrigger trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReloadOutcome outcome;

    @Column(name = "content_hash")
    private String contentHash;

    @Column(name = "version_id")
    private Long versionId;

    @Column(length = MAX_MESSAGES_LENGTH)
    private String messages;

    protected RuleSetAttempt() {}

    /** An attempt that left {@code versionId} in force: ACTIVATED or UNCHANGED. */
    static RuleSetAttempt succeeded(
            ReloadOutcome outcome, ReloadTrigger trigger, long versionId, String contentHash, Instant at) {
        if (outcome == ReloadOutcome.REJECTED) {
            throw new IllegalArgumentException("a rejected attempt has no version");
        }
        RuleSetAttempt attempt = new RuleSetAttempt(trigger, outcome, contentHash, at);
        attempt.versionId = versionId;
        return attempt;
    }

    /** A rejected attempt; {@code versionInForce} is the version that stays active. */
    static RuleSetAttempt rejected(
            ReloadTrigger trigger, String contentHash, List<String> problems, Long versionInForce, Instant at) {
        RuleSetAttempt attempt = new RuleSetAttempt(trigger, ReloadOutcome.REJECTED, contentHash, at);
        attempt.versionId = versionInForce;
        attempt.messages = fit(String.join("\n", problems));
        return attempt;
    }

    private RuleSetAttempt(ReloadTrigger trigger, ReloadOutcome outcome, String contentHash, Instant at) {
        this.trigger = trigger;
        this.outcome = outcome;
        this.contentHash = contentHash;
        this.attemptedAt = at;
    }

    private static String fit(String text) {
        String tail = "\n...";
        return text.length() <= MAX_MESSAGES_LENGTH
                ? text
                : text.substring(0, MAX_MESSAGES_LENGTH - tail.length()) + tail;
    }

    ReloadAttempt view() {
        return new ReloadAttempt(
                id,
                attemptedAt,
                trigger,
                outcome,
                contentHash,
                versionId,
                messages == null || messages.isEmpty() ? List.of() : List.of(messages.split("\n")));
    }
}
