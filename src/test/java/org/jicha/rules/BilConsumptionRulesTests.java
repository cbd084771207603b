package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.BILL;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.SubjectType.METER;
import static org.jicha.facts.SubjectType.READING;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aMeterEvent;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.ReadingsBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/bil/consumption.drl: BIL-02 连续估抄, BIL-04 抄见电量计算错误, BIL-05 示数不连续, BIL-07 电量突增突减,
 * BIL-09 电价电压等级不符. As of 2026-11-05 the audited period is 2026-10; 60 days before is 2026-09-06.
 */
class BilConsumptionRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle customerWith(CustomerBuilder customer, ReadingsBuilder meterReadings) {
        return aBundle(customer).with(aMeter("M001")).with(meterReadings).build();
    }

    /** Twelve periods 2025-10 .. 2026-09 of {@code kwh} each, then {@code audited} kWh in 2026-10. */
    private static ReadingsBuilder historyThen(double kwh, double audited) {
        double[] values = new double[13];
        Arrays.fill(values, kwh);
        values[12] = audited;
        return readings("M001").monthlyFrom("2025-10", values);
    }

    @Nested
    class Bil02ConsecutiveEstimates {

        @Test
        void estimatedInTheAuditedPeriodAndTheOneBeforeRaisesBil02() {
            // the last real read (of 2026-08, taken 2026-09-07) is only 59 days old: the two estimates alone fire
            List<Finding> findings = findingsOf(
                    "BIL-02",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001")
                                    .monthly("2026-08", 120)
                                    .readOn("2026-09-07")
                                    .estimated("2026-09", 120)
                                    .estimated("2026-10", 120)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-02", METER, "M001", "2026-10"));
            assertThat(findings.get(0).message()).contains("M001", "2026-10 抄表类型 估抄", "上月 估抄", "最近实抄日期 2026-09-07");
        }

        @Test
        void oneEstimatedPeriodAfterARecentRealReadDoesNotRaiseBil02() {
            assertThat(findingsOf(
                            "BIL-02",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001")
                                            .remote("2026-09", 120)
                                            .readOn("2026-10-01")
                                            .estimated("2026-10", 120))))
                    .isEmpty();
        }

        @Test
        void lastRealReadSixtyOneDaysBeforeTheAsOfDateRaisesBil02() {
            List<Finding> findings = findingsOf(
                    "BIL-02",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001")
                                    .monthly("2026-08", 120)
                                    .readOn("2026-09-05")
                                    .missed("2026-09")
                                    .estimated("2026-10", 120)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-02", METER, "M001", "2026-10"));
            assertThat(findings.get(0).message()).contains("最近实抄日期 2026-09-05", "基准日 2026-11-05", "限 60 天");
        }

        @Test
        void lastRealReadExactlySixtyDaysBeforeTheAsOfDateDoesNotRaiseBil02() {
            assertThat(findingsOf(
                            "BIL-02",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001")
                                            .monthly("2026-08", 120)
                                            .readOn("2026-09-06")
                                            .missed("2026-09")
                                            .estimated("2026-10", 120))))
                    .isEmpty();
        }

        @Test
        void meterNeverReadForRealSinceItsInstallationMoreThanSixtyDaysAgoRaisesBil02() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").installedOn("2026-09-05"))
                    .with(readings("M001").estimated("2026-10", 80))
                    .build();

            List<Finding> findings = findingsOf("BIL-02", AS_OF, bundle);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-02", METER, "M001", "2026-10"));
            assertThat(findings.get(0).message()).contains("2026-10 抄表类型 估抄", "上月 无（无抄表记录）", "最近实抄日期 无（装表 2026-09-05）");
        }

        @Test
        void meterInstalledSixtyDaysAgoIsNotYetDueForARealRead() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").installedOn("2026-09-06"))
                    .with(readings("M001").estimated("2026-10", 80))
                    .build();

            assertThat(findingsOf("BIL-02", AS_OF, bundle)).isEmpty();
        }

        @Test
        void suspendedCustomerOrRemovedMeterDoesNotRaiseBil02() {
            ReadingsBuilder estimates =
                    readings("M001").estimated("2026-09", 120).estimated("2026-10", 120);
            CustomerBundle suspended = customerWith(aCustomer("C001").suspended(), estimates);
            CustomerBundle removed = aBundle(aCustomer("C002"))
                    .with(aMeter("M002").removedOn("2026-10-31"))
                    .with(readings("M002").estimated("2026-09", 120).estimated("2026-10", 120))
                    .build();

            assertThat(findingsOf("BIL-02", AS_OF, suspended, removed)).isEmpty();
        }
    }

    @Nested
    class Bil04ConsumptionMiscalculated {

        @Test
        void consumptionThatDoesNotMatchTheRegistersRaisesBil04() {
            List<Finding> findings = findingsOf(
                    "BIL-04",
                    AS_OF,
                    customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 5000, 5068, 168)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-04", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message())
                    .contains("M001", "抄见电量 168 kWh", "(5068 - 5000) × 1 = 68 kWh", "相差 100 kWh", "允差 1 kWh");
        }

        @Test
        void consumptionOffByExactlyOneKwhDoesNotRaiseBil04() {
            assertThat(findingsOf(
                            "BIL-04",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 5000, 5068, 69))))
                    .isEmpty();
        }

        @Test
        void consumptionOffByMoreThanOneKwhRaisesBil04() {
            assertThat(findingsOf(
                            "BIL-04",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 5000, 5068, 69.5))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-04", READING, "M001:2026-10", "2026-10"));
        }

        @Test
        void consumptionUsesTheReadingsOwnMultiplier() {
            CustomerBundle right = customerWith(
                    aCustomer("C001"), readings("M001").multiplier(20).registers("2026-10", 500, 510, 200));
            CustomerBundle wrong = customerWith(
                    aCustomer("C002"), readings("M001").multiplier(20).registers("2026-10", 500, 510, 10));

            List<Finding> findings = findingsOf("BIL-04", AS_OF, right, wrong);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-04", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).customerNo()).isEqualTo("C002");
            assertThat(findings.get(0).message()).contains("(510 - 500) × 20 = 200 kWh");
        }

        @Test
        void registerRolloverIsCorrectedByTheRegisterCapacity() {
            assertThat(findingsOf(
                            "BIL-04",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 99850, 120, 270))))
                    .isEmpty();
        }

        @Test
        void rolloverBilledWithoutTheCapacityRaisesBil04() {
            List<Finding> findings = findingsOf(
                    "BIL-04",
                    AS_OF,
                    customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 99850, 120, 0)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-04", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message()).contains("(120 - 99850 + 100000) × 1 = 270 kWh");
        }

        @Test
        void registerSlightlyBackwardsWithoutRolloverIsNotCorrectedAndStaysWithinTolerance() {
            // BIL-03's case: 4623 -> 4622.5 is no rollover, so the advance is -0.5 kWh, not 9999.5
            assertThat(findingsOf(
                            "BIL-04",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 4623, 4622.5, 0))))
                    .isEmpty();
        }

        @Test
        void onlyTheAuditedPeriodIsJudged() {
            assertThat(findingsOf(
                            "BIL-04",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001")
                                            .registers("2026-09", 5000, 5068, 168)
                                            .registers("2026-10", 5068, 5100, 32))))
                    .isEmpty();
        }
    }

    @Nested
    class Bil05RegisterNotContinuous {

        @Test
        void previousValueThatDiffersFromTheLastCurrentValueRaisesBil05() {
            List<Finding> findings = findingsOf(
                    "BIL-05",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001").monthly("2026-09", 100).registers("2026-10", 1110, 1200)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-05", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message()).contains("M001", "上期示数 1110", "2026-09 本期示数为 1100", "相差 10");
        }

        @Test
        void differenceOfOneCentRaisesBil05() {
            assertThat(findingsOf(
                            "BIL-05",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001").monthly("2026-09", 100).registers("2026-10", 1100.01, 1200))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-05", READING, "M001:2026-10", "2026-10"));
        }

        @Test
        void differenceOfExactlyHalfACentDoesNotRaiseBil05() {
            assertThat(findingsOf(
                            "BIL-05",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001").monthly("2026-09", 100).registers("2026-10", 1100.005, 1200))))
                    .isEmpty();
        }

        @Test
        void continuousRegistersDoNotRaiseBil05() {
            assertThat(findingsOf(
                            "BIL-05",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").monthlyFrom("2026-08", 100, 120, 130))))
                    .isEmpty();
        }

        @Test
        void firstReadingOfAMeterHasNothingToContinue() {
            assertThat(findingsOf(
                            "BIL-05",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 1110, 1200))))
                    .isEmpty();
        }

        @Test
        void comparesWithTheMetersLastEarlierReadingAcrossAGap() {
            List<Finding> findings = findingsOf(
                    "BIL-05",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001").monthly("2026-08", 100).registers("2026-10", 1150, 1200)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-05", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message()).contains("2026-08 本期示数为 1100", "相差 50");
        }

        @Test
        void replacementInThePeriodExplainsANewStartValue() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-09", 100).registers("2026-10", 0, 80))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-10-01"))
                    .build();

            assertThat(findingsOf("BIL-05", AS_OF, bundle)).isEmpty();
        }

        @Test
        void replacementOnTheDayOfThePrecedingReadExplainsANewStartValue() {
            // the fixture reads 2026-09 on 2026-09-30; the device was swapped right after that read
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-09", 100).registers("2026-10", 0, 80))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-09-30"))
                    .build();

            assertThat(findingsOf("BIL-05", AS_OF, bundle)).isEmpty();
        }

        @Test
        void replacementBeforeThePrecedingReadDoesNotExplainAGap() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-09", 100).registers("2026-10", 0, 80))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-09-15"))
                    .build();

            assertThat(findingsOf("BIL-05", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-05", READING, "M001:2026-10", "2026-10"));
        }
    }

    @Nested
    class Bil07SuddenChange {

        @Test
        void doubledConsumptionAgainstHistoryAndLastYearRaisesBil07ForTheAuditedPeriod() {
            List<Finding> findings =
                    findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), historyThen(200, 400)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-07", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message())
                    .contains(
                            "C001",
                            "0.22 kV",
                            "2026-10 电量 400 kWh",
                            "历史月均 200 kWh（12 个月）",
                            "偏离 100%",
                            "去年同月 200 kWh",
                            "限 50%");
        }

        @Test
        void suddenDropRaisesBil07() {
            List<Finding> findings = findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), historyThen(200, 50)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-07", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message()).contains("偏离 75%");
        }

        @Test
        void changeOfExactlyFiftyPercentDoesNotRaiseBil07() {
            assertThat(findingsOf(
                            "BIL-07",
                            AS_OF,
                            customerWith(aCustomer("C001"), historyThen(200, 300)),
                            customerWith(aCustomer("C002"), historyThen(200, 100))))
                    .isEmpty();
        }

        @Test
        void changeAgainstHistoryOnlyDoesNotRaiseBil07() {
            // same month last year was as high as this month: a seasonal peak
            ReadingsBuilder seasonal = readings("M001")
                    .monthly("2025-10", 400)
                    .monthlyFrom("2025-11", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200)
                    .monthly("2026-10", 400);

            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), seasonal)))
                    .isEmpty();
        }

        @Test
        void historyAverageOfExactly100KwhBelow10kVIsJudged() {
            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), historyThen(100, 200))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-07", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void historyAverageBelow100KwhIsTooSmallToJudge() {
            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), historyThen(99, 300))))
                    .isEmpty();
        }

        @Test
        void at10kVTheHistoryAverageMustReach1000Kwh() {
            assertThat(findingsOf(
                            "BIL-07",
                            AS_OF,
                            customerWith(aCustomer("C001").largeIndustrial(), historyThen(1000, 2500)),
                            customerWith(aCustomer("C002").largeIndustrial(), historyThen(999, 2500))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-07", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void sixMonthsOfHistoryAreEnough() {
            ReadingsBuilder six =
                    readings("M001").monthly("2025-10", 200).monthlyFrom("2026-05", 200, 200, 200, 200, 200, 400);

            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), six)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-07", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void fiveMonthsOfHistoryAreNotEnough() {
            ReadingsBuilder five =
                    readings("M001").monthly("2025-10", 200).monthlyFrom("2026-06", 200, 200, 200, 200, 400);

            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), five)))
                    .isEmpty();
        }

        @Test
        void withoutTheSameMonthLastYearThereIsNothingToCompare() {
            ReadingsBuilder noLastYear =
                    readings("M001").monthlyFrom("2025-11", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 400);

            assertThat(findingsOf("BIL-07", AS_OF, customerWith(aCustomer("C001"), noLastYear)))
                    .isEmpty();
        }

        @Test
        void increaseAcceptedThirtyDaysBeforeThePeriodExplainsTheChange() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(historyThen(200, 400))
                    .with(anApplication("A1").type("LV_INCREASE").acceptedOn("2026-09-01"))
                    .build();

            assertThat(findingsOf("BIL-07", AS_OF, bundle)).isEmpty();
        }

        @Test
        void pauseAcceptedDuringThePeriodExplainsTheChange() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(historyThen(200, 50))
                    .with(anApplication("A1").type("PAUSE").acceptedOn("2026-10-31"))
                    .build();

            assertThat(findingsOf("BIL-07", AS_OF, bundle)).isEmpty();
        }

        @Test
        void applicationThirtyOneDaysBeforeThePeriodOrCancelledDoesNotExplainTheChange() {
            CustomerBundle early = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(historyThen(200, 400))
                    .with(anApplication("A1").type("HV_INCREASE").acceptedOn("2026-08-31"))
                    .build();
            CustomerBundle cancelled = aBundle(aCustomer("C002"))
                    .with(aMeter("M002"))
                    .with(readings("M002")
                            .monthlyFrom("2025-10", 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 400))
                    .with(anApplication("A2")
                            .type("CAPACITY_REDUCE")
                            .acceptedOn("2026-10-10")
                            .cancelled())
                    .build();

            assertThat(findingsOf("BIL-07", AS_OF, early, cancelled))
                    .extracting(RuleTestKit::key)
                    .containsExactly(
                            finding("BIL-07", CUSTOMER, "C001", "2026-10"),
                            finding("BIL-07", CUSTOMER, "C002", "2026-10"));
        }

        @Test
        void suspendedCustomerDoesNotRaiseBil07() {
            assertThat(findingsOf(
                            "BIL-07", AS_OF, customerWith(aCustomer("C001").suspended(), historyThen(200, 400))))
                    .isEmpty();
        }
    }

    @Nested
    class Bil09TariffVoltageMismatch {

        @Test
        void tariffOfAnotherVoltageLevelRaisesBil09() {
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial().atVoltage(35))
                    .with(aBill("B1").tariff("LI-10"))
                    .build();

            List<Finding> findings = findingsOf("BIL-09", AS_OF, bundle);
            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-09", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message()).contains("B1", "2026-10", "LI-10", "电压等级为 10 kV", "用户供电电压 35 kV");
        }

        @Test
        void tariffOfTheCustomersVoltageDoesNotRaiseBil09() {
            assertThat(findingsOf(
                            "BIL-09",
                            AS_OF,
                            aBundle(aCustomer("C001").largeIndustrial())
                                    .with(aBill("B1").tariff("LI-10"))
                                    .build(),
                            aBundle(aCustomer("C002").commercial())
                                    .with(aBill("B2").tariff("COM-0.4"))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void lowVoltageCustomerOnALowVoltageTariffOfAnotherNominalLevelRaisesBil09() {
            // 0.22 kV household billed on the 0.4 kV commercial tariff: the voltage levels differ
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aBill("B1").tariff("COM-0.4"))
                    .build();

            assertThat(findingsOf("BIL-09", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-09", BILL, "B1", "2026-10"));
        }

        @Test
        void billsOfEarlierPeriodsOrOfAnUnknownTariffAreNotJudged() {
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial().atVoltage(35))
                    .with(aBill("B0").period("2026-09").tariff("LI-10"))
                    .with(aBill("B1").tariff("NO-SUCH"))
                    .build();

            assertThat(findingsOf("BIL-09", AS_OF, bundle)).isEmpty();
        }
    }
}
