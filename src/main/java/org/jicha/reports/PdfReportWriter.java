package org.jicha.reports;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Prints a {@link ReportDocument} as an A4 PDF: the template {@code templates/reports/report.xhtml} laid out
 * by openhtmltopdf, with the Chinese font embedded (see {@link CjkFont}). Each table gets column widths from
 * its content and a landscape page when it is wide ({@link PdfLayout}); cells wrap, header rows repeat on
 * every page, and a row is not split across pages. Every value is escaped by
 * Thymeleaf, so a customer called {@code <script>} prints as text.
 */
final class PdfReportWriter {

    private static final String FAMILY = "jicha-cjk";

    private final CjkFont font;
    private final SpringTemplateEngine templates;

    public PdfReportWriter(CjkFont font) {
        this.font = font;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/reports/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    /** The report; the template's own words (page numbers, the ratios' header) in English when {@code english}. */
    public void write(ReportDocument report, LocalDateTime generatedAt, boolean english, OutputStream out) {
        Context context = new Context(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        context.setVariable("english", english);
        context.setVariable("report", report);
        context.setVariable(
                "layouts", report.tables().stream().map(PdfLayout::of).toList());
        context.setVariable("generatedAt", generatedAt);
        context.setVariable("fontFamily", FAMILY);
        String xhtml = templates.process("report", context);
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(report.title());
            info.setCreator("Jicha 稽查");
            PDType0Font cjk = font.loadInto(document);
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(cjk), FAMILY);
            builder.withHtmlContent(xhtml, null);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
            }
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
