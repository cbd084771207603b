package org.jicha.reports;

/**
 * A report made for a request or the archive.
 *
 * @param document   the report as data
 * @param fileStem   its file name without extension, e.g. {@code 稽查报告-2026-10-QC01}
 * @param asciiStem  the same in ASCII for clients that cannot read UTF-8 file names (the plain
 *                   {@code filename=} of Content-Disposition), e.g. {@code deviation-report-2026-10-QC01}
 */
public record GeneratedReport(ReportDocument document, String fileStem, String asciiStem) {

    public GeneratedReport {
        asciiStem = ascii(asciiStem);
    }

    public String fileName(ReportFormat format) {
        return fileStem + "." + format.extension();
    }

    public String asciiFileName(ReportFormat format) {
        return asciiStem + "." + format.extension();
    }

    /** Letters, digits, dot, dash and underscore kept; anything else (a space, a Chinese name) a dash. */
    static String ascii(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }
}
