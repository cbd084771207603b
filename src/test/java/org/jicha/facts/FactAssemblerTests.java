package org.jicha.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.facts.fixtures.Fixtures.readings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jicha.calendar.CalendarFile;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.ApplicationBuilder;
import org.jicha.facts.fixtures.ReadingsBuilder;
import org.jicha.facts.fixtures.StandardTariffs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The derived history the assembler computes once so that rules stay simple. As of 2026-11-05 the audited period is 2026-10. */
class FactAssemblerTests {

    private static final AuditContext CTX = AuditContext.asOf(LocalDate.of(2026, 11, 5),
            CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv")));

    private final FactAssembler assembler = new FactAssembler(StandardTariffs.all());

    private <T> List<T> factsOf(Class<T> type, CustomerBundle bundle) {
        return assembler.assemble(bundle, CTX).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private CustomerFact customer(ReadingsBuilder... meterReadings) {
        var bundle = aBundle(aCustomer("C001"));
        for (ReadingsBuilder r : meterReadings) {
            bundle.with(r);
        }
        return factsOf(CustomerFact.class, bundle.build()).get(0);
    }

    private ApplicationFact application(ApplicationBuilder app) {
        return factsOf(ApplicationFact.class, aBundle(aCustomer("C001")).with(app).build()).get(0);
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
            CustomerFact c = customer(readings("M001").monthly("2026-01", 100).monthly("2026-05", 300).monthly("2026-10", 50));

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
            CustomerFact c = customer(readings("M001").monthlyFrom("2026-09", 100, 120), readings("M002").monthlyFrom("2026-09", 5, 7));

            assertThat(c.getConsumptionByPeriod()).containsEntry("2026-09", 105.0).containsEntry("2026-10", 127.0);
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
            CustomerFact c = customer(readings("M001").monthly("2026-07", 0).missed("2026-08").monthlyFrom("2026-09", 0, 0));

            assertThat(c.getZeroStreak()).isEqualTo(2);
            assertThat(c.getConsumptionByPeriod()).doesNotContainKey("2026-08");
        }

        @Test
        void noStreakWhenTheAuditedPeriodHasConsumptionOrNoValue() {
            assertThat(customer(readings("M001").monthlyFrom("2026-08", 0, 0, 1)).getZeroStreak()).isZero();
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
            CustomerBundle bundle = aBundle(aCustomer("C001")).with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-09", 100).registers("2026-10", 5000, 4990)).build();

            List<ReadingFact> facts = factsOf(ReadingFact.class, bundle);

            assertThat(facts).singleElement().satisfies(r -> {
                assertThat(r.getSubjectId()).isEqualTo("M001:2026-10");
                assertThat(r.getPrecedingCurrentValue()).isEqualTo(1100.0);
                assertThat(r.getRegisterCapacity()).isEqualTo(10_000.0);
            });
        }

        @Test
        void registerCapacityIsTenToTheDigitsOfTheLargestValueSeen() {
            assertThat(FactAssembler.registerCapacity(0)).isEqualTo(10.0);
            assertThat(FactAssembler.registerCapacity(99_999.9)).isEqualTo(100_000.0);
            assertThat(FactAssembler.registerCapacity(100_000)).isEqualTo(1_000_000.0);
        }
    }

    @Nested
    class StepWorkingDays {

        @Test
        void aStepFinishedTheDayItStartedTakesZeroWorkingDays() {
            assertThat(application(anApplication("A1").step("SURVEY", "2026-09-02", "2026-09-02")).stepWd("SURVEY")).isZero();
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
            assertThat(application(anApplication("A1").openStep("PLAN_REPLY", "2026-10-20")).stepWd("PLAN_REPLY")).isEqualTo(12);
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
                    .step("ACCEPT", "2026-09-01", "2026-09-01")          // 0
                    .step("SURVEY", "2026-09-02", "2026-09-03")          // 1
                    .step("PLAN_REPLY", "2026-09-07", "2026-09-09")      // 2
                    .step("CONNECT", "2026-09-14", "2026-09-15")         // 1
                    .step("ARCHIVE", "2026-09-16", "2026-09-22"));       // 4, not part of the whole process

            assertThat(a.getWholeProcessWorkingDays()).isEqualTo(4);
            assertThat(a.getConnectFinishedAt()).isEqualTo(LocalDate.of(2026, 9, 15).atTime(17, 0));
        }
    }

    @Nested
    class LimitGroups {

        @Test
        void applicationTypesFallInTheColumnsOfTheStepLimitTable() {
            assertThat(application(anApplication("A1").type("RES_NEW")).getLimitGroup()).isEqualTo("RES");
            assertThat(application(anApplication("A1").type("TEMP_NEW")).getLimitGroup()).isEqualTo("LV");
            assertThat(application(anApplication("A1").type("LV_INCREASE")).getLimitGroup()).isEqualTo("LV");
            assertThat(application(anApplication("A1").type("HV_NEW").supplyMode("DUAL")).getLimitGroup()).isEqualTo("HV_DUAL");
            assertThat(application(anApplication("A1").type("HV_INCREASE").supplyMode("SINGLE")).getLimitGroup()).isEqualTo("HV_SINGLE");
            assertThat(application(anApplication("A1").type("PAUSE")).getLimitGroup()).isNull();
        }
    }

    @Nested
    class BusInsDerivedValues {

        private CustomerFact customerWith(org.jicha.facts.fixtures.BundleBuilder bundle) {
            return factsOf(CustomerFact.class, bundle.build()).get(0);
        }

        @Test
        void pausesRunFromArchivingToTheNextResumeAndCountEachDayOncePerYear() {
            CustomerFact c = customerWith(aBundle(aCustomer("C001"))
                    .with(anApplication("P1").type("PAUSE").acceptedOn("2026-05-25").archivedOn("2026-05-29"))
                    .with(anApplication("R0").type("RESUME").acceptedOn("2026-06-01").cancelled())
                    .with(anApplication("R1").type("RESUME").acceptedOn("2026-06-05").archivedOn("2026-06-08"))
                    .with(anApplication("P2").type("PAUSE").acceptedOn("2026-10-26").archivedOn("2026-10-30")));

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
                    readings("M1").monthlyFrom("2026-09", 100, 100).maxDemand("2026-09", 200).maxDemand("2026-10", 150),
                    readings("M2").monthlyFrom("2026-09", 100, 100).maxDemand("2026-10", 100));

            assertThat(c.getMaxDemandByPeriod()).containsExactly(entry("2026-09", 200.0), entry("2026-10", 250.0));
            assertThat(c.lowestMaxDemandOfLast(2)).isEqualTo(200.0);
            assertThat(c.lowestMaxDemandOfLast(3)).isNull();
        }

        @Test
        void averagesLeaveOutPeriodsWithoutValue() {
            CustomerFact c = customer(readings("M1").monthlyFrom("2026-06", 100, 200, 300).missed("2026-09").monthly("2026-10", 50));

            assertThat(c.averageKwh(0, 2)).isEqualTo(50.0);
            assertThat(c.averageKwh(1, 2)).isEqualTo(300.0);
            assertThat(c.averageKwh(2, 3)).isEqualTo(200.0);
            assertThat(c.averageKwh(6, 3)).isNull();
            assertThat(c.firstDayOfLastPeriods(12)).isEqualTo(LocalDate.of(2025, 11, 1));
        }

        @Test
        void inspectionCycleDefaultsByVoltageAndRunsFromTheLastInspection() {
            CustomerFact c = customerWith(aBundle(aCustomer("C001").commercial().atVoltage(10))
                    .with(anInspection("I1").inspectedOn("2025-03-01")).with(anInspection("I2").inspectedOn("2025-09-30")));

            assertThat(c.inspectionCycleMonthsOr(35, 6, 10, 12, 24)).isEqualTo(12);
            assertThat(c.inspectionDueOn(12)).isEqualTo(LocalDate.of(2026, 9, 30));
        }

        @Test
        void applicationKnowsItsTimeToArchiveAndWhetherALaterOneOfItsKindWasArchived() {
            // A2: Thu 2026-10-08 -> Mon 2026-10-12 with the make-up working Saturday 2026-10-10: 3 wd
            List<ApplicationFact> apps = factsOf(ApplicationFact.class, aBundle(aCustomer("C001"))
                    .with(anApplication("A1").type("LV_NEW").acceptedOn("2026-09-01").archivedOn("2026-09-09"))
                    .with(anApplication("A2").type("LV_INCREASE").acceptedOn("2026-10-08").archivedOn("2026-10-12"))
                    .with(anApplication("A3").type("TRANSFER").acceptedOn("2026-10-29"))
                    .with(anApplication("A4").type("PAUSE").acceptedOn("2026-10-08").cancelled())
                    .build());

            assertThat(apps).extracting(ApplicationFact::getAppNo, ApplicationFact::getArchiveWorkingDays,
                            ApplicationFact::isLatestArchivedOfItsKind)
                    .containsExactly(tuple("A1", 6, false), tuple("A2", 3, true), tuple("A3", 5, false), tuple("A4", -1, false));
        }
    }
}
