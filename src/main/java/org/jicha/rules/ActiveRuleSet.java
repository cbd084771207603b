package org.jicha.rules;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The rule set in force, compiled at start-up from {@code jicha.rules.dir}. A bad rule set stops the
 * start-up with every problem listed (file and line). Swapped atomically: a run holds on to the set it
 * started with.
 */
@Component
public class ActiveRuleSet {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);

    private final RulesProperties properties;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();

    public ActiveRuleSet(RulesProperties properties) {
        this.properties = properties;
        RuleSet loaded = new RuleSetLoader().load(properties.dir());
        current.set(loaded);
        log.info("Rule set {} loaded from {}: {} rules in {} files", loaded.contentHash().substring(0, 12),
                properties.dir().toAbsolutePath().normalize(), loaded.rules().size(), loaded.files().size());
    }

    public RuleSet current() {
        return current.get();
    }

    public java.nio.file.Path folder() {
        return properties.dir();
    }
}
