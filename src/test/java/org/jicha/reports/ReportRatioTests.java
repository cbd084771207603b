package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratio edge cases: nothing to measure prints "—", never 0 % or NaN; parameters are checked by name. */
class ReportRatioTests {

    @Test
    void aZeroDenominatorHasNoValueAndPrintsADash() {
        Ratio none = new Ratio(0, 0);
        assertThat(none.value()).isNull();
        ReportDocument.Metric metric = new ReportDocument.Metric("整改率", "定义", 0, 0, null);
        assertThat(metric.ratio()).isNull();
        assertThat(metric.percent()).isEqualTo("—");
        assertThat(metric.previousPercent()).isEqualTo("—");
        assertThat(Cells.format(none.value(), ReportDocument.Kind.PERCENT)).isEmpty();
    }

    @Test
    void ratiosRoundToSixDecimalsAndPrintWithTwo() {
        assertThat(new Ratio(10, 445).value()).isEqualByComparingTo("0.022472");
        assertThat(new ReportDocument.Metric("抄表差错率", "", 10, 445, new BigDecimal("0.5")).percent())
                .isEqualTo("2.25%");
        assertThat(new ReportDocument.Metric("", "", 0, 7, null).percent()).isEqualTo("0.00%");
        assertThat(new ReportDocument.Metric("", "", 7, 7, null).percent()).isEqualTo("100.00%");
        assertThat(new ReportDocument.Metric("", "", 1, 3, new BigDecimal("0.5")).previousPercent())
                .isEqualTo("50.00%");
    }

    @Test
    void aNumeratorAboveItsDenominatorIsABug() {
        assertThatThrownBy(() -> new Ratio(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ratio(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShareOfNothingIsBlank() {
        assertThat(DeviationReportService.share(0, 0)).isNull();
        assertThat(DeviationReportService.share(1, 4)).isEqualByComparingTo("0.25");
    }

    @Test
    void badPeriodsAndFormatsAreRefusedNamingTheParameter() {
        assertThat(ReportPeriod.parse("2026-10")).isEqualTo(YearMonth.of(2026, 10));
        for (String bad : new String[] {null, "", "2026-1", "202610", "2026-13", "2026/10", "26-10"}) {
            assertThatThrownBy(() -> ReportPeriod.parse(bad))
                    .isInstanceOf(ReportParameterException.class)
                    .hasMessageContaining("period")
                    .extracting(e -> ((ReportParameterException) e).parameter())
                    .isEqualTo("period");
        }
        assertThat(ReportFormat.parse(null)).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("XLSX")).isEqualTo(ReportFormat.XLSX);
        assertThatThrownBy(() -> ReportFormat.parse("docx")).hasMessageContaining("format");
    }

    @Test
    void eachTeamKindGetsItsOwnRatioAndTheRectificationRates() {
        assertThat(RatioKind.forTeamKind("READING"))
                .containsExactly(RatioKind.READING_ERROR, RatioKind.RECTIFIED, RatioKind.RECTIFIED_ON_TIME);
        assertThat(RatioKind.forTeamKind("BILLING")).startsWith(RatioKind.TARIFF_CORRECT);
        assertThat(RatioKind.forTeamKind("INSTALLATION")).startsWith(RatioKind.EXPANSION_ON_TIME);
        assertThat(RatioKind.forTeamKind("SAFETY")).containsExactly(RatioKind.RECTIFIED, RatioKind.RECTIFIED_ON_TIME);
    }

    @Test
    void theFileNameGetsItsExtension() {
        GeneratedReport report = new GeneratedReport(
                new ReportDocument("t", "s", List.of(), List.of()),
                "稽查报告-2026-10-QC01",
                "deviation-report-2026-10-QC01");
        assertThat(report.fileName(ReportFormat.XLSX)).isEqualTo("稽查报告-2026-10-QC01.xlsx");
        assertThat(StaffAttribution.meterOf("33010001281:2026-10")).isEqualTo("33010001281");
        assertThat(StaffAttribution.firstInspector(";QCYX053; QCYX054")).isEqualTo("QCYX053");
        assertThat(StaffAttribution.firstInspector(null)).isNull();
    }
}
