package org.jicha.rules.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jicha.rules.RuleProblem;

/**
 * Rewrites a decision table the way Drools' compiler expects it, whatever tool saved it last. Excel, WPS and
 * LibreOffice differ in what they write: LibreOffice and WPS drop the empty cells of a merged range (Drools then
 * sees a pattern over one column and writes the other columns' constraints as bare DRL, {@code mismatched
 * input '>='}), "unmerge" splits a range and leaves only its first cell filled (or copies the text into every
 * cell), and cells change type (numbers stored as text, {@code 1.0} for {@code 1}, formulas, trailing spaces).
 * The copy has every cell as trimmed text, numbers in one plain form, and each pattern of a RuleTable's object
 * row merged over the condition columns it constrains, so the DRL is the same for each of these saves.
 *
 * <p>A value the table cannot take (text in a column of numbers) is reported in the audit team's terms: the
 * sheet, the row and the column's heading ({@link TableCells}).
 */
final class TableNormaliser {

    /** A full LHS element in a condition column of its own (no pattern above it), as Drools allows. */
    private static final Pattern OWN_ELEMENT =
            Pattern.compile("^\\s*(eval\\b|exists\\b|not\\b|accumulate\\b|\\$?\\w+\\s*:\\s*[A-Z]|[A-Z]\\w*\\s*\\()");

    private static final Pattern BINDING = Pattern.compile("^\\s*\\$\\w+\\s*:");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private TableNormaliser() {}

    /** The normalised workbook as XLSX bytes, or null (with a problem added) when the file cannot be read. */
    static byte[] normalise(Path file, String display, List<RuleProblem> problems) {
        try (Workbook source = WorkbookFactory.create(file.toFile(), null, true);
                Workbook copy = new XSSFWorkbook()) {
            FormulaEvaluator evaluator = source.getCreationHelper().createFormulaEvaluator();
            for (Sheet sheet : source) {
                Sheet target = copy.createSheet(sheet.getSheetName());
                copyText(sheet, target, evaluator);
                for (TableCells.Table table : TableCells.tables(target)) {
                    mergePatterns(sheet, target, table);
                    checkNumbers(display, target, table, problems);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            copy.write(bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(display, 0, "无法读取决策表 cannot read the decision table: " + e.getMessage()));
            return null;
        }
    }

    private static void copyText(Sheet sheet, Sheet target, FormulaEvaluator evaluator) {
        DataFormatter format = new DataFormatter();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = text(cell, evaluator, format);
                if (!text.isEmpty()) {
                    Row to = target.getRow(row.getRowNum()) == null
                            ? target.createRow(row.getRowNum())
                            : target.getRow(row.getRowNum());
                    to.createCell(cell.getColumnIndex()).setCellValue(text);
                }
            }
        }
    }

    /** The cell as the audit team sees it, trimmed; a number in one plain form ({@code 1.0} and "1" are 1). */
    static String text(Cell cell, FormulaEvaluator evaluator, DataFormatter format) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            CellValue value;
            try {
                value = evaluator.evaluate(cell);
            } catch (RuntimeException e) {
                value = null; // a function POI cannot evaluate: the value the saving tool cached
            }
            if (value == null) {
                type = cell.getCachedFormulaResultType();
            } else {
                return switch (value.getCellType()) {
                    case NUMERIC -> plain(value.getNumberValue());
                    case STRING -> trim(value.getStringValue());
                    case BOOLEAN -> Boolean.toString(value.getBooleanValue());
                    default -> "";
                };
            }
        }
        return switch (type) {
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? trim(format.formatCellValue(cell))
                        : plain(cell.getNumericCellValue());
            case STRING -> trim(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Trims spaces of every kind (the ideographic space and no-break space included). */
    static String trim(String text) {
        return text == null ? "" : text.strip().replaceAll("^[\\s\\u00a0\\u3000]+|[\\s\\u00a0\\u3000]+$", "");
    }

    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /**
     * The object row of a table: each pattern is merged over the condition columns it constrains. A range the
     * file kept is taken as it is; a pattern followed by condition columns whose object cell is empty (the range
     * was split) or repeats the same bound pattern (the range was split and filled) covers them too, unless such
     * a column holds a pattern of its own ({@code eval(...)}, {@code Type(...)}).
     */
    private static void mergePatterns(Sheet source, Sheet target, TableCells.Table table) {
        int objectRow = table.objectRow();
        for (int i = target.getNumMergedRegions() - 1; i >= 0; i--) {
            if (target.getMergedRegion(i).getFirstRow() == objectRow) {
                target.removeMergedRegion(i);
            }
        }
        List<CellRangeAddress> kept = new ArrayList<>();
        for (CellRangeAddress range : source.getMergedRegions()) {
            if (range.getFirstRow() == objectRow && range.getLastRow() == objectRow) {
                kept.add(range);
            }
        }
        int last = table.lastColumn();
        int column = table.firstColumn();
        while (column <= last) {
            String pattern = table.text(objectRow, column);
            if (!table.isCondition(column) || pattern.isEmpty()) {
                column++;
                continue;
            }
            int end = column;
            for (CellRangeAddress range : kept) {
                if (range.getFirstColumn() == column) {
                    end = Math.max(end, range.getLastColumn());
                }
            }
            while (end + 1 <= last && table.isCondition(end + 1) && !inRange(kept, end + 1)) {
                String next = table.text(objectRow, end + 1);
                boolean split = next.isEmpty()
                        && !OWN_ELEMENT
                                .matcher(table.text(table.templateRow(), end + 1))
                                .find();
                boolean filled =
                        next.equals(pattern) && BINDING.matcher(pattern).find();
                if (!split && !filled) {
                    break;
                }
                end++;
            }
            if (end > column) {
                Row row = target.getRow(objectRow);
                for (int c = column + 1; c <= end; c++) {
                    Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
                    cell.setBlank(); // Drools reads a merged cell only when every cell of the range exists
                }
                target.addMergedRegion(new CellRangeAddress(objectRow, objectRow, column, end));
            }
            column = end + 1;
        }
    }

    private static boolean inRange(List<CellRangeAddress> ranges, int column) {
        return ranges.stream().anyMatch(r -> r.getFirstColumn() < column && column <= r.getLastColumn());
    }

    /**
     * A column whose template takes its value as a number ({@code $param} outside quotes) and whose other rows
     * hold numbers: a value that is not a number is named here, not by Drools' parser at another column.
     * Numbers written as text are put in the same plain form as numbers.
     */
    private static void checkNumbers(String display, Sheet target, TableCells.Table table, List<RuleProblem> problems) {
        for (int column = table.firstColumn(); column <= table.lastColumn(); column++) {
            if (!table.takesNumber(column)) {
                continue;
            }
            List<Cell> others = new ArrayList<>();
            int numbers = 0;
            for (int r = table.firstDataRow(); r <= table.lastDataRow(); r++) {
                Row row = target.getRow(r);
                Cell cell = row == null ? null : row.getCell(column);
                if (cell == null || cell.getStringCellValue().isEmpty()) {
                    continue;
                }
                String value = cell.getStringCellValue();
                if (isNumber(value)) {
                    cell.setCellValue(new BigDecimal(value).stripTrailingZeros().toPlainString());
                    numbers++;
                } else if (!value.contains("(") && !value.contains("\"")) {
                    others.add(cell); // an expression such as params.num("X") is the author's choice
                }
            }
            if (numbers > 0) {
                for (Cell cell : others) {
                    problems.add(new RuleProblem(
                            display,
                            cell.getRowIndex() + 1,
                            table.where(cell.getRowIndex(), column) + ": \"" + cell.getStringCellValue()
                                    + "\" 不是数字 is not a number"));
                }
            }
        }
    }
}
