package org.jicha.rules.candidates;

import java.time.Instant;
import java.util.List;
import org.jicha.rules.RuleSetLoader;

/**
 * A candidate rule set as the API and the rules page show it.
 *
 * @param id            the id the server generated; the only way to name the candidate
 * @param contentHash   {@link RuleSetLoader#contentHash(java.nio.file.Path)} of its folder
 * @param baseHash      the hash of the rules folder in force at the upload (single files were laid over it); a
 *                      promotion is refused once the folder has changed
 * @param files         its folder's files (rule files, parameters, calendar, tests)
 * @param uploadedFiles the names the uploader sent (the zip's, or each single file's)
 * @param ruleCount     rules compiled (0 when rejected)
 * @param problems      file:line: message of each problem when rejected
 * @param promotedBy    who put it in force, null if nobody has
 * @param promotedAt    when it was put in force
 */
public record RuleCandidateView(
        String id,
        String uploadedBy,
        Instant uploadedAt,
        String contentHash,
        String baseHash,
        List<String> files,
        List<String> uploadedFiles,
        CandidateOutcome outcome,
        int ruleCount,
        List<String> problems,
        String promotedBy,
        Instant promotedAt) {

    public boolean compiled() {
        return outcome == CandidateOutcome.COMPILED;
    }
}
