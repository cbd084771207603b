package org.jicha.reports;

/**
 * A report made for a request or the archive.
 *
 * @param document the report as data
 * @param fileStem its file name without extension, e.g. {@code 稽查报告-2026-10-QC01}
 */
public record GeneratedReport(ReportDocument document, String fileStem) {

    public String fileName(ReportFormat format) {
        return fileStem + "." + format.extension();
    }
}
