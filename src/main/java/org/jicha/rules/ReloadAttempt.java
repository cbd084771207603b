package org.jicha.rules;

import java.time.Instant;
import java.util.List;

/**
 * An attempt to (re)load the rules folder as the API shows it.
 *
 * @param contentHash the hash of the folder's content tried (null if the folder could not be read)
 * @param versionId   the version in force after the attempt (for REJECTED: the one that stayed)
 * @param messages    every problem as {@code file:line: message}; empty unless REJECTED
 */
public record ReloadAttempt(
        long id,
        Instant attemptedAt,
        ReloadTrigger trigger,
        ReloadOutcome outcome,
        String contentHash,
        Long versionId,
        List<String> messages) {}
