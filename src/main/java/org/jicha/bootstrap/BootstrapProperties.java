package org.jicha.bootstrap;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up loading ({@code jicha.bootstrap.*}); off unless a folder is given (the demo profile gives
 * {@code ./sample-data}).
 *
 * @param sampleData a batch folder to load when the database holds no customer; null = none
 * @param asOf       the as-of date of the audit run after that load
 */
@ConfigurationProperties("jicha.bootstrap")
public record BootstrapProperties(Path sampleData, LocalDate asOf) {}
