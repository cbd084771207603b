package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.SubjectType.METER;
import static org.jicha.facts.SubjectType.READING;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aMeterEvent;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.MeterBuilder;
import org.jicha.facts.fixtures.MeterEventBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/met/devices.drl: MET-02 .. MET-05, MET-07 .. MET-10. As-of date Thursday 2026-11-05; working days on the
 * shipped calendar: Monday 26 October to Thursday 5 November is 8 wd (27, 28, 29, 30 October, 2, 3, 4, 5 November).
 */
class MetDevicesRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle meterWith(MeterBuilder meter, MeterEventBuilder... events) {
        var bundle = aBundle(aCustomer("C001").commercial()).with(meter);
        for (MeterEventBuilder e : events) {
            bundle.with(e.of(meter.meterId()));
        }
        return bundle.build();
    }

    @Nested
    class Met02ReadingMultiplier {

        @Test
        void readingMultiplierOtherThanTheMeterRecordsRaisesMet02ForTheAuditedPeriod() {
            MeterBuilder meter = aMeter("M001").threePhase().ct(30).multiplier(30);
            CustomerBundle bundle = aBundle(aCustomer("C001").commercial())
                    .with(meter)
                    .with(readings("M001").multiplier(20).monthlyFrom("2026-09", 400, 400))
                    .build();

            List<Finding> findings = findingsOf("MET-02", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-02", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message()).contains("M001", "2026-10", "抄表倍率 20，", "档案综合倍率 30");
        }

        @Test
        void multiplierOffByAThousandthRaisesMet02() {
            CustomerBundle bundle = aBundle(aCustomer("C001").commercial())
                    .with(aMeter("M001").multiplier(30))
                    .with(readings("M001").multiplier(30.001).monthly("2026-10", 300))
                    .build();

            assertThat(findingsOf("MET-02", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-02", READING, "M001:2026-10", "2026-10"));
        }

        @Test
        void equalMultiplierOrAMismatchBeforeTheAuditedPeriodDoesNotRaiseMet02() {
            CustomerBundle bundle = aBundle(aCustomer("C001").commercial())
                    .with(aMeter("M001").multiplier(30))
                    .with(readings("M001")
                            .multiplier(20)
                            .monthly("2026-09", 300)
                            .multiplier(30)
                            .monthly("2026-10", 300))
                    .build();

            assertThat(findingsOf("MET-02", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Met03MeteringClass {

        private CustomerBundle customerOf(CustomerBuilder customer, MeterBuilder meter, double octoberKwh) {
            return aBundle(customer)
                    .with(meter)
                    .with(readings(meter).monthly("2026-10", octoberKwh))
                    .build();
        }

        @Test
        void customerOf400KvaMeteredAsClassFourRaisesMet03() {
            List<Finding> findings = findingsOf(
                    "MET-03",
                    AS_OF,
                    customerOf(
                            aCustomer("C001").commercial().contractKva(400),
                            aMeter("M001").threePhase().classes("IV", "1"),
                            5000));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-03", METER, "M001", null));
            assertThat(findings.get(0).message())
                    .contains("M001", "档案为 Ⅳ类", "合同容量 400 kVA", "2026-10 电量 5000 kWh", "应为 Ⅲ类", "准确度不低于 1");
        }

        @Test
        void contractCapacityExactlyAtTheClassThreeMinimumRaisesMet03() {
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(315),
                                    aMeter("M001").threePhase().classes("IV", "1"),
                                    5000)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-03", METER, "M001", null));
        }

        @Test
        void capacityJustBelowTheMinimumDoesNotRaiseMet03() {
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(314),
                                    aMeter("M001").threePhase().classes("IV", "1"),
                                    5000)))
                    .isEmpty();
        }

        @Test
        void monthlyConsumptionAtTheClassThreeMinimumRaisesMet03AndJustBelowDoesNot() {
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(100),
                                    aMeter("M001").threePhase().classes("IV", "1"),
                                    100_000)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-03", METER, "M001", null));
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(100),
                                    aMeter("M001").threePhase().classes("IV", "1"),
                                    99_999)))
                    .isEmpty();
        }

        @Test
        void meterCoarserThanTheClassAllowsRaisesMet03() {
            List<Finding> findings = findingsOf(
                    "MET-03",
                    AS_OF,
                    customerOf(
                            aCustomer("C001").commercial().contractKva(2000),
                            aMeter("M001").threePhase().classes("II", "1"),
                            5000));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-03", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("准确度 1", "应为 Ⅱ类", "准确度不低于 0.5");
        }

        @Test
        void threePhaseCustomerOnAClassFiveMeterRaisesMet03() {
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(30),
                                    aMeter("M001").classes("V", "2"),
                                    300)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-03", METER, "M001", null));
        }

        @Test
        void meterOfTheRequiredClassOrFinerDoesNotRaiseMet03() {
            assertThat(findingsOf(
                            "MET-03",
                            AS_OF,
                            customerOf(
                                    aCustomer("C001").commercial().contractKva(400),
                                    aMeter("M001").threePhase().classes("III", "0.5S"),
                                    5000),
                            customerOf(
                                    aCustomer("C002").commercial().contractKva(2000),
                                    aMeter("M002").threePhase().classes("II", "0.5"),
                                    5000),
                            customerOf(
                                    aCustomer("C003").residential(),
                                    aMeter("M003").classes("V", "2"),
                                    120),
                            customerOf(
                                    aCustomer("C004").commercial().contractKva(50),
                                    aMeter("M004").threePhase().classes("IV", "2"),
                                    900)))
                    .isEmpty();
        }
    }

    @Nested
    class Met04FieldTestOverdue {

        private MeterBuilder classThree() {
            return aMeter("M001").threePhase().classes("III", "0.5S").ct(20).multiplier(20);
        }

        @Test
        void classThreeMeterTestedMoreThanTwelveMonthsAgoRaisesMet04() {
            List<Finding> findings = findingsOf(
                    "MET-04",
                    AS_OF,
                    meterWith(
                            classThree().lastVerifiedOn("2025-06-01"),
                            aMeterEvent("E1").fieldTest("2025-11-04", 0.1)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-04", METER, "M001", null));
            assertThat(findings.get(0).message())
                    .contains("M001", "Ⅲ类", "最近现场检验 2025-11-04", "检验周期 12 个月")
                    .doesNotContain("装表后无");
        }

        @Test
        void testExactlyTwelveMonthsBeforeTheAsOfDateIsStillCurrent() {
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(classThree(), aMeterEvent("E1").fieldTest("2025-11-05", 0.1))))
                    .isEmpty();
        }

        @Test
        void lastVerifiedOnLaterThanTheLastFieldTestCounts() {
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(
                                    classThree().lastVerifiedOn("2026-08-01"),
                                    aMeterEvent("E1").fieldTest("2025-06-01", 0.1))))
                    .isEmpty();
        }

        @Test
        void classTwoMeterHasASixMonthCycle() {
            MeterBuilder classTwo = aMeter("M001").threePhase().classes("II", "0.5S");
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(classTwo, aMeterEvent("E1").fieldTest("2026-05-04", 0.1))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-04", METER, "M001", null));
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(
                                    aMeter("M001").threePhase().classes("II", "0.5S"),
                                    aMeterEvent("E1").fieldTest("2026-05-05", 0.1))))
                    .isEmpty();
        }

        @Test
        void meterInstalledMoreThanAMonthAgoWithoutAFieldTestRaisesMet04() {
            List<Finding> findings = findingsOf(
                    "MET-04",
                    AS_OF,
                    meterWith(classThree().installedOn("2026-10-04").lastVerifiedOn("2026-09-20")));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-04", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("装表 2026-10-04", "装表后无现场检验记录");
        }

        @Test
        void meterInstalledExactlyOneMonthAgoIsNotYetDue() {
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(classThree().installedOn("2026-10-05").lastVerifiedOn("2026-09-20"))))
                    .isEmpty();
        }

        @Test
        void classFourOrRemovedMeterDoesNotRaiseMet04() {
            assertThat(findingsOf(
                            "MET-04",
                            AS_OF,
                            meterWith(aMeter("M001").threePhase().lastVerifiedOn("2020-01-01")),
                            aBundle(aCustomer("C002"))
                                    .with(classThree().removedOn("2026-10-01"))
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class Met05OutOfToleranceNotReplaced {

        private MeterBuilder halfS() {
            return aMeter("M001").threePhase().classes("III", "0.5S");
        }

        @Test
        void outOfToleranceTestWithoutReplacementRaisesMet05() {
            List<Finding> findings = findingsOf(
                    "MET-05", AS_OF, meterWith(halfS(), aMeterEvent("T1").fieldTest("2026-10-26", 1.26)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-05", METER, "M001", null));
            assertThat(findings.get(0).message())
                    .contains(
                            "M001",
                            "准确度 0.5S",
                            "允许 ±0.5 %",
                            "T1",
                            "2026-10-26",
                            "误差 1.26 %",
                            "至 2026-11-05 未换表",
                            "8 个工作日",
                            "时限 3");
        }

        @Test
        void replacementWithinThreeWorkingDaysDoesNotRaiseMet05() {
            assertThat(findingsOf(
                            "MET-05",
                            AS_OF,
                            meterWith(
                                    halfS(),
                                    aMeterEvent("T1").fieldTest("2026-10-26", -1.26),
                                    aMeterEvent("R1").replacement("2026-10-29"))))
                    .isEmpty();
        }

        @Test
        void replacementOnTheFourthWorkingDayRaisesMet05() {
            List<Finding> findings = findingsOf(
                    "MET-05",
                    AS_OF,
                    meterWith(
                            halfS(),
                            aMeterEvent("T1").fieldTest("2026-10-26", -1.26),
                            aMeterEvent("R1").replacement("2026-10-30")));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-05", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("误差 -1.26 %", "2026-10-30 才换表", "4 个工作日");
        }

        @Test
        void errorExactlyAtTheAccuracyClassIsWithinTolerance() {
            assertThat(findingsOf(
                            "MET-05",
                            AS_OF,
                            meterWith(halfS(), aMeterEvent("T1").fieldTest("2026-06-01", 0.5))))
                    .isEmpty();
        }

        @Test
        void testOnlyThreeWorkingDaysBeforeTheAsOfDateIsNotYetOverdue() {
            assertThat(findingsOf(
                            "MET-05",
                            AS_OF,
                            meterWith(halfS(), aMeterEvent("T1").fieldTest("2026-11-02", 1.26))))
                    .isEmpty();
        }

        @Test
        void classTwoMeterToleratesTwoPercent() {
            assertThat(findingsOf(
                            "MET-05",
                            AS_OF,
                            meterWith(aMeter("M001"), aMeterEvent("T1").fieldTest("2026-06-01", 1.9))))
                    .isEmpty();
            assertThat(findingsOf(
                            "MET-05",
                            AS_OF,
                            meterWith(aMeter("M001"), aMeterEvent("T1").fieldTest("2026-06-01", 2.1))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-05", METER, "M001", null));
        }
    }

    @Nested
    class Met07FaultResolvedLate {

        @Test
        void faultResolvedAfterSixWorkingDaysRaisesMet07() {
            List<Finding> findings = findingsOf(
                    "MET-07", AS_OF, meterWith(aMeter("M001"), aMeterEvent("F1").fault("2026-10-26", "2026-11-03")));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-07", METER, "M001", null));
            assertThat(findings.get(0).message())
                    .contains("M001", "F1", "2026-10-26", "2026-11-03 处理完毕", "6 个工作日", "时限 5");
        }

        @Test
        void faultResolvedAfterExactlyFiveWorkingDaysDoesNotRaiseMet07() {
            assertThat(findingsOf(
                            "MET-07",
                            AS_OF,
                            meterWith(aMeter("M001"), aMeterEvent("F1").fault("2026-10-26", "2026-11-02"))))
                    .isEmpty();
        }

        @Test
        void openFaultRaisesMet07OnceItsLimitHasPassed() {
            List<Finding> findings = findingsOf(
                    "MET-07", AS_OF, meterWith(aMeter("M001"), aMeterEvent("F1").fault("2026-10-28", null)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-07", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("至 2026-11-05 未处理", "6 个工作日");
            assertThat(findingsOf(
                            "MET-07",
                            AS_OF,
                            meterWith(aMeter("M001"), aMeterEvent("F1").fault("2026-10-29", null))))
                    .isEmpty();
        }

        @Test
        void faultAcrossNationalDayCountsWorkingDaysOnly() {
            // 30 September to 9 October: 8 and 9 October only (1 to 7 October are holidays) = 2 wd.
            assertThat(findingsOf(
                            "MET-07",
                            AS_OF,
                            meterWith(aMeter("M001"), aMeterEvent("F1").fault("2026-09-30", "2026-10-09"))))
                    .isEmpty();
        }
    }

    @Nested
    class Met08ReadAfterRemoval {

        @Test
        void readingForAPeriodAfterRemovalRaisesMet08() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").removedOn("2026-09-15"))
                    .with(readings("M001").monthlyFrom("2026-08", 100, 50, 35))
                    .build();

            List<Finding> findings = findingsOf("MET-08", AS_OF, bundle);

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-08", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("M001", "2026-09-15 拆除", "2026-10 的抄表记录");
        }

        @Test
        void readingOfAPeriodStartingOnTheRemovalDayIsNotAfterIt() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").removedOn("2026-10-01"))
                    .with(readings("M001").monthlyFrom("2026-09", 100, 0))
                    .build();

            assertThat(findingsOf("MET-08", AS_OF, bundle)).isEmpty();
        }

        @Test
        void finalReadingWithinTheRemovalMonthDoesNotRaiseMet08() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").removedOn("2026-09-15"))
                    .with(readings("M001").monthlyFrom("2026-08", 100, 50))
                    .build();

            assertThat(findingsOf("MET-08", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Met09NoMeterInService {

        @Test
        void activeCustomerWhoseOnlyMeterWasRemovedRaisesMet09() {
            List<Finding> findings = findingsOf(
                    "MET-09",
                    AS_OF,
                    aBundle(aCustomer("C001"))
                            .with(aMeter("M001").removedOn("2026-10-12"))
                            .build());

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-09", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "表计 1 只均已拆除", "在运表计 0 只");
        }

        @Test
        void activeCustomerWithoutAnyMeterRecordIsNotJudged() {
            assertThat(findingsOf("MET-09", AS_OF, aBundle(aCustomer("C001")).build()))
                    .isEmpty();
        }

        @Test
        void oneMeterInServiceOrACustomerNotActiveDoesNotRaiseMet09() {
            assertThat(findingsOf(
                            "MET-09",
                            AS_OF,
                            aBundle(aCustomer("C001"))
                                    .with(aMeter("M001").removedOn("2026-10-12"))
                                    .with(aMeter("M002").installedOn("2026-10-12"))
                                    .build(),
                            aBundle(aCustomer("C002").closedOn("2026-09-15"))
                                    .with(aMeter("M003").removedOn("2026-09-15"))
                                    .build(),
                            aBundle(aCustomer("C003").suspended()).build()))
                    .isEmpty();
        }
    }

    @Nested
    class Met10SealChangeWithoutWorkOrder {

        @Test
        void sealChangeWithoutWorkOrderRaisesMet10() {
            List<Finding> findings = findingsOf(
                    "MET-10",
                    AS_OF,
                    meterWith(
                            aMeter("M001"),
                            aMeterEvent("S1").sealChange("2026-08-12").withoutWorkOrder(),
                            aMeterEvent("S2").sealChange("2026-06-01")));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-10", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("M001", "1 次无工单封印变更", "S1", "2026-08-12");
        }

        @Test
        void sealChangeWithAWorkOrderOrOtherEventWithoutOneDoesNotRaiseMet10() {
            assertThat(findingsOf(
                            "MET-10",
                            AS_OF,
                            meterWith(
                                    aMeter("M001"),
                                    aMeterEvent("S1").sealChange("2026-08-12"),
                                    aMeterEvent("F1")
                                            .fault("2026-08-12", "2026-08-12")
                                            .withoutWorkOrder())))
                    .isEmpty();
        }
    }
}
