package org.jicha.reports;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Report settings ({@code jicha.reports.*}).
 *
 * @param pdfFont      the TrueType Chinese font embedded in PDFs; empty = the first known system font
 *                     ({@link CjkFont#CANDIDATES})
 * @param archiveDir   where the monthly job archives reports: {@code <archive-dir>/<period>/<team>/}
 * @param feedbackCron Quartz cron of the monthly feedback job (default: 06:00 on the 2nd, for the month before)
 * @param zone         the time zone of the cron, of "today" and of the overdue list (default Asia/Shanghai)
 */
@ConfigurationProperties("jicha.reports")
public record ReportsProperties(
        Path pdfFont,
        @DefaultValue("./reports") Path archiveDir,
        @DefaultValue("0 0 6 2 * ?") String feedbackCron,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {}
