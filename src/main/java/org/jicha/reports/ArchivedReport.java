package org.jicha.reports;

import java.nio.file.Path;
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
        String sha256) {

    /** The file's own name, e.g. {@code 信息反馈-2026-10-QC01RE.pdf}. */
    public String fileName() {
        return Path.of(path).getFileName().toString();
    }
}
