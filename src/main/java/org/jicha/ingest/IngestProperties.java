package org.jicha.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the loader ({@code jicha.ingest.*}).
 *
 * @param inbox where batch folders arrive, one sub-folder per batch
 * @param archive where loaded batches are moved (their contract files only), each with its load report
 * @param failed where the load report of a batch of which nothing could be stored (status FAILED) is kept, with a
 *               sample of each rejected file
 * @param readOnGraceDays a reading's read_on must fall from the first day of its period up to this many days
 *                        after the period's last day
 * @param jdbcBatchSize rows per JDBC batch
 * @param maxRejectionsPerFile rejections kept (stored, reported) per file; further ones are only counted
 * @param maxUploadSize the largest zip accepted by {@code POST /api/loads} and the loads page; the multipart limits
 *                      ({@code spring.servlet.multipart.*}) follow it in application.yml
 * @param maxUploadEntries the most entries an uploaded zip may hold
 * @param maxExtractedBytesPerBatch the most bytes one batch may bring: an upload is refused as soon as its entries
 *                                  inflate past it (counted as they are read, not from the zip's declared sizes);
 *                                  an inbox batch whose contract files are larger is not loaded
 * @param diskBudget the most bytes the archive, the failed folder and uploads being extracted may hold together;
 *                   an upload or inbox batch that would pass it is refused
 * @param minFreeSpace an upload is refused (and its extraction stopped) when less than this would stay free on the
 *                     inbox's volume
 * @param failedSampleLines of each rejected file of a FAILED batch, at most this many first lines are kept
 * @param failedSampleSize ... and at most this many bytes
 * @param archiveRetention archived batches older than this are deleted by the nightly housekeeping; 0 keeps them
 * @param failedRetention failed batches (reports and samples) older than this are deleted likewise; 0 keeps them
 */
@ConfigurationProperties("jicha.ingest")
public record IngestProperties(
        @DefaultValue("./inbox") Path inbox,
        @DefaultValue("./archive") Path archive,
        @DefaultValue("./archive/_failed") Path failed,
        @DefaultValue("31") int readOnGraceDays,
        @DefaultValue("1000") int jdbcBatchSize,
        @DefaultValue("10000") int maxRejectionsPerFile,
        @DefaultValue("512MB") DataSize maxUploadSize,
        @DefaultValue("200") int maxUploadEntries,
        @DefaultValue("4GB") DataSize maxExtractedBytesPerBatch,
        @DefaultValue("50GB") DataSize diskBudget,
        @DefaultValue("1GB") DataSize minFreeSpace,
        @DefaultValue("100") int failedSampleLines,
        @DefaultValue("64KB") DataSize failedSampleSize,
        @DefaultValue("180d") Duration archiveRetention,
        @DefaultValue("30d") Duration failedRetention) {}
