package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jicha.reports.ReportDocument.Column;
import org.jicha.reports.ReportDocument.Kind;
import org.jicha.reports.ReportDocument.Metric;
import org.jicha.reports.ReportDocument.Table;
import org.junit.jupiter.api.Test;

class ReportWritersTests {

    private static ReportDocument report(int rows) {
        List<List<Object>> overdue = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            overdue.add(List.of(1000L + i, "BIL-01", "<script>alert(1)</script>李四", LocalDate.of(2026, 10, 20), 3L));
        }
        return new ReportDocument(
                "营销稽查报告 2026-10",
                "范围：青川县供电公司 / 稽查批次 7",
                List.of(
                        new Metric("抄表差错率", "有抄表类发现的电能表 / 应抄电能表", 12, 480, new BigDecimal("0.03")),
                        new Metric("整改率", "已整改 / 应整改", 0, 0, null)),
                List.of(
                        new Table(
                                "逾期清单",
                                "逾期督办单 / Overdue tickets",
                                List.of(
                                        new Column("工单号", Kind.INTEGER),
                                        new Column("规则", Kind.TEXT),
                                        new Column("对象", Kind.TEXT),
                                        new Column("期限", Kind.DATE),
                                        new Column("逾期工作日", Kind.INTEGER)),
                                overdue),
                        new Table(
                                "按规则",
                                "按规则 / By rule",
                                List.of(new Column("规则", Kind.TEXT), new Column("占比", Kind.PERCENT)),
                                List.of(List.of("BIL-01", new BigDecimal("0.125"))))));
    }

    @Test
    void theWorkbookHasASummaryAndOneSheetPerTableWithFrozenFilteredFormattedHeaders() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxReportWriter().write(report(30), out);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            Sheet summary = wb.getSheet("概要");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("营销稽查报告 2026-10");
            assertThat(summary.getRow(4).getCell(3).getNumericCellValue()).isEqualTo(0.025);
            assertThat(summary.getRow(4).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("0.00%");
            assertThat(summary.getRow(5).getCell(3).getCellType())
                    .as("no denominator: blank, not 0%")
                    .isEqualTo(CellType.BLANK);

            XSSFSheet overdue = wb.getSheet("逾期清单");
            assertThat(overdue.getPaneInformation().isFreezePane()).isTrue();
            assertThat(overdue.getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) 1);
            assertThat(overdue.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E31");
            assertThat(overdue.getRow(0).getCell(0).getCellStyle().getFont().getBold())
                    .isTrue();
            assertThat(overdue.getRow(1).getCell(0).getCellStyle().getDataFormatString())
                    .isEqualTo("#,##0");
            assertThat(overdue.getRow(1).getCell(2).getStringCellValue()).isEqualTo("<script>alert(1)</script>李四");
            assertThat(overdue.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 10, 20));
            assertThat(overdue.getRow(1).getCell(3).getCellStyle().getDataFormatString())
                    .isEqualTo("yyyy-mm-dd");
        }
    }

    @Test
    void thePdfCarriesTheChineseTextWithTheFontEmbeddedAndEscapesMarkup() throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine (.ci/run installs fonts-wqy-zenhei)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(CjkFont.locate(null)).write(report(120), LocalDateTime.of(2026, 11, 5, 8, 0), false, out);

        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains(
                            "营销稽查报告 2026-10",
                            "抄表差错率",
                            "2.50%",
                            "3.00%",
                            "—",
                            "<script>alert(1)</script>李四",
                            "逾期督办单",
                            "12.50%",
                            "2026-10-20");
            assertThat(pdf.getNumberOfPages())
                    .as("120 rows run over several pages")
                    .isGreaterThan(1);
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("营销稽查报告 2026-10");
            PDPage first = pdf.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : first.getResources().getFontNames()) {
                fonts.add(first.getResources().getFont(name));
            }
            assertThat(fonts)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
        }
    }

    /** A team's tickets as the feedback report lists them: 13 columns, long titles, evidence and codes. */
    static ReportDocument wideReport(int rows) {
        List<List<Object>> tickets = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            tickets.add(java.util.Arrays.asList(
                    20_000L + i,
                    "BIL-0" + (i % 10),
                    "最近一次实抄距今过久或连续估抄（第 " + i + " 条）",
                    "重要",
                    "抄表记录",
                    "3301000128" + i + ":2026-10",
                    "青川县城关镇某某农业专业合作社第" + i + "分社",
                    "抄表类型 估抄，上次实抄 2026-07-01，基准日 2026-11-05，限 60 天；户号 QC0100000000000000" + i,
                    "最近一次实抄/远抄的抄表日期早于基准日前 60 天 依据 / basis: 国网抄核收管理规则 [S]",
                    "核实抄表方式，安排实抄并在营销系统中更正抄表类型",
                    LocalDate.of(2026, 11, 20).plusDays(i % 7),
                    i % 3 == 0 ? "已派发" : "已退回",
                    i % 4 == 0 ? null : (long) (i % 9)));
        }
        return new ReportDocument(
                "信息反馈 2026-10 · 青川县城关供电所抄表班（QC01RE）",
                "稽查期间 2026-10",
                List.of(new Metric("抄表差错率", "有抄表类发现的电能表 / 应抄电能表", 12, 480, null)),
                List.of(new Table(
                        "工单",
                        "工单：问题、原因、整改方法与期限 / Tickets: what, why, how to fix, by when",
                        List.of(
                                new Column("工单号 / Ticket", Kind.INTEGER),
                                new Column("规则 / Rule", Kind.TEXT),
                                new Column("标题 / Title", Kind.TEXT),
                                new Column("严重程度 / Severity", Kind.TEXT),
                                new Column("对象类型 / Subject type", Kind.TEXT),
                                new Column("对象 / Subject", Kind.TEXT),
                                new Column("客户名称 / Customer name", Kind.TEXT),
                                new Column("问题证据 / Evidence", Kind.TEXT),
                                new Column("为何不对 / Why it is wrong", Kind.TEXT),
                                new Column("如何整改 / How to fix", Kind.TEXT),
                                new Column("整改期限 / Due", Kind.DATE),
                                new Column("状态 / Status", Kind.TEXT),
                                new Column("超期工作日 / Working days overdue", Kind.INTEGER)),
                        tickets)));
    }

    @Test
    void aWideTablePrintsEveryCellOnLandscapePagesWithItsHeaderOnEachPage() throws Exception {
        assumeTrue(CjkFont.find().isPresent(), "no CJK font on this machine (.ci/run installs fonts-wqy-zenhei)");
        ReportDocument report = wideReport(80);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(CjkFont.locate(null)).write(report, LocalDateTime.of(2026, 11, 5, 8, 0), false, out);

        PdfPages pdf = PdfPages.read(out.toByteArray());
        assertThat(pdf.pages).as("80 tickets run over several pages").hasSizeGreaterThan(3);
        pdf.assertPrints(report);
        assertThat(pdf.pages.get(0).landscape())
                .as("the ratios fit a portrait page")
                .isFalse();
        // the renderer lays blocks out on the first page's width: before the section said its own, the table took
        // the portrait width on its landscape pages and split codes and statuses one character per line
        assertThat(pdf.pages.get(1).rightMost())
                .as("the table fills the landscape page")
                .isGreaterThan(700f);
    }

    @Test
    void aMissingConfiguredFontIsNamedWithItsSetting() {
        assertThatThrownBy(() -> CjkFont.locate(Path.of("/nowhere/simsun.ttc")))
                .hasMessageContaining("jicha.reports.pdf-font")
                .hasMessageContaining("/nowhere/simsun.ttc");
    }

    @Test
    void sheetNamesLongerThanExcelAllowsAreRefused() {
        assertThatThrownBy(() -> new Table("x".repeat(32), "t", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
