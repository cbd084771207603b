package org.jicha.rules.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the two power-factor decision tables the audit team edits in Excel, with the content of
 * {@code shared/design/pf-adjustment-table.md} (功率因数调整电费办法, (83)水电财字第215号):
 * <ul>
 * <li>{@code bil/pf-standard.drl.xlsx}: the pf standard a customer is assessed against (BIL-12);</li>
 * <li>{@code bil/pf-adjustment.drl.xlsx}: the adjustment percentage by standard and actual pf (BIL-13).</li>
 * </ul>
 * Run {@code main} with the rules folder to regenerate them (see docs/rules/bil-pf.md). Once the team has
 * edited a table in Excel, the file is the source of truth: regenerating overwrites the edits.
 */
public final class PfDecisionTables {

    public static final String STANDARD_FILE = "bil/pf-standard.drl.xlsx";
    public static final String ADJUSTMENT_FILE = "bil/pf-adjustment.drl.xlsx";
    static final String STANDARD_SHEET = "BIL-12 力调标准";
    static final String ADJUSTMENT_SHEET = "BIL-13 力调电费";

    /** A row of the standard table; null bounds and categories are left blank (no condition). */
    record StandardRow(
            String categories,
            String excludedCategories,
            Integer minKva,
            Integer belowKva,
            Integer minKv,
            Integer belowKv,
            String standard) {}

    /** A row of the adjustment table: standard, actual pf from..to (inclusive), percentage. */
    record AdjustmentRow(String standard, String pfFrom, String pfTo, String percent) {}

    private PfDecisionTables() {}

    public static void main(String[] args) throws IOException {
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        write(rules);
        System.out.println("wrote " + rules.resolve(STANDARD_FILE) + " and " + rules.resolve(ADJUSTMENT_FILE));
    }

    /** Writes both tables below a rules folder. */
    public static void write(Path rulesDir) throws IOException {
        writeWorkbook(rulesDir.resolve(STANDARD_FILE), standardWorkbook());
        writeWorkbook(rulesDir.resolve(ADJUSTMENT_FILE), adjustmentWorkbook());
    }

    static List<StandardRow> standardRows() {
        return List.of(
                new StandardRow("LARGE_INDUSTRIAL", null, 160, null, 10, null, "0.90"),
                new StandardRow("LARGE_INDUSTRIAL", null, 160, null, null, 10, "0.85"),
                new StandardRow("LARGE_INDUSTRIAL", null, 100, 160, null, null, "0.85"),
                new StandardRow("AGRICULTURAL", null, 100, null, null, null, "0.80"),
                new StandardRow(null, "LARGE_INDUSTRIAL, AGRICULTURAL", 100, null, null, null, "0.85"),
                new StandardRow(null, null, null, 100, null, null, null));
    }

    /** Every pf from 0.00 to 1.00 for each standard; the flat top of each table is one range row. */
    static List<AdjustmentRow> adjustmentRows() {
        List<AdjustmentRow> rows = new ArrayList<>();
        addTable(
                rows,
                "0.90",
                95,
                "-0.75",
                p -> p >= 90
                        ? -0.15 * (p - 90)
                        : p >= 70 ? 0.5 * (90 - p) : p >= 65 ? 10 + (70 - p) : 15 + 2 * (65 - p));
        addTable(
                rows,
                "0.85",
                94,
                "-1.10",
                p -> p >= 91
                        ? -0.65 - 0.15 * (p - 91)
                        : p >= 85
                                ? -0.1 * (p - 85)
                                : p >= 65 ? 0.5 * (85 - p) : p >= 60 ? 10 + (65 - p) : 15 + 2 * (60 - p));
        addTable(
                rows,
                "0.80",
                92,
                "-1.30",
                p -> p == 91
                        ? -1.15
                        : p >= 80
                                ? -0.1 * (p - 80)
                                : p >= 60 ? 0.5 * (80 - p) : p >= 55 ? 10 + (60 - p) : 15 + 2 * (55 - p));
        return rows;
    }

    private static void addTable(
            List<AdjustmentRow> rows,
            String standard,
            int flatFrom,
            String flatPercent,
            IntToDoubleFunction percentBelowFlat) {
        rows.add(new AdjustmentRow(standard, hundredths(flatFrom), "1.00", flatPercent));
        for (int p = flatFrom - 1; p >= 0; p--) {
            String pf = hundredths(p);
            rows.add(new AdjustmentRow(
                    standard,
                    pf,
                    pf,
                    BigDecimal.valueOf(percentBelowFlat.applyAsDouble(p))
                            .setScale(2, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString()));
        }
    }

    private static String hundredths(int p) {
        return BigDecimal.valueOf(p, 2).toPlainString();
    }

    static Workbook standardWorkbook() {
        Workbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet(STANDARD_SHEET);
        int r = header(
                wb,
                sheet,
                "org.jicha.facts.PfStandardCheck",
                "BIL-12 力调标准：按用户类别、合同容量、电压确定应执行的功率因数考核标准（功率因数调整电费办法 (83)水电财字第215号）。"
                        + "各行条件须互不重叠；空白单元格表示不限。考核标准填 0.90 / 0.85 / 0.80，不考核的行在“不考核”列填 X。");
        String[] keywords = {
            "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "ACTION", "ACTION", "METADATA"
        };
        String[] templates = {
            "forall(||){customerCategory == \"$\"}",
            "forall(&&){customerCategory != \"$\"}",
            "contractKva >= $param",
            "contractKva < $param",
            "voltageKv >= $param",
            "voltageKv < $param",
            "modify($c) { setExpectedStandard($param) }",
            "modify($c) { setNotAssessed(true) }",
            "supports(\"$param\")"
        };
        String[] labels = {
            "用户类别（逗号分隔，任一）", "排除的用户类别（逗号分隔）", "合同容量 kVA ≥", "合同容量 kVA <", "电压 kV ≥", "电压 kV <", "考核标准", "不考核（X）", "所属规则"
        };
        r = columns(wb, sheet, r, "$c : PfStandardCheck", 6, keywords, templates, labels);
        for (StandardRow row : standardRows()) {
            Row x = sheet.createRow(r++);
            text(x, 1, row.categories());
            text(x, 2, row.excludedCategories());
            number(x, 3, row.minKva());
            number(x, 4, row.belowKva());
            number(x, 5, row.minKv());
            number(x, 6, row.belowKv());
            if (row.standard() != null) {
                decimal(x, 7, row.standard());
            } else {
                text(x, 8, "X");
            }
            text(x, 9, "BIL-12");
        }
        widths(sheet, 10, 7000);
        return wb;
    }

    static Workbook adjustmentWorkbook() {
        Workbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet(ADJUSTMENT_SHEET);
        int r = header(
                wb,
                sheet,
                "org.jicha.facts.PfAdjustmentCheck",
                "BIL-13 功率因数调整电费表（(83)水电财字第215号）：按执行的考核标准和实际功率因数（四舍五入到两位小数）查得调整百分比，"
                        + "正数为增收、负数为减收，按（电度电费 + 基本电费）计算。功率因数“从”“至”均含本数，同一标准的各行不得重叠。");
        String[] keywords = {"CONDITION", "CONDITION", "CONDITION", "ACTION", "METADATA"};
        String[] templates = {
            "standard == $param",
            "pf >= $param",
            "pf <= $param",
            "modify($c) { setRatePercent($param) }",
            "supports(\"$param\")"
        };
        String[] labels = {"考核标准", "实际功率因数 从", "实际功率因数 至", "调整百分比 %", "所属规则"};
        r = columns(wb, sheet, r, "$c : PfAdjustmentCheck", 3, keywords, templates, labels);
        for (AdjustmentRow row : adjustmentRows()) {
            Row x = sheet.createRow(r++);
            decimal(x, 1, row.standard());
            decimal(x, 2, row.pfFrom());
            decimal(x, 3, row.pfTo());
            decimal(x, 4, row.percent());
            text(x, 5, "BIL-13");
        }
        widths(sheet, 6, 5000);
        return wb;
    }

    private static int header(Workbook wb, Sheet sheet, String importType, String notes) {
        Row set = sheet.createRow(0);
        text(set, 0, "RuleSet");
        text(set, 1, "jicha.bil");
        Row imports = sheet.createRow(1);
        text(imports, 0, "Import");
        text(imports, 1, importType);
        Row note = sheet.createRow(2);
        text(note, 0, "Notes");
        text(note, 1, notes);
        Row table = sheet.createRow(4);
        text(table, 0, "RuleTable " + sheet.getSheetName());
        table.getCell(0).setCellStyle(bold(wb));
        return 5;
    }

    private static int columns(
            Workbook wb,
            Sheet sheet,
            int r,
            String pattern,
            int conditions,
            String[] keywords,
            String[] templates,
            String[] labels) {
        Row kw = sheet.createRow(r);
        Row obj = sheet.createRow(r + 1);
        Row tpl = sheet.createRow(r + 2);
        Row lbl = sheet.createRow(r + 3);
        for (int i = 0; i < keywords.length; i++) {
            text(kw, i + 1, keywords[i]);
            text(tpl, i + 1, templates[i]);
            text(lbl, i + 1, labels[i]);
            lbl.getCell(i + 1).setCellStyle(bold(wb));
        }
        text(obj, 1, pattern);
        for (int i = 2; i <= conditions; i++) {
            obj.createCell(i); // Drools reads a merged pattern cell only when every cell of the range exists
        }
        if (conditions > 1) {
            sheet.addMergedRegion(new CellRangeAddress(r + 1, r + 1, 1, conditions));
        }
        return r + 4;
    }

    private static CellStyle bold(Workbook wb) {
        CellStyle style = wb.createCellStyle();
        Font font = wb.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }

    private static void widths(Sheet sheet, int columns, int width) {
        sheet.setColumnWidth(0, 3000);
        for (int i = 1; i < columns; i++) {
            sheet.setColumnWidth(i, width);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, Integer value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void decimal(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(Double.parseDouble(value));
    }

    private static void writeWorkbook(Path file, Workbook wb) throws IOException {
        Files.createDirectories(file.getParent());
        try (wb;
                OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
