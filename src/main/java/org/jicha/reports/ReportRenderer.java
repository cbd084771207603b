package org.jicha.reports;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Renders a report document as XLSX or PDF bytes. The Chinese font is located once, on the first PDF
 * ({@code jicha.reports.pdf-font}, else a known system font), so a server without one still serves JSON and
 * XLSX and says what to install when a PDF is asked for.
 */
@Component
class ReportRenderer {

    private final ReportsProperties properties;
    private final Clock clock;
    private final XlsxReportWriter xlsx = new XlsxReportWriter();
    private volatile PdfReportWriter pdf;

    ReportRenderer(ReportsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @throws PdfFontMissingException  for a PDF when no Chinese font can be found
     * @throws IllegalArgumentException for JSON, which is not a file format here
     */
    public byte[] render(ReportDocument report, ReportFormat format) {
        return render(report, format, Locale.SIMPLIFIED_CHINESE);
    }

    /** The same, the PDF's own words (page numbers, the ratios' header) in {@code language}. */
    public byte[] render(ReportDocument report, ReportFormat format, Locale language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case XLSX -> xlsx.write(report, out);
            case PDF ->
                pdf().write(
                                report,
                                LocalDateTime.now(clock.withZone(properties.zone())),
                                ReportLabels.isEnglish(language),
                                out);
            case JSON -> throw new IllegalArgumentException("JSON is not rendered to a file");
        }
        return out.toByteArray();
    }

    private PdfReportWriter pdf() {
        PdfReportWriter writer = pdf;
        if (writer == null) {
            synchronized (this) {
                if (pdf == null) {
                    try {
                        pdf = new PdfReportWriter(CjkFont.locate(properties.pdfFont()));
                    } catch (IllegalStateException e) {
                        throw new PdfFontMissingException(e);
                    }
                }
                writer = pdf;
            }
        }
        return writer;
    }
}
