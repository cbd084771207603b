package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.SubjectType.INSPECTION;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aMeterEvent;
import static org.jicha.facts.fixtures.Fixtures.aTariff;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsFor;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Tariff;
import org.jicha.facts.fixtures.BundleBuilder;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.InspectionBuilder;
import org.jicha.facts.fixtures.ReadingsBuilder;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/ins/usage.drl: INS-01 周期检查超期, INS-02 定比定量未年度核定, INS-03 定量大于总量, INS-04 大工业电价执行不当,
 * INS-05 私增容量嫌疑, INS-07 检查档案不全, INS-09 窃电嫌疑.
 */
class InsUsageRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBuilder shop() {
        return aCustomer("C001").commercial().contractKva(50);
    }

    @Nested
    class Ins01PeriodicInspectionOverdue {

        private CustomerBundle inspectedOn(CustomerBuilder customer, String date) {
            return aBundle(customer).with(anInspection("I1").inspectedOn(date)).build();
        }

        @Test
        void lowVoltageCustomerLastInspectedMoreThan24MonthsAgoRaisesIns01() {
            List<Finding> findings = findingsOf("INS-01", AS_OF, inspectedOn(shop(), "2024-11-04"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-01", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message())
                    .isEqualTo("用户 C001（0.4 kV）检查周期 24 个月，最近检查 2024-11-04，应于 2026-11-04 前检查，至 2026-11-05 未检查");
        }

        @Test
        void inspectionExactlyOneCycleBeforeTheAsOfDateStillCounts() {
            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(shop(), "2024-11-05")))
                    .isEmpty();
        }

        @Test
        void defaultCycleFollowsTheVoltage() {
            CustomerBuilder at10kv = aCustomer("C010").commercial().atVoltage(10);
            CustomerBuilder at35kv = aCustomer("C035").largeIndustrial().atVoltage(35);

            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(at10kv, "2025-11-04")))
                    .hasSize(1);
            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(at10kv, "2025-11-05")))
                    .isEmpty();
            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(at35kv, "2026-05-04")))
                    .hasSize(1);
            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(at35kv, "2026-05-05")))
                    .isEmpty();
        }

        @Test
        void recordedInspectionCycleOverridesTheDefault() {
            CustomerBuilder everySixMonths = shop().inspectionCycleMonths(6);

            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(everySixMonths, "2026-05-04")))
                    .singleElement()
                    .extracting(Finding::message)
                    .asString()
                    .contains("检查周期 6 个月");
            assertThat(findingsOf("INS-01", AS_OF, inspectedOn(shop().inspectionCycleMonths(6), "2026-05-05")))
                    .isEmpty();
        }

        @Test
        void neverInspectedCustomerIsDueOneCycleAfterOpening() {
            CustomerBundle openedLongAgo =
                    aBundle(shop().openedOn("2024-11-04")).build();
            CustomerBundle openedRecently =
                    aBundle(shop().openedOn("2024-11-05")).build();

            assertThat(findingsOf("INS-01", AS_OF, openedLongAgo))
                    .singleElement()
                    .extracting(Finding::message)
                    .isEqualTo("用户 C001（0.4 kV）检查周期 24 个月，立户 2024-11-04 以来从未检查，应于 2026-11-04 前检查，至 2026-11-05 未检查");
            assertThat(findingsOf("INS-01", AS_OF, openedRecently)).isEmpty();
        }

        @Test
        void residentialOrSuspendedCustomersAreNotJudgedByIns01() {
            CustomerBundle household = aBundle(aCustomer("C001").residential()).build();
            CustomerBundle suspended = aBundle(shop().suspended()).build();

            assertThat(findingsOf("INS-01", AS_OF, household)).isEmpty();
            assertThat(findingsOf("INS-01", AS_OF, suspended)).isEmpty();
        }
    }

    @Nested
    class Ins02FixedValuesNotApproved {

        @Test
        void fixedRatioApprovedMoreThan12MonthsAgoRaisesIns02() {
            List<Finding> findings = findingsOf(
                    "INS-02",
                    AS_OF,
                    aBundle(shop().fixedRatio(90, "2025-06-30")).build());

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-02", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).isEqualTo("用户 C001 定比 90 %，核定日期 2025-06-30，早于 2025-11-05");
        }

        @Test
        void approvalOneDayOverTwelveMonthsRaisesIns02ButExactlyTwelveMonthsDoesNot() {
            assertThat(findingsOf(
                            "INS-02",
                            AS_OF,
                            aBundle(shop().fixedRatio(90, "2025-11-04")).build()))
                    .hasSize(1);
            assertThat(findingsOf(
                            "INS-02",
                            AS_OF,
                            aBundle(shop().fixedRatio(90, "2025-11-05")).build()))
                    .isEmpty();
        }

        @Test
        void fixedDeductionWithoutApprovalDateRaisesIns02() {
            assertThat(findingsOf(
                            "INS-02",
                            AS_OF,
                            aBundle(shop().fixedDeduction(300, null)).build()))
                    .singleElement()
                    .extracting(Finding::message)
                    .isEqualTo("用户 C001 定量 300 kWh，核定日期 缺失");
        }

        @Test
        void customerWithoutFixedValuesOrClosedIsNotJudgedByIns02() {
            assertThat(findingsOf("INS-02", AS_OF, aBundle(shop()).build())).isEmpty();
            assertThat(findingsOf(
                            "INS-02",
                            AS_OF,
                            aBundle(shop().fixedRatio(90, "2020-01-01").closedOn("2026-06-30"))
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class Ins03DeductionAboveMetered {

        private CustomerBundle deducting(double deductionKwh, ReadingsBuilder... meterReadings) {
            var bundle =
                    aBundle(shop().fixedDeduction(deductionKwh, "2026-03-02")).with(aMeter("M1"));
            for (ReadingsBuilder r : meterReadings) {
                bundle.with(r);
            }
            return bundle.build();
        }

        @Test
        void deductionAboveTheAuditedPeriodsConsumptionRaisesIns03() {
            List<Finding> findings =
                    findingsOf("INS-03", AS_OF, deducting(650, readings("M1").monthlyFrom("2026-09", 700, 560)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-03", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message()).isEqualTo("用户 C001 定量 650 kWh，大于 2026-10 抄见总电量 560 kWh");
        }

        @Test
        void deductionEqualToTheConsumptionDoesNotRaiseIns03() {
            assertThat(findingsOf("INS-03", AS_OF, deducting(650, readings("M1").monthly("2026-10", 650))))
                    .isEmpty();
        }

        @Test
        void consumptionIsSummedOverTheCustomersMeters() {
            assertThat(findingsOf(
                            "INS-03",
                            AS_OF,
                            deducting(
                                    650,
                                    readings("M1").monthly("2026-10", 400),
                                    readings("M2").monthly("2026-10", 300))))
                    .isEmpty();
        }

        @Test
        void periodWithoutReadingIsNotJudgedByIns03() {
            assertThat(findingsOf("INS-03", AS_OF, deducting(650, readings("M1").monthly("2026-09", 100))))
                    .isEmpty();
            assertThat(findingsOf("INS-03", AS_OF, deducting(650, readings("M1").missed("2026-10"))))
                    .isEmpty();
        }
    }

    @Nested
    class Ins04LargeCommercialOnSinglePartTariff {

        private List<Finding> ins04(CustomerBuilder customer) {
            List<Tariff> tariffs = new ArrayList<>(StandardTariffs.all());
            tariffs.add(aTariff("COM-10")
                    .category("COMMERCIAL")
                    .atVoltage(10)
                    .price(0.62)
                    .build());
            tariffs.add(aTariff("COM-10D")
                    .category("COMMERCIAL")
                    .atVoltage(10)
                    .price(0.58)
                    .basicPriceKva(26)
                    .build());
            tariffs.add(aTariff("COM-10K")
                    .category("COMMERCIAL")
                    .atVoltage(10)
                    .price(0.58)
                    .basicPriceKw(38)
                    .build());
            return findingsFor(AS_OF, tariffs, aBundle(customer).build()).stream()
                    .filter(f -> f.ruleCode().equals("INS-04"))
                    .toList();
        }

        private CustomerBuilder commercialAt10kv(double kva, String tariff) {
            return aCustomer("C001").commercial().atVoltage(10).contractKva(kva).tariff(tariff);
        }

        @Test
        void commercialCustomerOf400KvaOnASinglePartTariffRaisesIns04() {
            List<Finding> findings = ins04(commercialAt10kv(400, "COM-10"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-04", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).isEqualTo("一般工商业用户 C001 合同容量 400 kVA（>= 315 kVA），执行单一制电价 COM-10");
        }

        @Test
        void exactly315KvaRaisesIns04And314DoesNot() {
            assertThat(ins04(commercialAt10kv(315, "COM-10"))).hasSize(1);
            assertThat(ins04(commercialAt10kv(314, "COM-10"))).isEmpty();
        }

        @Test
        void twoPartTariffByCapacityOrByDemandDoesNotRaiseIns04() {
            assertThat(ins04(commercialAt10kv(1250, "COM-10D"))).isEmpty();
            assertThat(ins04(commercialAt10kv(1250, "COM-10K"))).isEmpty();
        }

        @Test
        void otherCategoriesOrClosedCustomersAreNotJudgedByIns04() {
            assertThat(ins04(aCustomer("C001").largeIndustrial().contractKva(400)))
                    .isEmpty();
            assertThat(ins04(commercialAt10kv(400, "COM-10").closedOn("2026-06-30")))
                    .isEmpty();
        }
    }

    @Nested
    class Ins05DemandAboveContract {

        private CustomerBundle demands(double kva, double august, double september, double october) {
            return aBundle(aCustomer("C001").largeIndustrial().contractKva(kva))
                    .with(aMeter("M1").threePhase())
                    .with(readings("M1")
                            .monthlyFrom("2026-08", 90000, 95000, 98000)
                            .maxDemand("2026-08", august)
                            .maxDemand("2026-09", september)
                            .maxDemand("2026-10", october))
                    .build();
        }

        @Test
        void demandAboveContractInTheLastTwoPeriodsRaisesIns05() {
            List<Finding> findings = findingsOf("INS-05", AS_OF, demands(400, 380, 421.5, 433));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-05", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo("用户 C001 最大需量 2026-09 421.5 kW、2026-10 433 kW，均超过合同容量 400 kVA × 1");
        }

        @Test
        void demandExactlyAtTheContractCapacityDoesNotCount() {
            assertThat(findingsOf("INS-05", AS_OF, demands(400, 380, 421.5, 400)))
                    .isEmpty();
            assertThat(findingsOf("INS-05", AS_OF, demands(400, 380, 400.1, 400.1)))
                    .hasSize(1);
        }

        @Test
        void excessInOnlyOnePeriodOrBeforeTheAuditedPeriodDoesNotRaiseIns05() {
            assertThat(findingsOf("INS-05", AS_OF, demands(400, 380, 390, 433))).isEmpty();
            assertThat(findingsOf("INS-05", AS_OF, demands(400, 450, 433, 390))).isEmpty();
        }

        @Test
        void periodWithoutDemandBreaksTheRun() {
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial().contractKva(400))
                    .with(aMeter("M1"))
                    .with(readings("M1").monthlyFrom("2026-09", 95000, 98000).maxDemand("2026-10", 433))
                    .build();

            assertThat(findingsOf("INS-05", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Ins07InspectionRecordIncomplete {

        private List<Finding> ins07(InspectionBuilder inspection) {
            return findingsOf("INS-07", AS_OF, aBundle(shop()).with(inspection).build());
        }

        @Test
        void oneInspectorRaisesIns07() {
            List<Finding> findings =
                    ins07(anInspection("I1").inspectedOn("2026-10-09").inspectors("E01"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-07", INSPECTION, "I1", null));
            assertThat(findings.get(0).message()).isEqualTo("检查 I1（2026-10-09）档案不全：检查人员 1 人（至少 2 人）");
        }

        @Test
        void sameInspectorTwiceCountsOnce() {
            assertThat(ins07(anInspection("I1").inspectors("E01;E01"))).hasSize(1);
        }

        @Test
        void unsignedOrEmptyConclusionRaisesIns07() {
            assertThat(ins07(anInspection("I1").inspectedOn("2026-10-09").conclusionSigned(false)))
                    .singleElement()
                    .extracting(Finding::message)
                    .isEqualTo("检查 I1（2026-10-09）档案不全：检查结论未签字");
            assertThat(ins07(anInspection("I1").conclusionSigned(null))).hasSize(1);
        }

        @Test
        void hazardWithoutPhotoRaisesIns07AndListsEveryGap() {
            InspectionBuilder inspection = anInspection("I1")
                    .inspectedOn("2026-10-09")
                    .hazard("接地不良", "2026-12-31")
                    .photos(null)
                    .inspectors("E01")
                    .conclusionSigned(false);

            assertThat(ins07(inspection))
                    .singleElement()
                    .extracting(Finding::message)
                    .isEqualTo("检查 I1（2026-10-09）档案不全：检查结论未签字；检查人员 1 人（至少 2 人）；结果 存在隐患 照片 0 张（至少 1 张）");
        }

        @Test
        void twoInspectorsSignedAndOnePhotoIsComplete() {
            assertThat(ins07(anInspection("I1")
                            .result("THEFT")
                            .notice("QD-1")
                            .inspectors("E01;E02")
                            .photos(1)))
                    .isEmpty();
        }

        @Test
        void normalResultNeedsNoPhoto() {
            assertThat(ins07(anInspection("I1").result("NORMAL").photos(0))).isEmpty();
        }
    }

    @Nested
    class Ins09SuspectedTheft {

        /** Nine periods of {@code earlier} kWh from 2025-11, then three of {@code recent} up to 2026-10. */
        private BundleBuilder consumption(double earlier, double recent) {
            double[] kwh = new double[12];
            for (int i = 0; i < 12; i++) {
                kwh[i] = i < 9 ? earlier : recent;
            }
            return aBundle(shop()).with(aMeter("M1")).with(readings("M1").monthlyFrom("2025-11", kwh));
        }

        @Test
        void lastThreePeriodsBelow30PercentOfTheNineBeforeRaiseIns09() {
            List<Finding> findings =
                    findingsOf("INS-09", AS_OF, consumption(1000, 290).build());

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-09", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo(
                            "用户 C001 最近 3 个月月均电量 290 kWh，低于之前 9 个月月均 1000 kWh 的 30 %，" + "2025-11-01 以来无暂停/减容申请和换表记录");
        }

        @Test
        void exactly30PercentDoesNotRaiseIns09() {
            assertThat(findingsOf("INS-09", AS_OF, consumption(1000, 300).build()))
                    .isEmpty();
        }

        @Test
        void earlierAverageMustReach100Kwh() {
            assertThat(findingsOf("INS-09", AS_OF, consumption(100, 29).build()))
                    .hasSize(1);
            assertThat(findingsOf("INS-09", AS_OF, consumption(99, 0).build())).isEmpty();
        }

        @Test
        void pauseOrCapacityReductionWithinTheTwelvePeriodsExplainsTheDrop() {
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(anApplication("A1")
                                            .type("PAUSE")
                                            .acceptedOn("2025-11-01")
                                            .archivedOn("2025-11-05"))
                                    .build()))
                    .isEmpty();
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(anApplication("A1")
                                            .type("CAPACITY_REDUCE")
                                            .acceptedOn("2026-10-31"))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void applicationBeforeTheTwelvePeriodsOrCancelledDoesNotExplainTheDrop() {
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(anApplication("A1")
                                            .type("PAUSE")
                                            .acceptedOn("2025-10-31")
                                            .archivedOn("2025-11-05"))
                                    .build()))
                    .hasSize(1);
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(anApplication("A1")
                                            .type("PAUSE")
                                            .acceptedOn("2026-08-03")
                                            .cancelled())
                                    .build()))
                    .hasSize(1);
        }

        @Test
        void meterReplacementWithinTheTwelvePeriodsExplainsTheDrop() {
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(aMeterEvent("E1").of("M1").replacement("2026-08-15"))
                                    .build()))
                    .isEmpty();
            assertThat(findingsOf(
                            "INS-09",
                            AS_OF,
                            consumption(1000, 100)
                                    .with(aMeterEvent("E1").of("M1").replacement("2025-10-31"))
                                    .build()))
                    .hasSize(1);
        }

        @Test
        void suspendedCustomerIsNotJudgedByIns09() {
            CustomerBundle bundle = aBundle(shop().suspended())
                    .with(aMeter("M1"))
                    .with(readings("M1")
                            .monthlyFrom("2025-11", 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 0, 0, 0))
                    .build();

            assertThat(findingsOf("INS-09", AS_OF, bundle)).isEmpty();
        }
    }
}
