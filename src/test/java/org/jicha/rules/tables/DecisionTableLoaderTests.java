package org.jicha.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleProblem;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken decision table in a copy of rules/ is rejected naming its file, sheet, row and column. */
class DecisionTableLoaderTests {

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        Path shipped = Path.of("rules");
        try (Stream<Path> walk = Files.walk(shipped)) {
            for (Path source : walk.toList()) {
                Path target = rules.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** Sets one cell (e.g. "E12") of the table's only sheet to a text. */
    private void setCell(String file, String cellRef, String text) throws IOException {
        Path path = rules.resolve(file);
        Workbook wb;
        try (InputStream in = Files.newInputStream(path)) {
            wb = WorkbookFactory.create(in);
        }
        CellReference ref = new CellReference(cellRef);
        var row = wb.getSheetAt(0).getRow(ref.getRow());
        var cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        cell.setCellValue(text);
        try (wb;
                OutputStream out = Files.newOutputStream(path)) {
            wb.write(out);
        }
    }

    private List<RuleProblem> problemsLoading() {
        RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(e).as("the rule set should be rejected").isNotNull();
        return e.problems();
    }

    @Test
    void theShippedTablesLoadAsDataOfBil12And13() {
        RuleSet set = new RuleSetLoader().load(rules);
        assertThat(set.rule("BIL-12")).isPresent();
        assertThat(set.rule("BIL-13")).get().extracting(RuleMeta::file).isEqualTo("bil/power-factor.drl");
        assertThat(set.files()).contains(PfDecisionTables.STANDARD_FILE, PfDecisionTables.ADJUSTMENT_FILE);
    }

    @Test
    void aNonNumericPercentageIsReportedWithSheetRowAndColumn() throws IOException {
        // row 12 of the adjustment table: standard 0.90, pf 0.93
        setCell(PfDecisionTables.ADJUSTMENT_FILE, "E12", "abc");

        assertThat(problemsLoading()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(PfDecisionTables.ADJUSTMENT_FILE);
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.message()).isEqualTo("工作表「BIL-13 力调电费」第 12 行「调整百分比 %」列（E12）: \"abc\" 不是数字 is not a number");
        });
    }

    @Test
    void aNonNumericBoundIsReportedWithItsColumn() throws IOException {
        setCell(PfDecisionTables.STANDARD_FILE, "D10", "many");

        assertThat(problemsLoading())
                .isNotEmpty()
                .extracting(RuleProblem::toString)
                .containsExactly("bil/pf-standard.drl.xlsx:10: 工作表「BIL-12 力调标准」第 10 行「合同容量 kVA ≥」列（D10）: "
                        + "\"many\" 不是数字 is not a number");
    }

    @Test
    void anUnknownKeywordIsReportedWithSheetAndCell() throws IOException {
        setCell(PfDecisionTables.ADJUSTMENT_FILE, "C6", "CONDITON");

        List<RuleProblem> problems = problemsLoading();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo(PfDecisionTables.ADJUSTMENT_FILE);
        assertThat(problems.get(0).message()).startsWith("工作表「BIL-13 力调电费」第 6 行「实际功率因数 从」列（C6）: ");
    }

    @Test
    void aRowSupportingNoRuleIsRejected() throws IOException {
        setCell(PfDecisionTables.ADJUSTMENT_FILE, "F12", "BIL-99");

        assertThat(problemsLoading())
                .extracting(RuleProblem::toString)
                .containsExactly(
                        PfDecisionTables.ADJUSTMENT_FILE
                                + ":12: decision-table row 12: its supports metadata (\"BIL-99\") does not name a rule code of the set");
    }
}
