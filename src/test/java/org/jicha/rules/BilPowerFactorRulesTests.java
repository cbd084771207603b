package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.BILL;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aTariff;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsFor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Tariff;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/bil/power-factor.drl with its decision tables bil/pf-standard.drl.xlsx (BIL-12 力调标准错配) and
 * bil/pf-adjustment.drl.xlsx (BIL-13 功率因数调整电费错误). As of 2026-11-05 the audited period is 2026-10.
 */
class BilPowerFactorRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static final List<Tariff> TARIFFS = tariffs();

    private static List<Tariff> tariffs() {
        List<Tariff> all = new ArrayList<>(StandardTariffs.all());
        all.add(aTariff("LI-90")
                .category("LARGE_INDUSTRIAL")
                .atVoltage(10)
                .price(0.6)
                .pfStandard(0.90)
                .build());
        all.add(aTariff("LI-85")
                .category("LARGE_INDUSTRIAL")
                .atVoltage(10)
                .price(0.6)
                .pfStandard(0.85)
                .build());
        all.add(aTariff("COM-85")
                .category("COMMERCIAL")
                .atVoltage(0.4)
                .price(0.65)
                .pfStandard(0.85)
                .build());
        all.add(aTariff("AGR-80")
                .category("AGRICULTURAL")
                .atVoltage(0.4)
                .price(0.45)
                .pfStandard(0.80)
                .build());
        return List.copyOf(all);
    }

    private static List<Finding> findingsOf(String rule, CustomerBundle... bundles) {
        return findingsFor(AS_OF, TARIFFS, bundles).stream()
                .filter(f -> f.ruleCode().equals(rule))
                .toList();
    }

    @Nested
    class Bil12 {

        private CustomerBundle bundle(String no, String category, double kva, double kv, String tariff) {
            return aBundle(aCustomer(no)
                            .category(category)
                            .contractKva(kva)
                            .atVoltage(kv)
                            .tariff(tariff))
                    .with(aBill("B" + no).tariff(tariff).energy(1000, 600))
                    .build();
        }

        @Test
        void aCommercialCustomerOf150KvaWithoutAStandardRaisesBil12() {
            List<Finding> findings = findingsOf("BIL-12", bundle("C1", "COMMERCIAL", 150, 0.4, "COM-0.4"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-12", BILL, "BC1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo("账单 BC1（2026-10）用户类别 一般工商业，合同容量 150 kVA，" + "电压 0.4 kV，应执行力调标准 0.85；执行电价 COM-0.4 无力调标准");
        }

        @Test
        void theRightStandardIsQuiet() {
            assertThat(findingsOf(
                            "BIL-12",
                            bundle("C1", "COMMERCIAL", 150, 0.4, "COM-85"),
                            bundle("C2", "LARGE_INDUSTRIAL", 160, 10, "LI-90"),
                            bundle("C3", "AGRICULTURAL", 100, 0.4, "AGR-80"),
                            bundle("C4", "RESIDENTIAL", 8, 0.22, "RES-0.22")))
                    .isEmpty();
        }

        @Test
        void oneHundredKvaIsAssessedAndBelowIsNot() {
            assertThat(findingsOf(
                            "BIL-12",
                            bundle("C1", "COMMERCIAL", 100, 0.4, "COM-0.4"),
                            bundle("C2", "COMMERCIAL", 99, 0.4, "COM-0.4"),
                            bundle("C3", "COMMERCIAL", 99, 0.4, "COM-85")))
                    .extracting(RuleTestKit::key)
                    .containsExactlyInAnyOrder(
                            finding("BIL-12", BILL, "BC1", "2026-10"), finding("BIL-12", BILL, "BC3", "2026-10"));
        }

        @Test
        void largeIndustryNeeds160KvaAt10KvForTheStandard090() {
            List<Finding> findings = findingsOf(
                    "BIL-12",
                    bundle("C1", "LARGE_INDUSTRIAL", 160, 10, "LI-85"),
                    bundle("C2", "LARGE_INDUSTRIAL", 159, 10, "LI-90"),
                    bundle("C3", "LARGE_INDUSTRIAL", 200, 6, "LI-90"),
                    bundle("C4", "LARGE_INDUSTRIAL", 159, 10, "LI-85"),
                    bundle("C5", "LARGE_INDUSTRIAL", 200, 6, "LI-85"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactlyInAnyOrder(
                            finding("BIL-12", BILL, "BC1", "2026-10"),
                            finding("BIL-12", BILL, "BC2", "2026-10"),
                            finding("BIL-12", BILL, "BC3", "2026-10"));
        }

        @Test
        void agricultureExpects080() {
            assertThat(findingsOf("BIL-12", bundle("C1", "AGRICULTURAL", 120, 0.4, "COM-85"))
                            .get(0)
                            .message())
                    .contains("应执行力调标准 0.8；执行电价 COM-85 的力调标准为 0.85");
        }
    }

    @Nested
    class Bil13 {

        /** LARGE_INDUSTRIAL 200 kVA at 10 kV: 1000 kWh, energy 600.00 + basic 400.00 = 1000.00 yuan of base. */
        private CustomerBundle bill(String no, String tariff, double kwh, double kvarh, Double adjustment) {
            return aBundle(aCustomer(no)
                            .largeIndustrial()
                            .contractKva(200)
                            .atVoltage(10)
                            .tariff(tariff))
                    .with(readings("M" + no).monthly("2026-10", kwh).reactive(kvarh))
                    .with(aBill("B" + no)
                            .tariff(tariff)
                            .energy(kwh, kwh == 0 ? 0 : 600)
                            .basicCharge(400.0)
                            .pfAdjustment(adjustment))
                    .build();
        }

        @Test
        void aSurchargeBilledAsARewardRaisesBil13() {
            // 593 kvarh: pf = 1000 / sqrt(1000^2 + 593^2) = 0.8601 -> 0.86, under 0.90 +2 % of 1000.00 = 20.00
            List<Finding> findings = findingsOf("BIL-13", bill("C1", "LI-90", 1000, 593, -20.0));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-13", BILL, "BC1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo(
                            "账单 BC1（2026-10）有功 1000 kWh、无功 593 kvarh，功率因数 0.86，"
                                    + "考核标准 0.9，调整 2%，应收调整电费 =（电度电费 600.00 + 基本电费 400.00）× 2% = 20.00 元，实收 -20.00 元，相差超过 1.00 元");
        }

        @Test
        void theRightAdjustmentIsQuiet() {
            assertThat(findingsOf(
                            "BIL-13",
                            bill("C1", "LI-90", 1000, 593, 20.0),
                            // 329 kvarh: pf 0.9499 -> 0.95, -0.75 %
                            bill("C2", "LI-90", 1000, 329, -7.5),
                            // pf 0.86 under 0.85: -0.10 %
                            bill("C3", "LI-85", 1000, 593, -1.0)))
                    .isEmpty();
        }

        @Test
        void aDifferenceOfExactlyOneYuanIsTolerated() {
            assertThat(findingsOf(
                            "BIL-13",
                            bill("C1", "LI-90", 1000, 593, 21.0),
                            bill("C2", "LI-90", 1000, 593, 21.01),
                            bill("C3", "LI-90", 1000, 593, 19.0),
                            bill("C4", "LI-90", 1000, 593, 18.99)))
                    .extracting(RuleTestKit::key)
                    .containsExactlyInAnyOrder(
                            finding("BIL-13", BILL, "BC2", "2026-10"), finding("BIL-13", BILL, "BC4", "2026-10"));
        }

        @Test
        void pfExactlyAtTheStandardMeansNoAdjustment() {
            // 484 kvarh: pf 0.9001 -> 0.90
            assertThat(findingsOf(
                            "BIL-13",
                            bill("C1", "LI-90", 1000, 484, 0.0),
                            bill("C2", "LI-90", 1000, 484, null),
                            bill("C3", "LI-90", 1000, 484, -1.5)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-13", BILL, "BC3", "2026-10"));
        }

        @Test
        void pf0895RoundsHalfUpTo090() {
            // 497 kvarh: pf = 1000 / sqrt(1000^2 + 497^2) = 0.89551 -> 0.90 (no adjustment), not 0.89 (+0.5 % = 5.00)
            assertThat(findingsOf("BIL-13", bill("C1", "LI-90", 1000, 497, 0.0)))
                    .isEmpty();
            assertThat(findingsOf("BIL-13", bill("C2", "LI-90", 1000, 497, 5.0)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-13", BILL, "BC2", "2026-10"));
        }

        @Test
        void aPeriodWithoutEnergyExpectsNoAdjustment() {
            List<Finding> findings =
                    findingsOf("BIL-13", bill("C1", "LI-90", 0, 0, 0.0), bill("C2", "LI-90", 0, 0, 5.0));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-13", BILL, "BC2", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo("账单 BC2（2026-10）本期有功电量为 0，不应有功率因数调整电费，实收 5.00 元，相差超过 1.00 元");
        }

        @Test
        void aTariffWithoutStandardIsLeftToBil12() {
            assertThat(findingsOf("BIL-13", bill("C1", "LI-10", 1000, 593, -20.0)))
                    .isEmpty();
        }

        @Test
        void theSteepPartOfTheTableIsUsed() {
            // 1000 kWh, 1250 kvarh: pf 0.6247 -> 0.62, under 0.90: 15 + 2 x 3 = +21 % = 210.00
            assertThat(findingsOf("BIL-13", bill("C1", "LI-90", 1000, 1250, 210.0)))
                    .isEmpty();
            assertThat(findingsOf("BIL-13", bill("C2", "LI-90", 1000, 1250, 190.0)))
                    .hasSize(1);
        }
    }
}
