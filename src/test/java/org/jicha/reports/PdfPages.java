package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A printed report read back with PDFBox, page by page: its text (whitespace removed, so that a cell wrapped
 * over lines reads as one string), its orientation, and the right-most point any glyph reaches. The checks a
 * reader of the paper makes: every cell of every table is there, a wide table is on landscape pages, its
 * header row is on each page it runs over, and nothing is printed beyond the right margin.
 */
final class PdfPages {

    /** The template's side margin (12 mm) in points. */
    static final float MARGIN = 12 / 25.4f * 72;

    record Page(String text, boolean landscape, float width, float rightMost) {}

    final List<Page> pages = new ArrayList<>();

    static PdfPages read(byte[] pdf) throws IOException {
        PdfPages result = new PdfPages();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                float[] rightMost = {0};
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition t : positions) {
                            rightMost[0] = Math.max(rightMost[0], t.getXDirAdj() + t.getWidthDirAdj());
                        }
                        super.writeString(text, positions);
                    }
                };
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = compact(stripper.getText(document));
                PDRectangle box = document.getPage(p - 1).getMediaBox();
                boolean landscape = box.getWidth() > box.getHeight();
                result.pages.add(new Page(text, landscape, box.getWidth(), rightMost[0]));
            }
        }
        return result;
    }

    static String compact(String s) {
        return s.replaceAll("\\s+", "");
    }

    String text() {
        StringBuilder all = new StringBuilder();
        pages.forEach(p -> all.append(p.text()));
        return all.toString();
    }

    /** Every title, header and cell of every table, with wide tables on landscape pages and headers repeated. */
    void assertPrints(ReportDocument report) {
        String all = text();
        assertThat(pages)
                .allSatisfy(p -> assertThat(p.rightMost())
                        .as("text beyond the right margin of a page %s wide", p.width())
                        .isLessThanOrEqualTo(p.width() - MARGIN + 1));
        for (ReportDocument.Table table : report.tables()) {
            String title = compact(table.title());
            assertThat(all).as("title of %s", table.sheetName()).contains(title);
            if (table.rows().isEmpty()) {
                continue;
            }
            StringBuilder header = new StringBuilder();
            table.columns().forEach(c -> header.append(compact(c.header())));
            int first = pageOf(title, 0);
            int last = first;
            for (List<Object> row : table.rows()) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < table.columns().size(); c++) {
                    String cell = compact(Cells.format(
                            c < row.size() ? row.get(c) : null,
                            table.columns().get(c).kind()));
                    assertThat(all)
                            .as("cell %s of table %s", table.columns().get(c).header(), table.sheetName())
                            .contains(cell);
                    line.append(cell);
                }
                int at = pageOf(line.toString(), last);
                assertThat(at)
                        .as("row %s of %s printed in one piece", row, table.sheetName())
                        .isNotNegative();
                last = at;
            }
            boolean wide = table.columns().size() >= 10;
            for (int p = first; p <= last; p++) {
                Page page = pages.get(p);
                assertThat(page.text())
                        .as("header row of %s on page %d", table.sheetName(), p + 1)
                        .contains(header);
                if (wide) {
                    assertThat(page.landscape())
                            .as("%s on landscape page %d", table.sheetName(), p + 1)
                            .isTrue();
                }
            }
        }
    }

    private int pageOf(String text, int from) {
        for (int p = from; p < pages.size(); p++) {
            if (pages.get(p).text().contains(text)) {
                return p;
            }
        }
        return -1;
    }
}
