package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.SubjectType.METER;
import static org.jicha.facts.SubjectType.READING;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aMeterEvent;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.ReadingsBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/bil/reading.drl: BIL-01 超期未抄, BIL-03 示数倒走, BIL-06 零电量. As of 2026-11-05 the audited period is 2026-10. */
class BilReadingRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle customerWith(CustomerBuilder customer, ReadingsBuilder meterReadings) {
        return aBundle(customer).with(aMeter("M001")).with(meterReadings).build();
    }

    @Nested
    class Bil01MeterNotRead {

        @Test
        void meterWithoutReadingForTheAuditedPeriodRaisesBil01() {
            List<Finding> findings = findingsOf(
                    "BIL-01",
                    AS_OF,
                    customerWith(aCustomer("C001"), readings("M001").monthlyFrom("2026-08", 120, 130)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-01", METER, "M001", "2026-10"));
            assertThat(findings.get(0).message()).contains("M001", "2026-10", "无抄表记录");
        }

        @Test
        void missedReadTypeCountsAsNotReadAndRaisesBil01() {
            List<Finding> findings = findingsOf(
                    "BIL-01",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001").monthlyFrom("2026-08", 120, 130).missed("2026-10")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-01", METER, "M001", "2026-10"));
            assertThat(findings.get(0).message()).contains("抄表类型为 未抄").doesNotContain("MISSED");
        }

        @Test
        void customerOpenedTheDayBeforeTheAuditedPeriodIsExpectedToBeRead() {
            assertThat(findingsOf(
                            "BIL-01",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001").openedOn("2026-09-30"),
                                    readings("M001").monthly("2026-09", 0))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-01", METER, "M001", "2026-10"));
        }

        @Test
        void customerOpenedOnTheFirstDayOfTheAuditedPeriodIsNotYetDue() {
            assertThat(findingsOf(
                            "BIL-01", AS_OF, customerWith(aCustomer("C001").openedOn("2026-10-01"), readings("M001"))))
                    .isEmpty();
        }

        @Test
        void meterInstalledDuringTheAuditedPeriodIsNotYetDue() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").removedOn("2026-10-14"))
                    .with(aMeter("M002").installedOn("2026-10-14"))
                    .with(readings("M001").monthlyFrom("2026-08", 120, 130, 60))
                    .build();

            assertThat(findingsOf("BIL-01", AS_OF, bundle)).isEmpty();
        }

        @Test
        void actualOrEstimatedReadingForThePeriodDoesNotRaiseBil01() {
            assertThat(findingsOf(
                            "BIL-01",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").monthlyFrom("2026-09", 120, 130)),
                            customerWith(
                                    aCustomer("C002"),
                                    readings("M001").monthly("2026-09", 120).estimated("2026-10", 125))))
                    .isEmpty();
        }

        @Test
        void removedMeterOrSuspendedCustomerIsNotExpectedToBeRead() {
            CustomerBundle removed = aBundle(aCustomer("C001"))
                    .with(aMeter("M001").removedOn("2026-09-20"))
                    .build();
            CustomerBundle suspended =
                    aBundle(aCustomer("C002").suspended()).with(aMeter("M002")).build();

            assertThat(findingsOf("BIL-01", AS_OF, removed, suspended)).isEmpty();
        }
    }

    @Nested
    class Bil03RegisterWentBackwards {

        @Test
        void lowerCurrentValueWithoutReplacementRaisesBil03() {
            List<Finding> findings = findingsOf(
                    "BIL-03",
                    AS_OF,
                    customerWith(
                            aCustomer("C001"),
                            readings("M001").monthly("2026-09", 120).registers("2026-10", 5000, 4990)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-03", READING, "M001:2026-10", "2026-10"));
            assertThat(findings.get(0).message())
                    .contains("M001", "2026-10", "本期示数 4990 ", "上期示数 5000", "10000")
                    .doesNotContain("4990.0");
        }

        @Test
        void previousValueAtExactlyNinetyPercentOfCapacityReadsAsRollover() {
            assertThat(findingsOf(
                            "BIL-03",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 90000, 5))))
                    .isEmpty();
        }

        @Test
        void previousValueJustBelowNinetyPercentOfCapacityIsNoRollover() {
            assertThat(findingsOf(
                            "BIL-03",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 89999, 5))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-03", READING, "M001:2026-10", "2026-10"));
        }

        @Test
        void replacementEventInThePeriodExplainsALowerValue() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").registers("2026-10", 5000, 30))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-10-12"))
                    .build();

            assertThat(findingsOf("BIL-03", AS_OF, bundle)).isEmpty();
        }

        @Test
        void replacementInThePreviousPeriodDoesNotExplainALowerValue() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").registers("2026-10", 5000, 30))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-09-30"))
                    .build();

            assertThat(findingsOf("BIL-03", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-03", READING, "M001:2026-10", "2026-10"));
        }

        @Test
        void registerMovingForwardOrStandingStillDoesNotRaiseBil03() {
            assertThat(findingsOf(
                            "BIL-03",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").registers("2026-10", 5000, 5120)),
                            customerWith(aCustomer("C002"), readings("M001").registers("2026-10", 5000, 5000))))
                    .isEmpty();
        }

        @Test
        void onlyTheAuditedPeriodIsJudged() {
            assertThat(findingsOf(
                            "BIL-03",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001")
                                            .registers("2026-09", 5000, 4990)
                                            .registers("2026-10", 4990, 5100))))
                    .isEmpty();
        }
    }

    @Nested
    class Bil06ZeroConsumption {

        @Test
        void zeroConsumptionForThreeMonthsBelow10kVRaisesBil06ForTheAuditedPeriod() {
            List<Finding> findings = findingsOf(
                    "BIL-06",
                    AS_OF,
                    customerWith(
                            aCustomer("C001").atVoltage(0.4), readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-10"));
            assertThat(findings.get(0).message()).contains("C001", "0.4 kV", "连续 3 个月", "2026-08, 2026-09, 2026-10");
        }

        @Test
        void zeroConsumptionForTwoMonthsBelow10kVDoesNotRaiseBil06() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(aCustomer("C001"), readings("M001").monthlyFrom("2026-07", 120, 120, 0, 0))))
                    .isEmpty();
        }

        @Test
        void oneZeroMonthAtExactly10kVRaisesBil06() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001").largeIndustrial().atVoltage(10),
                                    readings("M001").monthlyFrom("2026-09", 5000, 0))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void oneZeroMonthJustBelow10kVDoesNotRaiseBil06() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001").atVoltage(6),
                                    readings("M001").monthlyFrom("2026-09", 5000, 0))))
                    .isEmpty();
        }

        @Test
        void continuingStreakIsReportedForEachAuditedPeriod() {
            CustomerBundle bundle =
                    customerWith(aCustomer("C001"), readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0, 0));

            assertThat(findingsOf("BIL-06", AS_OF.plusMonths(1), bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-11"));
        }

        @Test
        void consumptionIsSummedOverTheCustomersMeters() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-08", 0, 0, 0))
                    .with(aMeter("M002"))
                    .with(readings("M002").monthlyFrom("2026-08", 0, 0, 15))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle)).isEmpty();
        }

        @Test
        void pauseAcceptedDuringTheZeroPeriodsExplainsThem() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))
                    .with(anApplication("A1").type("PAUSE").acceptedOn("2026-09-15"))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle)).isEmpty();
        }

        @Test
        void pauseAcceptedThirtyDaysBeforeTheZeroPeriodsExplainsThem() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))
                    .with(anApplication("A1")
                            .type("PAUSE")
                            .acceptedOn("2026-07-02")
                            .archivedOn("2026-07-03"))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle)).isEmpty();
        }

        @Test
        void pauseAcceptedThirtyOneDaysBeforeTheZeroPeriodsDoesNotExplainThem() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))
                    .with(anApplication("A1")
                            .type("PAUSE")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-07-03"))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void cancelledPauseOrOtherApplicationDoesNotExplainZeroConsumption() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))
                    .with(anApplication("A1")
                            .type("PAUSE")
                            .acceptedOn("2026-09-15")
                            .cancelled())
                    .with(anApplication("A2").type("TRANSFER").acceptedOn("2026-09-15"))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-06", CUSTOMER, "C001", "2026-10"));
        }

        @Test
        void capacityReductionAcceptedDuringTheZeroPeriodsExplainsThem() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))
                    .with(anApplication("A1").type("CAPACITY_REDUCE").acceptedOn("2026-10-31"))
                    .build();

            assertThat(findingsOf("BIL-06", AS_OF, bundle)).isEmpty();
        }

        @Test
        void suspendedCustomerWithZeroConsumptionDoesNotRaiseBil06() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001").suspended(),
                                    readings("M001").monthlyFrom("2026-07", 120, 0, 0, 0))))
                    .isEmpty();
        }

        @Test
        void aPeriodWithoutReadingBreaksTheStreak() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001").monthly("2026-07", 0).monthlyFrom("2026-09", 0, 0))))
                    .isEmpty();
        }

        @Test
        void aMissedReadingIsNoValueAndBreaksTheStreak() {
            assertThat(findingsOf(
                            "BIL-06",
                            AS_OF,
                            customerWith(
                                    aCustomer("C001"),
                                    readings("M001")
                                            .monthly("2026-07", 0)
                                            .missed("2026-08")
                                            .monthlyFrom("2026-09", 0, 0))))
                    .isEmpty();
        }
    }
}
