package org.jicha.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ReportDocument} as an Excel workbook: a summary sheet with the ratios, then one sheet per
 * table with a bold, frozen header row, auto-filters and number formats (thousands, percentages,
 * dates), so that the audit team can sort and filter at once. Streams rows (SXSSF), so long tables stay
 * cheap.
 */
final class XlsxReportWriter {

    private static final int ROW_WINDOW = 200;
    private static final String FONT = "宋体";

    public void write(ReportDocument report, OutputStream out) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW)) {
            Styles styles = new Styles(wb);
            summary(wb, styles, report);
            for (ReportDocument.Table table : report.tables()) {
                table(wb, styles, table);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void summary(Workbook wb, Styles styles, ReportDocument report) {
        Sheet sheet = wb.createSheet("概要");
        cell(sheet.createRow(0), 0, report.title(), styles.title);
        cell(sheet.createRow(1), 0, report.subtitle(), styles.text);
        Row header = sheet.createRow(3);
        List<String> headers = List.of(
                "指标 / Ratio",
                "分子 / Numerator",
                "分母 / Denominator",
                "本期 / This period",
                "上期 / Last period",
                "口径 / Definition");
        for (int c = 0; c < headers.size(); c++) {
            cell(header, c, headers.get(c), styles.header);
        }
        int r = 4;
        for (ReportDocument.Metric m : report.metrics()) {
            Row row = sheet.createRow(r++);
            cell(row, 0, m.label(), styles.text);
            cell(row, 1, m.numerator(), styles.kinds.get(ReportDocument.Kind.INTEGER));
            cell(row, 2, m.denominator(), styles.kinds.get(ReportDocument.Kind.INTEGER));
            cell(row, 3, m.ratio(), styles.kinds.get(ReportDocument.Kind.PERCENT));
            cell(row, 4, m.previous(), styles.kinds.get(ReportDocument.Kind.PERCENT));
            cell(row, 5, m.definition(), styles.text);
        }
        sheet.createFreezePane(0, 4);
        int[] widths = {22, 14, 14, 14, 14, 70};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private void table(Workbook wb, Styles styles, ReportDocument.Table table) {
        Sheet sheet = wb.createSheet(table.sheetName());
        Row header = sheet.createRow(0);
        List<ReportDocument.Column> columns = table.columns();
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            cell(header, c, columns.get(c).header(), styles.header);
            widths[c] = displayWidth(columns.get(c).header());
        }
        int r = 1;
        for (List<Object> values : table.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Object v = c < values.size() ? values.get(c) : null;
                cell(row, c, v, styles.kinds.get(columns.get(c).kind()));
                if (r < 500 && v != null) {
                    widths[c] = Math.max(widths[c], displayWidth(v.toString()));
                }
            }
        }
        sheet.createFreezePane(0, 1);
        if (!columns.isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, columns.size() - 1));
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(80, Math.max(8, widths[c] + 2)) * 256);
        }
    }

    /** Width in Excel character units: a Chinese character takes two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E7F ? 2 : 1;
        }
        return w;
    }

    private static void cell(Row row, int column, Object value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final Map<ReportDocument.Kind, CellStyle> kinds = new EnumMap<>(ReportDocument.Kind.class);

        Styles(Workbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setFontName(FONT);
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(titleFont);

            Font bold = wb.createFont();
            bold.setFontName(FONT);
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);

            Font plain = wb.createFont();
            plain.setFontName(FONT);
            text = wb.createCellStyle();
            text.setFont(plain);
            kinds.put(ReportDocument.Kind.TEXT, text);
            kinds.put(ReportDocument.Kind.INTEGER, numeric(wb, plain, "#,##0"));
            kinds.put(ReportDocument.Kind.DECIMAL, numeric(wb, plain, "#,##0.00"));
            kinds.put(ReportDocument.Kind.PERCENT, numeric(wb, plain, "0.00%"));
            kinds.put(ReportDocument.Kind.DATE, numeric(wb, plain, "yyyy-mm-dd"));
        }

        private static CellStyle numeric(Workbook wb, Font font, String format) {
            CellStyle style = wb.createCellStyle();
            style.setFont(font);
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            return style;
        }
    }
}
