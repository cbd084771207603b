package org.jicha.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetLoader;
import org.jicha.rules.cases.RuleCase;
import org.jicha.rules.cases.RuleCaseRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped power-factor tables re-saved the way other tools write them (built with POI: LibreOffice and WPS
 * drop the empty cells of a merged range, "unmerge" splits it, cells change type) compile to the same DRL as
 * the original and pass BIL-12's and BIL-13's YAML cases; a cell that is truly wrong is named in the audit
 * team's terms.
 */
class TablesSavedByOtherToolsTests {

    private static final Path SHIPPED = Path.of("rules");
    private static final int OBJECT_ROW = 6; // RuleTable at row 5, keywords at 6, object types at 7 (0-based 6)

    @TempDir
    Path rules;

    /** The ways a save by another tool changes the table. */
    static Stream<Arguments> saves() {
        return Stream.of(
                Arguments.of("merged range kept, its empty cells dropped (LibreOffice, WPS)", save(s -> {
                    CellRangeAddress range = patternRange(s);
                    for (int c = range.getFirstColumn() + 1; c <= range.getLastColumn(); c++) {
                        s.getRow(OBJECT_ROW).removeCell(s.getRow(OBJECT_ROW).getCell(c));
                    }
                })),
                Arguments.of("merged range split, first cell filled", save(s -> {
                    CellRangeAddress range = unmerge(s);
                    for (int c = range.getFirstColumn() + 1; c <= range.getLastColumn(); c++) {
                        s.getRow(OBJECT_ROW).removeCell(s.getRow(OBJECT_ROW).getCell(c));
                    }
                })),
                Arguments.of("merged range split, every cell filled", save(s -> {
                    CellRangeAddress range = unmerge(s);
                    Row row = s.getRow(OBJECT_ROW);
                    String pattern = row.getCell(range.getFirstColumn()).getStringCellValue();
                    for (int c = range.getFirstColumn() + 1; c <= range.getLastColumn(); c++) {
                        row.getCell(c).setCellValue(pattern);
                    }
                })),
                Arguments.of(
                        "numbers stored as text, 1.0 for 1, trailing spaces",
                        save(s -> eachCell(s, c -> {
                            if (c.getCellType() == CellType.NUMERIC) {
                                double v = c.getNumericCellValue();
                                c.setCellValue(v == Math.rint(v) ? (long) v + ".0" : v + "0 ");
                            } else if (c.getCellType() == CellType.STRING) {
                                c.setCellValue(c.getStringCellValue() + " \u3000");
                            }
                        }))),
                Arguments.of(
                        "numbers as formulas",
                        save(s -> eachCell(s, c -> {
                            if (c.getCellType() == CellType.NUMERIC) {
                                c.setCellFormula(c.getNumericCellValue() + "*1");
                            }
                        }))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saves")
    void aTableSavedByAnotherToolCompilesToTheSameDrl(String how, Consumer<Path> save) throws IOException {
        for (String file : List.of(PfDecisionTables.STANDARD_FILE, PfDecisionTables.ADJUSTMENT_FILE)) {
            Path copy = rules.resolve(file.replace('/', '-'));
            Files.copy(SHIPPED.resolve(file), copy);
            save.accept(copy);

            List<RuleProblem> problems = new ArrayList<>();
            DecisionTableFile table = DecisionTableFile.compile(copy, file, problems);

            assertThat(problems).as(file).isEmpty();
            assertThat(table.drl()).as(file).isEqualTo(shippedDrl(file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("saves")
    void theRuleSetWithTablesSavedByAnotherToolPassesTheirCases(String how, Consumer<Path> save) throws IOException {
        copyShippedRules();
        save.accept(rules.resolve(PfDecisionTables.STANDARD_FILE));
        save.accept(rules.resolve(PfDecisionTables.ADJUSTMENT_FILE));

        RuleSet set = new RuleSetLoader().load(rules);

        RuleCaseRunner runner = new RuleCaseRunner(set);
        List<RuleCase> cases = RuleCaseRunner.casesIn(rules, new ArrayList<>()).stream()
                .filter(c -> c.covers("BIL-12") || c.covers("BIL-13"))
                .toList();
        assertThat(cases).isNotEmpty();
        assertThat(cases)
                .allSatisfy(c ->
                        assertThat(runner.run(c).differences()).as(c.label()).isEmpty());
    }

    @Test
    void theShippedTablesCompileAsDroolsCompilesThemUntouched() throws IOException {
        for (String file : List.of(PfDecisionTables.STANDARD_FILE, PfDecisionTables.ADJUSTMENT_FILE)) {
            String untouched;
            try (InputStream in = Files.newInputStream(SHIPPED.resolve(file))) {
                untouched = new SpreadsheetCompiler().compile(in, InputType.XLS);
            }
            assertThat(shippedDrl(file)).as(file).isEqualTo(untouched);
        }
    }

    @Test
    void textInAColumnOfNumbersIsNamedBySheetRowAndHeading() throws IOException {
        Path copy = rules.resolve("pf-standard.drl.xlsx");
        Files.copy(SHIPPED.resolve(PfDecisionTables.STANDARD_FILE), copy);
        save(s -> s.getRow(11).getCell(7).setCellValue("0,9")).accept(copy);

        List<RuleProblem> problems = new ArrayList<>();
        assertThat(DecisionTableFile.compile(copy, PfDecisionTables.STANDARD_FILE, problems))
                .isNull();

        assertThat(problems)
                .extracting(RuleProblem::toString)
                .containsExactly("bil/pf-standard.drl.xlsx:12: 工作表「BIL-12 力调标准」第 12 行「考核标准」列（H12）: "
                        + "\"0,9\" 不是数字 is not a number");
    }

    private static String shippedDrl(String file) {
        List<RuleProblem> problems = new ArrayList<>();
        DecisionTableFile table = DecisionTableFile.compile(SHIPPED.resolve(file), file, problems);
        assertThat(problems).isEmpty();
        return table.drl();
    }

    private void copyShippedRules() throws IOException {
        try (Stream<Path> walk = Files.walk(SHIPPED)) {
            for (Path source : walk.toList()) {
                Path target = rules.resolve(SHIPPED.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Rewrites the workbook's only sheet in place. */
    private static Consumer<Path> save(Consumer<Sheet> change) {
        return file -> {
            try {
                Workbook wb;
                try (InputStream in = Files.newInputStream(file)) {
                    wb = WorkbookFactory.create(in);
                }
                change.accept(wb.getSheetAt(0));
                try (wb;
                        OutputStream out = Files.newOutputStream(file)) {
                    wb.write(out);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static CellRangeAddress patternRange(Sheet sheet) {
        return sheet.getMergedRegions().stream()
                .filter(r -> r.getFirstRow() == OBJECT_ROW)
                .findFirst()
                .orElseThrow();
    }

    private static CellRangeAddress unmerge(Sheet sheet) {
        CellRangeAddress range = patternRange(sheet);
        for (int i = 0; i < sheet.getNumMergedRegions(); i++) {
            if (sheet.getMergedRegion(i).equals(range)) {
                sheet.removeMergedRegion(i);
                break;
            }
        }
        return range;
    }

    /** Every cell from the keyword row down (the RuleTable cell itself kept). */
    private static void eachCell(Sheet sheet, Consumer<Cell> change) {
        for (Row row : sheet) {
            if (row.getRowNum() >= OBJECT_ROW - 1) {
                row.forEach(change);
            }
        }
    }
}
