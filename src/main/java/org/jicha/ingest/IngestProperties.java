package org.jicha.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the loader ({@code jicha.ingest.*}).
 *
 * @param inbox where batch folders arrive, one sub-folder per batch
 * @param archive where loaded batches are moved, each with its load report
 * @param failed where batches are moved of which nothing could be stored (status FAILED)
 * @param readOnGraceDays a reading's read_on must fall from the first day of its period up to this many days
 *                        after the period's last day
 * @param jdbcBatchSize rows per JDBC batch
 * @param maxRejectionsPerFile rejections kept (stored, reported) per file; further ones are only counted
 * @param maxUploadSize the most bytes an uploaded zip may extract to
 * @param maxUploadEntries the most entries an uploaded zip may hold
 */
@ConfigurationProperties("jicha.ingest")
public record IngestProperties(
        @DefaultValue("./inbox") Path inbox,
        @DefaultValue("./archive") Path archive,
        @DefaultValue("./archive/_failed") Path failed,
        @DefaultValue("31") int readOnGraceDays,
        @DefaultValue("1000") int jdbcBatchSize,
        @DefaultValue("10000") int maxRejectionsPerFile,
        @DefaultValue("2GB") DataSize maxUploadSize,
        @DefaultValue("200") int maxUploadEntries) {
}
