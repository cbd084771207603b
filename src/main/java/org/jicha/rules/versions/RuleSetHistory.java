package org.jicha.rules.versions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadOutcome;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetVersionView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Records rule-set versions (once per content hash) and every load attempt. */
@Component
public class RuleSetHistory {

    private final RuleSetVersionRepository versions;
    private final RuleSetAttemptRepository attempts;
    private final TransactionTemplate tx;

    RuleSetHistory(RuleSetVersionRepository versions, RuleSetAttemptRepository attempts, TransactionTemplate tx) {
        this.versions = versions;
        this.attempts = attempts;
        this.tx = tx;
    }

    /** Records that {@code set} was made active: its version (reused if the hash is known) and the attempt. */
    public Recorded activated(RuleSet set, ReloadTrigger trigger, Instant at) {
        RuleSetVersion version;
        try {
            version = tx.execute(status -> versions.findByContentHash(set.contentHash())
                    .map(known -> {
                        known.activatedAgain(at);
                        return known;
                    })
                    .orElseGet(() -> versions.saveAndFlush(RuleSetVersion.of(set, at))));
        } catch (DataIntegrityViolationException e) {
            // another node recorded the same content a moment ago
            version = tx.execute(status -> {
                RuleSetVersion known =
                        versions.findByContentHash(set.contentHash()).orElseThrow(() -> e);
                known.activatedAgain(at);
                return known;
            });
        }
        RuleSetAttempt attempt = attempts.save(
                RuleSetAttempt.succeeded(ReloadOutcome.ACTIVATED, trigger, version.getId(), set.contentHash(), at));
        return new Recorded(version.view(), attempt.view());
    }

    public ReloadAttempt unchanged(RuleSetVersionView inForce, ReloadTrigger trigger, Instant at) {
        return attempts.save(RuleSetAttempt.succeeded(
                        ReloadOutcome.UNCHANGED, trigger, inForce.id(), inForce.contentHash(), at))
                .view();
    }

    public ReloadAttempt rejected(
            ReloadTrigger trigger, String contentHash, List<String> problems, RuleSetVersionView inForce, Instant at) {
        return attempts.save(RuleSetAttempt.rejected(trigger, contentHash, problems, inForce.id(), at))
                .view();
    }

    public Optional<ReloadAttempt> lastAttempt() {
        return attempts.findFirstByOrderByIdDesc().map(RuleSetAttempt::view);
    }

    public record Recorded(RuleSetVersionView version, ReloadAttempt attempt) {}
}
