package org.jicha.reports;

import java.time.LocalDateTime;

/** A row of {@code report_archive}: one archived report file. */
record ArchivedReport(
        long id,
        String period,
        String unitCode,
        String kind,
        String format,
        String path,
        LocalDateTime generatedAt,
        String sha256) {}
