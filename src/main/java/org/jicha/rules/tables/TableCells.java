package org.jicha.rules.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;

/**
 * Where things are in a normalised decision table (every cell text): its RuleTables, and for each the rows Drools
 * reads (keywords, object types, templates, the column headings the audit team reads, then the rule rows up to
 * the first empty one), and a cell named in the team's terms: {@code 工作表「BIL-12 力调标准」第 12 行「考核标准」列（G12）}.
 */
final class TableCells {

    private static final Pattern NUMBER_PARAM = Pattern.compile("(?<![\"\\w])\\$(param|\\d+)(?![\"\\w])");

    private TableCells() {}

    /** One RuleTable of a sheet. */
    record Table(Sheet sheet, int ruleTableRow, int firstColumn, int lastColumn, int lastDataRow) {

        int keywordRow() {
            return ruleTableRow + 1;
        }

        int objectRow() {
            return ruleTableRow + 2;
        }

        int templateRow() {
            return ruleTableRow + 3;
        }

        int labelRow() {
            return ruleTableRow + 4;
        }

        int firstDataRow() {
            return ruleTableRow + 5;
        }

        String text(int row, int column) {
            return TableCells.text(sheet.getRow(row), column);
        }

        boolean isCondition(int column) {
            String keyword = text(keywordRow(), column).toUpperCase(Locale.ROOT);
            return keyword.equals("CONDITION") || keyword.equals("C");
        }

        /** A condition or action whose template puts the cell's value where DRL reads a number. */
        boolean takesNumber(int column) {
            String keyword = text(keywordRow(), column).toUpperCase(Locale.ROOT);
            boolean conditionOrAction = isCondition(column) || keyword.equals("ACTION") || keyword.equals("A");
            return conditionOrAction
                    && NUMBER_PARAM.matcher(text(templateRow(), column)).find();
        }

        boolean contains(int row) {
            return row >= ruleTableRow && row <= lastDataRow;
        }

        /** The cell in the audit team's terms: sheet, row (1-based), the column's heading and the cell. */
        String where(int row, int column) {
            String label = text(labelRow(), column);
            String ref = new CellReference(row, column).formatAsString(false);
            return "工作表「" + sheet.getSheetName() + "」第 " + (row + 1) + " 行"
                    + (label.isEmpty() ? " " + CellReference.convertNumToColString(column) + " 列" : "「" + label + "」列")
                    + "（" + ref + "）";
        }
    }

    /** The RuleTables of a sheet whose cells are all text. */
    static List<Table> tables(Sheet sheet) {
        List<Table> tables = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING
                        && cell.getStringCellValue().startsWith("RuleTable")) {
                    tables.add(table(sheet, row.getRowNum(), cell.getColumnIndex()));
                }
            }
        }
        return tables;
    }

    private static Table table(Sheet sheet, int ruleTableRow, int firstColumn) {
        Row keywords = sheet.getRow(ruleTableRow + 1);
        int lastColumn = firstColumn;
        if (keywords != null) {
            for (Cell cell : keywords) {
                if (cell.getColumnIndex() >= firstColumn
                        && !text(keywords, cell.getColumnIndex()).isEmpty()) {
                    lastColumn = Math.max(lastColumn, cell.getColumnIndex());
                }
            }
        }
        int lastDataRow = ruleTableRow + 4;
        for (int r = ruleTableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            boolean empty = true;
            for (int c = firstColumn; c <= lastColumn && empty; c++) {
                empty = text(row, c).isEmpty();
            }
            if (empty) {
                break; // Drools ends a table at its first empty row
            }
            lastDataRow = r;
        }
        return new Table(sheet, ruleTableRow, firstColumn, lastColumn, lastDataRow);
    }

    static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }
}
