package org.jicha.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aMeterEvent;
import static org.jicha.facts.fixtures.Fixtures.aTariff;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.facts.fixtures.Fixtures.readings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jicha.calendar.CalendarFile;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.ApplicationBuilder;
import org.jicha.facts.fixtures.BundleBuilder;
import org.jicha.facts.fixtures.MeterBuilder;
import org.jicha.facts.fixtures.MeterEventBuilder;
import org.jicha.facts.fixtures.ReadingsBuilder;
import org.jicha.facts.fixtures.StandardTariffs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The derived history the assembler computes once so that rules stay simple. As of 2026-11-05 the audited period is 2026-10. */
class FactAssemblerTests {

    private static final AuditContext CTX = AuditContext.asOf(
            LocalDate.of(2026, 11, 5), CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv")));

    private final FactAssembler assembler = new FactAssembler(StandardTariffs.all());

    private <T> List<T> factsOf(Class<T> type, CustomerBundle bundle) {
        return assembler.assemble(bundle, CTX).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private CustomerFact customer(ReadingsBuilder... meterReadings) {
        var bundle = aBundle(aCustomer("C001"));
        for (ReadingsBuilder r : meterReadings) {
            bundle.with(r);
        }
        return factsOf(CustomerFact.class, bundle.build()).get(0);
    }

    private ApplicationFact application(ApplicationBuilder app) {
        return factsOf(
                        ApplicationFact.class,
                        aBundle(aCustomer("C001")).with(app).build())
                .get(0);
    }

    @Test
    void auditedPeriodIsTheMonthBeforeTheAsOfDate() {
        assertThat(CTX.getAuditedPeriod()).isEqualTo("2026-10");
        assertThat(CTX.getPeriodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(CTX.getPeriodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Nested
    class ConsumptionHistory {

        @Test
        void historyAveragesTheTwelvePeriodsBeforeTheAuditedOne() {
            // 2025-09 is the 13th period back and 2026-10 is the audited one: neither is history.
            CustomerFact c = customer(readings("M001")
                    .monthly("2025-09", 9999)
                    .monthlyFrom("2025-10", 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210)
                    .monthly("2026-10", 5000));

            assertThat(c.getHistoryMonths()).isEqualTo(12);
            assertThat(c.getHistoryAverageKwh()).isCloseTo(155.0, within(1e-9));
            assertThat(c.getPeriodKwh()).isEqualTo(5000.0);
        }

        @Test
        void historyAveragesOnlyThePeriodsThatHaveAValue() {
            CustomerFact c = customer(readings("M001")
                    .monthly("2026-01", 100)
                    .monthly("2026-05", 300)
                    .monthly("2026-10", 50));

            assertThat(c.getHistoryMonths()).isEqualTo(2);
            assertThat(c.getHistoryAverageKwh()).isEqualTo(200.0);
        }

        @Test
        void noHistoryGivesNoAverage() {
            CustomerFact c = customer(readings("M001").monthly("2026-10", 50));

            assertThat(c.getHistoryMonths()).isZero();
            assertThat(c.getHistoryAverageKwh()).isNull();
        }

        @Test
        void sameMonthLastYearIsTheAuditedMonthOneYearEarlier() {
            CustomerFact c = customer(readings("M001").monthlyFrom("2025-09", 90, 100, 110));

            assertThat(c.getSameMonthLastYearKwh()).isEqualTo(100.0);
            assertThat(c.getPeriodKwh()).isNull();
        }

        @Test
        void consumptionIsSummedOverTheCustomersMeters() {
            CustomerFact c = customer(
                    readings("M001").monthlyFrom("2026-09", 100, 120),
                    readings("M002").monthlyFrom("2026-09", 5, 7));

            assertThat(c.getConsumptionByPeriod())
                    .containsEntry("2026-09", 105.0)
                    .containsEntry("2026-10", 127.0);
            assertThat(c.getPeriodKwh()).isEqualTo(127.0);
        }

        @Test
        void periodsAfterTheAuditedOneAreIgnored() {
            CustomerFact c = customer(readings("M001").monthlyFrom("2026-10", 100, 7777));

            assertThat(c.getConsumptionByPeriod()).containsOnlyKeys("2026-10");
        }
    }

    @Nested
    class ZeroStreak {

        @Test
        void streakCountsZeroPeriodsEndingAtTheAuditedOne() {
            CustomerFact c = customer(readings("M001").monthlyFrom("2026-06", 0, 80, 0, 0, 0));

            assertThat(c.getZeroStreak()).isEqualTo(3);
            assertThat(c.getZeroStreakFrom()).isEqualTo("2026-08");
            assertThat(c.getZeroStreakStart()).isEqualTo(LocalDate.of(2026, 8, 1));
            assertThat(c.getZeroStreakEvidence()).isEqualTo("2026-08, 2026-09, 2026-10");
        }

        @Test
        void aMissingPeriodBreaksTheStreak() {
            CustomerFact c = customer(readings("M001").monthly("2026-07", 0).monthlyFrom("2026-09", 0, 0));

            assertThat(c.getZeroStreak()).isEqualTo(2);
            assertThat(c.getZeroStreakFrom()).isEqualTo("2026-09");
        }

        @Test
        void aMissedReadingIsNoValueAndBreaksTheStreak() {
            CustomerFact c = customer(
                    readings("M001").monthly("2026-07", 0).missed("2026-08").monthlyFrom("2026-09", 0, 0));

            assertThat(c.getZeroStreak()).isEqualTo(2);
            assertThat(c.getConsumptionByPeriod()).doesNotContainKey("2026-08");
        }

        @Test
        void noStreakWhenTheAuditedPeriodHasConsumptionOrNoValue() {
            assertThat(customer(readings("M001").monthlyFrom("2026-08", 0, 0, 1))
                            .getZeroStreak())
                    .isZero();
            CustomerFact unread = customer(readings("M001").monthlyFrom("2026-08", 0, 0));
            assertThat(unread.getZeroStreak()).isZero();
            assertThat(unread.getZeroStreakFrom()).isNull();
            assertThat(unread.getZeroStreakEvidence()).isEmpty();
        }
    }

    @Nested
    class Readings {

        @Test
        void onlyTheAuditedPeriodBecomesAReadingFact() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-09", 100).registers("2026-10", 5000, 4990))
                    .build();

            List<ReadingFact> facts = factsOf(ReadingFact.class, bundle);

            assertThat(facts).singleElement().satisfies(r -> {
                assertThat(r.getSubjectId()).isEqualTo("M001:2026-10");
                assertThat(r.getPrecedingCurrentValue()).isEqualTo(1100.0);
                assertThat(r.getRegisterCapacity()).isEqualTo(10_000.0);
            });
        }

        @Test
        void registerCapacityIsTenToTheDigitsOfTheLargestValueSeen() {
            assertThat(ReadingFacts.registerCapacity(0)).isEqualTo(10.0);
            assertThat(ReadingFacts.registerCapacity(99_999.9)).isEqualTo(100_000.0);
            assertThat(ReadingFacts.registerCapacity(100_000)).isEqualTo(1_000_000.0);
        }
    }

    @Nested
    class StepWorkingDays {

        @Test
        void aStepFinishedTheDayItStartedTakesZeroWorkingDays() {
            assertThat(application(anApplication("A1").step("SURVEY", "2026-09-02", "2026-09-02"))
                            .stepWd("SURVEY"))
                    .isZero();
        }

        @Test
        void aReturnedAndRedoneStepCountsFromFirstStartToLastFinish() {
            // Attempts of 1 wd each, but 1 -> 7 September spans 4 wd (2, 3, 4, 7).
            ApplicationFact a = application(anApplication("A1")
                    .returnedStep("PLAN_REPLY", "2026-09-01", "2026-09-02")
                    .step("PLAN_REPLY", "2026-09-04", "2026-09-07"));

            assertThat(a.stepWd("PLAN_REPLY")).isEqualTo(4);
            assertThat(a.getReturnedSteps()).isEqualTo(1);
        }

        @Test
        void anOpenStepCountsUpToTheAsOfDate() {
            // Tuesday 20 October to Thursday 5 November: 8 wd in October and 4 in November.
            assertThat(application(anApplication("A1").openStep("PLAN_REPLY", "2026-10-20"))
                            .stepWd("PLAN_REPLY"))
                    .isEqualTo(12);
        }

        @Test
        void aRedoStillOpenCountsUpToTheAsOfDate() {
            ApplicationFact a = application(anApplication("A1")
                    .returnedStep("PLAN_REPLY", "2026-10-20", "2026-10-21")
                    .openStep("PLAN_REPLY", "2026-10-22"));

            assertThat(a.stepWd("PLAN_REPLY")).isEqualTo(12);
        }

        @Test
        void aMissingStepHasNoSpan() {
            ApplicationFact a = application(anApplication("A1").step("SURVEY", "2026-09-02", "2026-09-03"));

            assertThat(a.stepWd("PLAN_REPLY")).isEqualTo(-1);
            assertThat(a.hasStep("PLAN_REPLY")).isFalse();
            assertThat(a.missingSteps("SURVEY, PLAN_REPLY,CONNECT")).isEqualTo("PLAN_REPLY,CONNECT");
        }

        @Test
        void wholeProcessAddsTheStepsFromAcceptThroughConnectButNotTheTimeBetweenThemNorArchive() {
            ApplicationFact a = application(anApplication("A1")
                    .step("ACCEPT", "2026-09-01", "2026-09-01") // 0
                    .step("SURVEY", "2026-09-02", "2026-09-03") // 1
                    .step("PLAN_REPLY", "2026-09-07", "2026-09-09") // 2
                    .step("CONNECT", "2026-09-14", "2026-09-15") // 1
                    .step("ARCHIVE", "2026-09-16", "2026-09-22")); // 4, not part of the whole process

            assertThat(a.getWholeProcessWorkingDays()).isEqualTo(4);
            assertThat(a.getConnectFinishedAt())
                    .isEqualTo(LocalDate.of(2026, 9, 15).atTime(17, 0));
        }
    }

    @Nested
    class LimitGroups {

        @Test
        void applicationTypesFallInTheColumnsOfTheStepLimitTable() {
            assertThat(application(anApplication("A1").type("RES_NEW")).getLimitGroup())
                    .isEqualTo("RES");
            assertThat(application(anApplication("A1").type("TEMP_NEW")).getLimitGroup())
                    .isEqualTo("LV");
            assertThat(application(anApplication("A1").type("LV_INCREASE")).getLimitGroup())
                    .isEqualTo("LV");
            assertThat(application(anApplication("A1").type("HV_NEW").supplyMode("DUAL"))
                            .getLimitGroup())
                    .isEqualTo("HV_DUAL");
            assertThat(application(anApplication("A1").type("HV_INCREASE").supplyMode("SINGLE"))
                            .getLimitGroup())
                    .isEqualTo("HV_SINGLE");
            assertThat(application(anApplication("A1").type("PAUSE")).getLimitGroup())
                    .isNull();
        }
    }

    @Nested
    class BillPricingAndLateFeeTerms {

        private final FactAssembler withTiers = new FactAssembler(List.of(
                aTariff("RES-T").price(0.5283).tiers(230, 400, 0.5783, 0.8283).build(),
                aTariff("LI-2P")
                        .category("LARGE_INDUSTRIAL")
                        .atVoltage(10)
                        .price(0.6318)
                        .basicPrices(27.0, 40.5)
                        .build()));

        private BillFact bill(FactAssembler assembler, CustomerBundle bundle) {
            return assembler.assemble(bundle, CTX).stream()
                    .filter(BillFact.class::isInstance)
                    .map(BillFact.class::cast)
                    .findFirst()
                    .orElseThrow();
        }

        @Test
        void theAppliedTariffsPricesAndTheExpectedEnergyChargeAreCarried() {
            BillFact b = bill(
                    withTiers,
                    aBundle(aCustomer("C001").tariff("RES-T"))
                            .with(aBill("B1").tariff("RES-T").energy(500, 0))
                            .build());

            assertThat(b.isTiered()).isTrue();
            assertThat(b.isTwoPartTariff()).isFalse();
            assertThat(b.getAppliedEnergyPrice()).isEqualTo(0.5283);
            assertThat(b.getAppliedTier2LimitKwh()).isEqualTo(400.0);
            // 230 x 0.5283 + 170 x 0.5783 + 100 x 0.8283
            assertThat(b.getExpectedEnergyCharge()).isEqualTo(302.65);
            assertThat(b.getEnergyChargeDifference()).isEqualTo(302.65);
        }

        @Test
        void aBillWithoutValidTariffVersionHasNoExpectedCharge() {
            BillFact b = bill(
                    withTiers,
                    aBundle(aCustomer("C001")).with(aBill("B1").tariff("NONE")).build());

            assertThat(b.getExpectedEnergyCharge()).isNull();
            assertThat(b.getEnergyChargeDifference()).isZero();
        }

        @Test
        void maxDemandSumsTheMetersOfThePeriodLeavingMissedReadingsOut() {
            BillFact b = bill(
                    withTiers,
                    aBundle(aCustomer("C001")
                                    .largeIndustrial()
                                    .tariff("LI-2P")
                                    .runningKva(1000.0)
                                    .basicChargeByDemand(900))
                            .with(readings("M1")
                                    .monthly("2026-09", 10)
                                    .maxDemand(999)
                                    .monthly("2026-10", 10)
                                    .maxDemand(600))
                            .with(readings("M2").monthly("2026-10", 10).maxDemand(300))
                            .with(readings("M3").missed("2026-10").maxDemand(5000))
                            .with(aBill("B1").tariff("LI-2P"))
                            .build());

            assertThat(b.getMaxDemandKw()).isEqualTo(900.0);
            assertThat(b.getCustomerRunningKva()).isEqualTo(1000.0);
            assertThat(b.getCustomerBasicChargeMode()).isEqualTo("DEMAND");
            assertThat(b.getCustomerDemandKw()).isEqualTo(900.0);
            assertThat(b.isTwoPartTariff()).isTrue();
            assertThat(b.billedDemandKw(0.4)).isEqualTo(900.0);
            assertThat(b.billedDemandKw(0.95)).isEqualTo(950.0);
        }

        @Test
        void daysLateCountFromTheDayAfterTheDueDateAndSplitAtTheBillsYearEnd() {
            BillFact b = bill(
                    withTiers,
                    aBundle(aCustomer("C001"))
                            .with(aBill("B1")
                                    .period("2025-11")
                                    .dueOn("2025-12-25")
                                    .paidOn("2026-01-04", null))
                            .build());

            assertThat(b.getDaysLate()).isEqualTo(10);
            assertThat(b.getDaysLateAfterYearEnd()).isEqualTo(4);
            assertThat(b.isPaidInAuditedPeriod()).isFalse();
        }

        @Test
        void aBillPaidInTheAuditedPeriodOnItsDueDateIsNotLate() {
            BillFact b = bill(
                    withTiers,
                    aBundle(aCustomer("C001"))
                            .with(aBill("B1")
                                    .period("2026-09")
                                    .dueOn("2026-10-31")
                                    .paidOn("2026-10-31", null))
                            .build());

            assertThat(b.isPaidInAuditedPeriod()).isTrue();
            assertThat(b.getDaysLate()).isZero();
            assertThat(b.expectedLateFee(0.001, 0.002, 0.003, 1)).isZero();
        }
    }

    @Nested
    class MeterDeviceHistory {

        private MeterFact meter(MeterBuilder m, MeterEventBuilder... events) {
            var bundle = aBundle(aCustomer("C001").commercial().contractKva(400))
                    .with(m)
                    .with(readings(m).monthly("2026-10", 5000));
            for (var e : events) {
                bundle.with(e.of(m.meterId()));
            }
            return factsOf(MeterFact.class, bundle.build()).get(0);
        }

        @Test
        void lastTestIsTheLaterOfFieldTestAndVerificationAndTheCustomersConsumptionIsShared() {
            MeterFact f = meter(
                    aMeter("M001").installedOn("2024-01-10").lastVerifiedOn("2026-03-01"),
                    aMeterEvent("T1").fieldTest("2025-12-01", 0.1));

            assertThat(f.getLastTestOn()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(f.isFieldTestSinceInstallation()).isTrue();
            assertThat(f.getCustomerPeriodKwh()).isEqualTo(5000.0);
            assertThat(f.getCustomerContractKva()).isEqualTo(400.0);
            assertThat(f.impliedMeteringClass(10000, 5e6, 2000, 1e6, 315, 1e5, 0.22))
                    .isEqualTo("III");
        }

        @Test
        void outOfToleranceTestRunsToTheFirstReplacementOnOrAfterIt() {
            // 0.5S: 1.26 % is out of tolerance; 26 -> 30 October is 4 wd. The 0.4 % test is within tolerance.
            MeterFact f = meter(
                    aMeter("M001").classes("III", "0.5S"),
                    aMeterEvent("T0").fieldTest("2026-06-01", 0.4),
                    aMeterEvent("R0").replacement("2026-06-02"),
                    aMeterEvent("T1").fieldTest("2026-10-26", 1.26),
                    aMeterEvent("R1").replacement("2026-10-30"));

            assertThat(f.getAccuracyLimitPct()).isEqualTo(0.5);
            assertThat(f.getOutOfToleranceTestNo()).isEqualTo("T1");
            assertThat(f.getOutOfToleranceUnreplacedWd()).isEqualTo(4);
            assertThat(f.getOutOfToleranceReplacedOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        }

        @Test
        void slowestFaultAndLatestSealChangeWithoutWorkOrderAreKept() {
            MeterFact f = meter(
                    aMeter("M001"),
                    aMeterEvent("F1").fault("2026-08-03", "2026-08-05"),
                    aMeterEvent("F2").fault("2026-10-28", null),
                    aMeterEvent("S1").sealChange("2026-06-01").withoutWorkOrder(),
                    aMeterEvent("S2").sealChange("2026-08-12").withoutWorkOrder());

            assertThat(f.getSlowestFaultNo()).isEqualTo("F2");
            assertThat(f.getSlowestFaultWd()).isEqualTo(6);
            assertThat(f.getSlowestFaultResolvedOn()).isNull();
            assertThat(f.getSealChangeWithoutWorkOrderNo()).isEqualTo("S2");
            assertThat(f.getSealChangesWithoutWorkOrder()).isEqualTo(2);
        }

        @Test
        void meterWithoutEventsHasNoSpans() {
            MeterFact f = meter(aMeter("M001"));

            assertThat(f.getOutOfToleranceUnreplacedWd()).isEqualTo(-1);
            assertThat(f.getSlowestFaultWd()).isEqualTo(-1);
            assertThat(f.isFieldTestSinceInstallation()).isFalse();
        }
    }

    @Nested
    class ProcessDates {

        @Test
        void connectToArchiveRunsToTheArchiveStepElseArchivedAtElseTheAsOfDate() {
            ApplicationFact withStep = application(anApplication("A1")
                    .acceptedOn("2026-07-31")
                    .step("CONNECT", "2026-07-31", "2026-08-03")
                    .step("ARCHIVE", "2026-08-04", "2026-08-11")
                    .archivedOn("2026-08-20"));
            ApplicationFact withArchivedAt = application(anApplication("A2")
                    .step("CONNECT", "2026-07-31", "2026-08-03")
                    .archivedOn("2026-08-10"));
            ApplicationFact open = application(anApplication("A3").step("CONNECT", "2026-10-23", "2026-10-26"));
            ApplicationFact notConnected = application(anApplication("A4").openStep("CONNECT", "2026-10-23"));

            assertThat(withStep.getConnectToArchiveWd()).isEqualTo(6);
            assertThat(withStep.getAcceptedOn()).isEqualTo(LocalDate.of(2026, 7, 31));
            assertThat(withStep.getAcceptedPeriod()).isEqualTo("2026-07");
            assertThat(withArchivedAt.getConnectToArchiveWd()).isEqualTo(5);
            assertThat(open.getConnectToArchiveWd()).isEqualTo(8);
            assertThat(open.getArchiveDoneOn()).isNull();
            assertThat(notConnected.getConnectToArchiveWd()).isEqualTo(-1);
        }
    }

    @Nested
    class ConsumptionAndAccountDerivations {

        @Test
        void deviationSharesCompareTheAuditedPeriodWithHistoryAndLastYear() {
            CustomerFact c = customer(readings("M001")
                    .monthly("2025-10", 100)
                    .monthlyFrom("2025-11", 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300)
                    .monthly("2026-10", 150));

            assertThat(c.getHistoryAverageKwh()).isCloseTo(283.333, within(1e-3));
            assertThat(c.getHistoryDeviationShare()).isCloseTo(133.333 / 283.333, within(1e-4));
            assertThat(c.getSameMonthDeviationShare()).isCloseTo(0.5, within(1e-9));
        }

        @Test
        void deviationAgainstAZeroOrMissingReferenceHasNoValue() {
            CustomerFact c = customer(readings("M001").monthly("2025-10", 0).monthly("2026-10", 150));

            assertThat(c.getSameMonthDeviationShare()).isNull();
            assertThat(c.getHistoryDeviationShare()).isNull();
            assertThat(customer(readings("M001").monthly("2026-09", 100)).getHistoryDeviationShare())
                    .isNull();
        }

        @Test
        void theOldestUnpaidBillIsTheOneWithTheEarliestDueDate() {
            var bundle = aBundle(aCustomer("C001"))
                    .with(aBill("B1").period("2026-05").dueOn("2026-06-15").paid("2026-06-10", 60.0))
                    .with(aBill("B2").period("2026-06").dueOn("2026-07-15").paid("2026-07-10", 40.0))
                    .with(aBill("B3").period("2026-07").dueOn("2026-08-15"))
                    .with(aBill("B4").period("2026-08").dueOn("2026-09-15").paid("2026-09-01", null))
                    .build();

            CustomerFact c = factsOf(CustomerFact.class, bundle).get(0);
            assertThat(c.getUnpaidBills()).isEqualTo(2);
            assertThat(c.getOldestUnpaidBillNo()).isEqualTo("B2");
            assertThat(c.getOldestUnpaidPeriod()).isEqualTo("2026-06");
            assertThat(c.getOldestUnpaidDueOn()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(c.getOldestUnpaidOutstanding()).isCloseTo(20.0, within(1e-9));
        }

        @Test
        void recordsAfterClosingAreThoseOfPeriodsStartingAfterTheClosingDate() {
            var bundle = aBundle(aCustomer("C001").closedOn("2026-09-15"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-08", 50, 20, 35))
                    .with(aBill("B9").period("2026-09"))
                    .with(aBill("B10").period("2026-10"))
                    .build();

            CustomerFact c = factsOf(CustomerFact.class, bundle).get(0);
            assertThat(c.getFirstPeriodAfterClosing()).isEqualTo("2026-10");
            assertThat(c.getRecordsAfterClosing()).isEqualTo("账单 B10（2026-10）、抄表 M001:2026-10");
        }

        @Test
        void readingKnowsItsPrecedingPeriodAndAReplacementSinceThatRead() {
            var bundle = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-08", 50).registers("2026-10", 0, 40))
                    .with(aMeterEvent("E1").of("M001").replacement("2026-08-31"))
                    .build();

            ReadingFact r = factsOf(ReadingFact.class, bundle).get(0);
            assertThat(r.getPrecedingPeriod()).isEqualTo("2026-08");
            assertThat(r.isReplacementSincePrecedingRead()).isTrue();
            assertThat(r.isReplacementInPeriod()).isFalse();
            assertThat(r.getRegisterGap()).isEqualTo(1050.0);
        }

        @Test
        void expectedConsumptionAddsTheRegisterCapacityOnlyForARollover() {
            var rollover = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").registers("2026-10", 99850, 120, 270))
                    .build();
            var backwards = aBundle(aCustomer("C001"))
                    .with(aMeter("M001"))
                    .with(readings("M001").registers("2026-10", 4623, 4622.5, 0))
                    .build();

            ReadingFact r = factsOf(ReadingFact.class, rollover).get(0);
            assertThat(r.isRollover(0.9)).isTrue();
            assertThat(r.expectedConsumptionKwh(0.9)).isCloseTo(270.0, within(1e-9));
            ReadingFact b = factsOf(ReadingFact.class, backwards).get(0);
            assertThat(b.isRollover(0.9)).isFalse();
            assertThat(b.expectedConsumptionKwh(0.9)).isCloseTo(-0.5, within(1e-9));
            assertThat(b.consumptionDeviationKwh(0.9)).isCloseTo(0.5, within(1e-9));
        }

        @Test
        void firstBillSinceArchiveIgnoresBillsBeforeTheArchiveMonth() {
            var bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("RES_NEW")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-08-20"))
                    .with(aBill("B1").period("2026-07"))
                    .with(aBill("B2").period("2026-09"))
                    .build();

            ApplicationFact a = factsOf(ApplicationFact.class, bundle).get(0);
            assertThat(a.getArchivedOn()).isEqualTo(LocalDate.of(2026, 8, 20));
            assertThat(a.getFirstBillPeriodSinceArchive()).isEqualTo("2026-09");
            assertThat(application(anApplication("A2").type("RES_NEW")).getFirstBillPeriodSinceArchive())
                    .isNull();
        }
    }

    @Nested
    class BusInsDerivedValues {

        private CustomerFact customerWith(BundleBuilder bundle) {
            return factsOf(CustomerFact.class, bundle.build()).get(0);
        }

        @Test
        void pausesRunFromArchivingToTheNextResumeAndCountEachDayOncePerYear() {
            CustomerFact c = customerWith(aBundle(aCustomer("C001"))
                    .with(anApplication("P1")
                            .type("PAUSE")
                            .acceptedOn("2026-05-25")
                            .archivedOn("2026-05-29"))
                    .with(anApplication("R0")
                            .type("RESUME")
                            .acceptedOn("2026-06-01")
                            .cancelled())
                    .with(anApplication("R1")
                            .type("RESUME")
                            .acceptedOn("2026-06-05")
                            .archivedOn("2026-06-08"))
                    .with(anApplication("P2")
                            .type("PAUSE")
                            .acceptedOn("2026-10-26")
                            .archivedOn("2026-10-30")));

            assertThat(c.getShortestEndedPauseDays()).isEqualTo(7);
            assertThat(c.getShortestEndedPauseFrom()).isEqualTo(LocalDate.of(2026, 5, 29));
            assertThat(c.getShortestEndedPauseTo()).isEqualTo(LocalDate.of(2026, 6, 5));
            // 7 days ended + 2026-10-30 .. 2026-11-04 still paused (6 days)
            assertThat(c.getMostPauseDaysInAYear()).isEqualTo(13);
            assertThat(c.getMostPauseDaysYear()).isEqualTo(2026);
        }

        @Test
        void maxDemandIsSummedOverMetersAndTheLowestOfTheLastPeriodsNeedsEveryPeriod() {
            CustomerFact c = customer(
                    readings("M1")
                            .monthlyFrom("2026-09", 100, 100)
                            .maxDemand("2026-09", 200)
                            .maxDemand("2026-10", 150),
                    readings("M2").monthlyFrom("2026-09", 100, 100).maxDemand("2026-10", 100));

            assertThat(c.getMaxDemandByPeriod()).containsExactly(entry("2026-09", 200.0), entry("2026-10", 250.0));
            assertThat(c.lowestMaxDemandOfLast(2)).isEqualTo(200.0);
            assertThat(c.lowestMaxDemandOfLast(3)).isNull();
        }

        @Test
        void averagesLeaveOutPeriodsWithoutValue() {
            CustomerFact c = customer(readings("M1")
                    .monthlyFrom("2026-06", 100, 200, 300)
                    .missed("2026-09")
                    .monthly("2026-10", 50));

            assertThat(c.averageKwh(0, 2)).isEqualTo(50.0);
            assertThat(c.averageKwh(1, 2)).isEqualTo(300.0);
            assertThat(c.averageKwh(2, 3)).isEqualTo(200.0);
            assertThat(c.averageKwh(6, 3)).isNull();
            assertThat(c.firstDayOfLastPeriods(12)).isEqualTo(LocalDate.of(2025, 11, 1));
        }

        @Test
        void inspectionCycleDefaultsByVoltageAndRunsFromTheLastInspection() {
            CustomerFact c = customerWith(aBundle(aCustomer("C001").commercial().atVoltage(10))
                    .with(anInspection("I1").inspectedOn("2025-03-01"))
                    .with(anInspection("I2").inspectedOn("2025-09-30")));

            assertThat(c.inspectionCycleMonthsOr(35, 6, 10, 12, 24)).isEqualTo(12);
            assertThat(c.inspectionDueOn(12)).isEqualTo(LocalDate.of(2026, 9, 30));
        }

        @Test
        void applicationKnowsItsTimeToArchiveAndWhetherALaterOneOfItsKindWasArchived() {
            // A2: Thu 2026-10-08 -> Mon 2026-10-12 with the make-up working Saturday 2026-10-10: 3 wd
            List<ApplicationFact> apps = factsOf(
                    ApplicationFact.class,
                    aBundle(aCustomer("C001"))
                            .with(anApplication("A1")
                                    .type("LV_NEW")
                                    .acceptedOn("2026-09-01")
                                    .archivedOn("2026-09-09"))
                            .with(anApplication("A2")
                                    .type("LV_INCREASE")
                                    .acceptedOn("2026-10-08")
                                    .archivedOn("2026-10-12"))
                            .with(anApplication("A3").type("TRANSFER").acceptedOn("2026-10-29"))
                            .with(anApplication("A4")
                                    .type("PAUSE")
                                    .acceptedOn("2026-10-08")
                                    .cancelled())
                            .build());

            assertThat(apps)
                    .extracting(
                            ApplicationFact::getAppNo,
                            ApplicationFact::getArchiveWorkingDays,
                            ApplicationFact::isLatestArchivedOfItsKind)
                    .containsExactly(
                            tuple("A1", 6, false), tuple("A2", 3, true), tuple("A3", 5, false), tuple("A4", -1, false));
        }
    }
}
