package org.jicha.rules;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the rule set lives ({@code jicha.rules.dir}, default {@code ./rules}). */
@ConfigurationProperties("jicha.rules")
public record RulesProperties(@DefaultValue("./rules") Path dir) {
}
