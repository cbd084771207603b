package org.jicha.rules.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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
 * where the audit team can find it: the file, the sheet, the row and the column (e.g. {@code D12}).
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
    private final Path file;
    private final String drl;
    private final String[] drlLines;
    private final Map<String, Integer> ruleRows;
    private final Map<Integer, String> tableNameByDrlLine;

    private DecisionTableFile(String display, Path file, String drl) {
        this.display = display;
        this.file = file;
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

    /** Compiles the table; on a malformed table adds a problem naming the sheet and cell and returns null. */
    public static DecisionTableFile compile(Path file, String display, List<RuleProblem> problems) {
        int before = problems.size();
        checkKeywords(file, display, problems);
        if (problems.size() > before) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String drl = new SpreadsheetCompiler().compile(in, InputType.XLS);
            return new DecisionTableFile(display, file, drl);
        } catch (IOException e) {
            problems.add(new RuleProblem(display, 0, "cannot read the decision table: " + e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(malformed(file, display, e));
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
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = sheetOf(wb, tableName);
            String where = "sheet \"" + sheet.getSheetName() + "\", row " + row;
            Cell cell = quotedCell(sheet.getRow(row - 1), message, errorLine);
            if (cell != null) {
                where += ", column " + CellReference.convertNumToColString(cell.getColumnIndex()) + " (cell "
                        + new CellReference(cell).formatAsString(false) + ")";
            }
            return new RuleProblem(display, row, where + ": " + message);
        } catch (IOException | RuntimeException e) {
            return new RuleProblem(display, row, "row " + row + ": " + message);
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
    private static void checkKeywords(Path file, String display, List<RuleProblem> problems) {
        DataFormatter format = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Sheet sheet : wb) {
                for (Row r : sheet) {
                    Cell first = r.getCell(r.getFirstCellNum() < 0 ? 0 : r.getFirstCellNum());
                    if (first == null || !format.formatCellValue(first).strip().startsWith("RuleTable")) {
                        continue;
                    }
                    Row keywords = sheet.getRow(r.getRowNum() + 1);
                    if (keywords == null) {
                        continue;
                    }
                    for (Cell c : keywords) {
                        String text = format.formatCellValue(c).strip();
                        if (c.getColumnIndex() > first.getColumnIndex()
                                && !text.isEmpty()
                                && !KEYWORDS.contains(text.toUpperCase(Locale.ROOT))) {
                            String ref = new CellReference(c).formatAsString(false);
                            problems.add(new RuleProblem(
                                    display,
                                    c.getRowIndex() + 1,
                                    "sheet \"" + sheet.getSheetName()
                                            + "\", row " + (c.getRowIndex() + 1) + ", column "
                                            + CellReference.convertNumToColString(c.getColumnIndex()) + " (cell " + ref
                                            + "): unknown decision-table keyword \"" + text
                                            + "\" (expected one of CONDITION, ACTION, METADATA, ...)"));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the compiler reports it
        }
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
    private static RuleProblem malformed(Path file, String display, RuntimeException e) {
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        int row = 0;
        String cell = null;
        Matcher ref = CELL_REF.matcher(message);
        Matcher rc = SHEET_CELL.matcher(message);
        if (ref.find()) {
            cell = ref.group(1) + ref.group(2);
            row = Integer.parseInt(ref.group(2));
        } else if (rc.find()) {
            row = Integer.parseInt(rc.group(1)) + 1;
            cell = CellReference.convertNumToColString(Integer.parseInt(rc.group(2))) + row;
        }
        String sheetName = null;
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            sheetName = wb.getNumberOfSheets() == 1 ? wb.getSheetAt(0).getSheetName() : null;
        } catch (IOException | RuntimeException ignored) {
            // the workbook itself is unreadable: the message says why
        }
        String where = (sheetName == null ? "" : "sheet \"" + sheetName + "\", ")
                + (cell == null
                        ? ""
                        : "row " + row + ", column " + cell.replaceAll("\\d", "") + " (cell " + cell + ")");
        return new RuleProblem(
                display, row, "malformed decision table" + (where.isEmpty() ? "" : " at " + where) + ": " + message);
    }
}
