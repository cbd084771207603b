package org.jicha.rules.candidates;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The candidates area ({@code jicha.rules.candidates.*}): candidate rule sets auditors upload for an impact
 * preview, each stored by the server under a generated id.
 *
 * @param dir              the folder the server keeps them in, one sub-folder per candidate id
 * @param maxUploadSize    the largest upload: a zip, or each single file
 * @param maxFiles         the most entries a zip may hold (folders included)
 * @param maxExtractedSize the most bytes a candidate may extract to
 * @param keep             the most candidates kept; the oldest beyond it are removed
 * @param maxAge           candidates older than this are removed
 */
@ConfigurationProperties("jicha.rules.candidates")
public record RuleCandidateProperties(
        @DefaultValue("./rule-candidates") Path dir,
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("500") int maxFiles,
        @DefaultValue("50MB") DataSize maxExtractedSize,
        @DefaultValue("50") int keep,
        @DefaultValue("90d") Duration maxAge) {}
