package org.jicha.rules.versions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetVersionView;

/** One rule set that was compiled and made active, recorded once per content hash. */
@Entity
@Table(name = "rule_set_versions")
class RuleSetVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "content_hash", nullable = false, unique = true)
    private String contentHash;

    @Column(nullable = false, length = 16000)
    private String files;

    @Column(name = "rule_count", nullable = false)
    private int ruleCount;

    @Column(name = "compiled_at", nullable = false)
    private Instant compiledAt;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    protected RuleSetVersion() {}

    static RuleSetVersion of(RuleSet set, Instant activatedAt) {
        RuleSetVersion version = new RuleSetVersion();
        version.contentHash = set.contentHash();
        version.files = String.join("\n", set.files());
        version.ruleCount = set.rules().size();
        version.compiledAt = set.compiledAt();
        version.activatedAt = activatedAt;
        return version;
    }

    /** The same content was made active again: its row is reused, only the activation time moves. */
    void activatedAgain(Instant at) {
        this.activatedAt = at;
    }

    RuleSetVersionView view() {
        return new RuleSetVersionView(
                id,
                contentHash,
                files.isEmpty() ? List.of() : List.of(files.split("\n")),
                ruleCount,
                compiledAt,
                activatedAt);
    }

    Long getId() {
        return id;
    }
}
