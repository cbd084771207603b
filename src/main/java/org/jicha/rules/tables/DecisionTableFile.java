package org.jicha.rules.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.jicha.rules.RuleProblem;

/**
 * A {@code *.drl.xlsx} decision table compiled to DRL by the loader itself, so that a problem is reported
 * where the audit team can find it: the file, the sheet, the row and the column's heading (e.g.
 * {@code 工作表「BIL-12 力调标准」第 12 行「考核标准」列（H12）}).
 * Drools names each generated rule {@code "<RuleTable name>_<row>"} and precedes it with
 * {@code // rule values at A<row>}; a compile error's DRL line is mapped back through these, and the
 * column is the cell of that row whose text the error quotes.
 *
 * <p>Long because it reads a decision table the way the audit team saves it (merged cells, other tools'
 * layouts) and names the sheet, row and column of every fault.
 */
public final class DecisionTableFile {

    private static final Pattern RULE_VALUES = Pattern.compile("^// rule values at [A-Z]+(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"(.+)_(\\d+)\"");
    private static final Pattern CELL_REF = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,7})\\b");
    private static final Pattern QUOTED_EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):\\s*\\n");
    private static final Set<String> KEYWORDS = Set.of(
            "CONDITION",
            "C",
            "ACTION",
            "A",
            "METADATA",
            "@",
            "NAME",
            "N",
            "DESCRIPTION",
            "I",
            "PRIORITY",
            "P",
            "SALIENCE",
            "DURATION",
            "D",
            "TIMER",
            "T",
            "CALENDARS",
            "E",
            "NO-LOOP",
            "U",
            "LOCK-ON-ACTIVE",
            "L",
            "AUTO-FOCUS",
            "F",
            "ACTIVATION-GROUP",
            "X",
            "AGENDA-GROUP",
            "G",
            "RULEFLOW-GROUP",
            "R",
            "DATE-EFFECTIVE",
            "V",
            "DATE-EXPIRES",
            "Z",
            "ENABLED",
            "B");
    private static final Pattern SHEET_CELL = Pattern.compile("Cell\\s*\\[?\\s*(\\d+)\\s*,\\s*(\\d+)");

    private final String display;
    private final byte[] workbook;
    private final String drl;
    private final String[] drlLines;
    private final Map<String, Integer> ruleRows;
    private final Map<Integer, String> tableNameByDrlLine;

    private DecisionTableFile(String display, byte[] workbook, String drl) {
        this.display = display;
        this.workbook = workbook;
        this.drl = drl;
        this.drlLines = drl.split("\n", -1);
        this.ruleRows = new HashMap<>();
        this.tableNameByDrlLine = new HashMap<>();
        for (String line : drlLines) {
            Matcher m = RULE_NAME.matcher(line.strip());
            if (m.find()) {
                ruleRows.put(m.group(1) + "_" + m.group(2), Integer.parseInt(m.group(2)));
            }
        }
    }

    /**
     * Compiles the table from its normalised copy ({@link TableNormaliser}: what Excel, WPS or LibreOffice saved
     * reads the same); on a malformed table adds a problem naming the sheet, row and column and returns null.
     */
    public static DecisionTableFile compile(Path file, String display, List<RuleProblem> problems) {
        int before = problems.size();
        byte[] workbook = TableNormaliser.normalise(file, display, problems);
        if (workbook == null) {
            return null;
        }
        checkKeywords(workbook, display, problems);
        if (problems.size() > before) {
            return null;
        }
        try (InputStream in = new ByteArrayInputStream(workbook)) {
            String drl = new SpreadsheetCompiler().compile(in, InputType.XLS);
            return new DecisionTableFile(display, workbook, drl);
        } catch (IOException e) {
            problems.add(new RuleProblem(display, 0, "无法读取决策表 cannot read the decision table: " + e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(malformed(workbook, display, e));
        }
        return null;
    }

    /** The compiled DRL. */
    public String drl() {
        return drl;
    }

    /** Rule name -> spreadsheet row (1-based) of each generated rule. */
    public Map<String, Integer> ruleRows() {
        return Map.copyOf(ruleRows);
    }

    /** Maps a compile error at a line of the generated DRL to the sheet, row and column it came from. */
    public RuleProblem problem(int drlLine, String message) {
        if (drlLine < 1) {
            drlLine = lineQuotedBy(message); // constraint errors come without a line but quote the expression
        }
        int row = 0;
        String tableName = null;
        for (int i = Math.min(Math.max(drlLine, 1), drlLines.length) - 1; i >= 0 && row == 0; i--) {
            String line = drlLines[i].strip();
            Matcher name = RULE_NAME.matcher(line);
            if (name.find()) {
                row = Integer.parseInt(name.group(2));
                tableName = name.group(1);
            }
            Matcher values = RULE_VALUES.matcher(line);
            if (values.find()) {
                row = Integer.parseInt(values.group(1));
            }
        }
        if (row == 0) {
            return new RuleProblem(
                    display, 0, "in the rule table's header (compiled DRL line " + drlLine + "): " + message);
        }
        String errorLine = drlLine >= 1 && drlLine <= drlLines.length ? drlLines[drlLine - 1] : "";
        if (errorLine.strip().startsWith("@") || errorLine.strip().startsWith("rule ")) {
            errorLine =
                    ruleBody(drlLine); // the error is reported at the rule's head: look at its conditions and actions
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            Sheet sheet = sheetOf(wb, tableName);
            Cell cell = quotedCell(sheet.getRow(row - 1), message, errorLine);
            return new RuleProblem(display, row, where(sheet, row - 1, cell) + ": " + message);
        } catch (IOException | RuntimeException e) {
            return new RuleProblem(display, row, "第 " + row + " 行 row " + row + ": " + message);
        }
    }

    private int lineQuotedBy(String message) {
        Matcher m = QUOTED_EXPRESSION.matcher(message);
        if (m.find()) {
            String expression = m.group(1).strip();
            for (int i = 0; i < drlLines.length; i++) {
                if (drlLines[i].contains(expression)) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /**
     * Drools ignores a column whose keyword it does not know: a misspelt CONDITION would silently drop a
     * condition. Every cell of the row below a RuleTable cell must be a known keyword.
     */
    private static void checkKeywords(byte[] workbook, String display, List<RuleProblem> problems) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            for (Sheet sheet : wb) {
                for (TableCells.Table table : TableCells.tables(sheet)) {
                    int row = table.keywordRow();
                    for (int column = table.firstColumn() + 1; column <= table.lastColumn(); column++) {
                        String text = table.text(row, column);
                        if (!text.isEmpty() && !KEYWORDS.contains(text.toUpperCase(Locale.ROOT))) {
                            problems.add(new RuleProblem(
                                    display,
                                    row + 1,
                                    table.where(row, column) + ": 未知的决策表关键字 unknown decision-table keyword \"" + text
                                            + "\" (expected one of CONDITION, ACTION, METADATA, ...)"));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the compiler reports it
        }
    }

    /** The cell in the audit team's terms (sheet, row, column heading), the row alone when no cell is known. */
    private static String where(Sheet sheet, int row, Cell cell) {
        for (TableCells.Table table : TableCells.tables(sheet)) {
            if (cell != null && table.contains(row)) {
                return table.where(row, cell.getColumnIndex());
            }
        }
        String ref = cell == null ? "" : "（" + new CellReference(cell).formatAsString(false) + "）";
        return "工作表「" + sheet.getSheetName() + "」第 " + (row + 1) + " 行" + ref;
    }

    /** The lines of the rule starting at or before drlLine, without its name and metadata. */
    private String ruleBody(int drlLine) {
        StringBuilder body = new StringBuilder();
        for (int i = Math.max(drlLine, 1) - 1;
                i < drlLines.length && !drlLines[i].strip().equals("end");
                i++) {
            String line = drlLines[i].strip();
            if (!line.startsWith("@") && !line.startsWith("rule ")) {
                body.append(line).append('\n');
            }
        }
        return body.toString();
    }

    private static Sheet sheetOf(Workbook wb, String tableName) {
        if (tableName != null) {
            DataFormatter format = new DataFormatter();
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        if (format.formatCellValue(c).strip().equalsIgnoreCase("RuleTable " + tableName)) {
                            return sheet;
                        }
                    }
                }
            }
        }
        return wb.getSheetAt(0);
    }

    /** The cell of the row whose text appears in the compiler message, else in the generated DRL line. */
    private static Cell quotedCell(Row row, String message, String errorLine) {
        if (row == null) {
            return null;
        }
        DataFormatter format = new DataFormatter();
        for (String haystack : new String[] {message, errorLine}) {
            Cell best = null;
            for (Cell c : row) {
                String text = format.formatCellValue(c).strip();
                if (!text.isEmpty()
                        && c.getColumnIndex() > 0
                        && containsToken(haystack, text)
                        && (best == null
                                || text.length()
                                        > format.formatCellValue(best).strip().length())) {
                    best = c;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static boolean containsToken(String haystack, String text) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(text) + "(?![\\w.])")
                .matcher(haystack)
                .find();
    }

    /** A table Drools cannot parse: its message names a cell (e.g. "B12" or "[11,3]"); say which sheet. */
    private static RuleProblem malformed(byte[] workbook, String display, RuntimeException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int row = -1;
        int column = -1;
        Matcher ref = CELL_REF.matcher(message);
        Matcher rc = SHEET_CELL.matcher(message);
        if (ref.find()) {
            CellReference cell = new CellReference(ref.group(1) + ref.group(2));
            row = cell.getRow();
            column = cell.getCol();
        } else if (rc.find()) {
            row = Integer.parseInt(rc.group(1));
            column = Integer.parseInt(rc.group(2));
        }
        String where = "";
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            if (wb.getNumberOfSheets() == 1 && row >= 0) {
                Sheet sheet = wb.getSheetAt(0);
                Row r = sheet.getRow(row);
                where = " "
                        + where(
                                sheet,
                                row,
                                r == null ? null : r.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK));
            }
        } catch (IOException | RuntimeException ignored) {
            // the workbook itself is unreadable: the message says why
        }
        return new RuleProblem(display, row + 1, "决策表格式错误 malformed decision table" + where + ": " + message);
    }
}
