package org.jicha.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.calendar.ChinaTime;
import org.jicha.config.HealthLimits;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code ruleSet}: the rule set in force (version, content hash, rules, when compiled and made
 * active). It warns when the last reload of the rules folder was rejected: the folder on disk then holds rules
 * that do not compile, and runs go on with the older set in force until the folder is fixed.
 */
@Component
class RuleSetHealthIndicator implements HealthIndicator {

    private static final int PROBLEMS_SHOWN = 5;

    private final ActiveRuleSet rules;

    RuleSetHealthIndicator(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    public Health health() {
        RuleSetVersionView version = rules.currentVersion();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version.id());
        details.put("contentHash", version.contentHash());
        details.put("rules", version.ruleCount());
        details.put("compiledAt", local(version.compiledAt()));
        details.put("activatedAt", local(version.activatedAt()));
        ReloadAttempt last = rules.lastAttempt().orElse(null);
        if (last != null && last.outcome() == ReloadOutcome.REJECTED) {
            details.put("lastReload", last.outcome());
            details.put("lastReloadAt", local(last.attemptedAt()));
            details.put(
                    "problems", last.messages().stream().limit(PROBLEMS_SHOWN).toList());
            details.put("problemCount", last.messages().size());
            return Health.status(HealthLimits.WARNING).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }

    /** An instant as China time with its offset, e.g. {@code 2026-12-07T10:00+08:00}. */
    static String local(Instant instant) {
        return instant == null
                ? null
                : OffsetDateTime.ofInstant(instant, ChinaTime.ZONE).toString();
    }
}
