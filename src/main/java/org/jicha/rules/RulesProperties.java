package org.jicha.rules;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives and whether it is reloaded when it changes.
 *
 * @param dir            the rules folder ({@code jicha.rules.dir}, default {@code ./rules})
 * @param watch          reload the rule set when a file below {@code dir} changes (off for the command line)
 * @param reloadDebounce how long the folder must stay quiet after a change before it is reloaded
 */
@ConfigurationProperties("jicha.rules")
public record RulesProperties(
        @DefaultValue("./rules") Path dir,
        @DefaultValue("true") boolean watch,
        @DefaultValue("1s") Duration reloadDebounce) {}
