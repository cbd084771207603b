package org.jicha.rules.candidates;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A candidate rule set in the server's candidates area: who uploaded what, and what came of compiling it. */
@Entity
@Table(name = "rule_candidates")
class RuleCandidate {

    static final int MAX_TEXT = 16000;

    @Id
    private String id;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "base_hash")
    private String baseHash;

    @Column(nullable = false, length = MAX_TEXT)
    private String files;

    @Column(name = "uploaded_files", nullable = false, length = 4000)
    private String uploadedFiles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CandidateOutcome outcome;

    @Column(name = "rule_count", nullable = false)
    private int ruleCount;

    @Column(length = MAX_TEXT)
    private String problems;

    @Column(name = "promoted_by")
    private String promotedBy;

    @Column(name = "promoted_at")
    private Instant promotedAt;

    protected RuleCandidate() {}

    RuleCandidate(
            String id,
            String uploadedBy,
            Instant uploadedAt,
            String contentHash,
            String baseHash,
            List<String> files,
            List<String> uploadedFiles,
            CandidateOutcome outcome,
            int ruleCount,
            List<String> problems) {
        this.id = id;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.contentHash = contentHash;
        this.baseHash = baseHash;
        this.files = fit(String.join("\n", files), MAX_TEXT);
        this.uploadedFiles = fit(String.join("\n", uploadedFiles), 4000);
        this.outcome = outcome;
        this.ruleCount = ruleCount;
        this.problems = problems.isEmpty() ? null : fit(String.join("\n", problems), MAX_TEXT);
    }

    private static String fit(String text, int max) {
        String tail = "\n...";
        return text.length() <= max ? text : text.substring(0, max - tail.length()) + tail;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Records who put this candidate in force, and when. */
    void promoted(String by, Instant at) {
        this.promotedBy = by;
        this.promotedAt = at;
    }

    String getBaseHash() {
        return baseHash;
    }

    CandidateOutcome getOutcome() {
        return outcome;
    }

    String getId() {
        return id;
    }

    String getContentHash() {
        return contentHash;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    RuleCandidateView view() {
        return new RuleCandidateView(
                id,
                uploadedBy,
                uploadedAt,
                contentHash,
                baseHash,
                lines(files),
                lines(uploadedFiles),
                outcome,
                ruleCount,
                lines(problems),
                promotedBy,
                promotedAt);
    }
}
