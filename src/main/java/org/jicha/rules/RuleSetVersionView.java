package org.jicha.rules;

import java.time.Instant;
import java.util.List;

/** A rule-set version as the API shows it. */
public record RuleSetVersionView(
        long id, String contentHash, List<String> files, int ruleCount, Instant compiledAt, Instant activatedAt) {}
