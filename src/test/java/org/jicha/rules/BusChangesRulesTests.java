package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.ApplicationBuilder;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/bus/changes.drl: BUS-02 变更业务超时, BUS-03 归档信息与方案不符, BUS-05 暂停时长不合规,
 * BUS-06 容量变更未生效, BUS-07 过户未更名.
 */
class BusChangesRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBuilder factory() {
        return aCustomer("C001").largeIndustrial().named("青川县某机械厂");
    }

    private static CustomerBundle bundleWith(CustomerBuilder customer, ApplicationBuilder... applications) {
        var bundle = aBundle(customer);
        for (ApplicationBuilder a : applications) {
            bundle.with(a);
        }
        return bundle.build();
    }

    @Nested
    class Bus02ChangeApplicationOverdue {

        @Test
        void transferArchivedSixWorkingDaysAfterAcceptanceRaisesBus02() {
            // Tue 2026-09-01 -> Wed 2026-09-09: 9/2, 9/3, 9/4, 9/7, 9/8, 9/9 = 6 wd
            List<Finding> findings = findingsOf(
                    "BUS-02",
                    AS_OF,
                    bundleWith(
                            factory(),
                            anApplication("A1")
                                    .type("TRANSFER")
                                    .acceptedOn("2026-09-01")
                                    .archivedOn("2026-09-09")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-02", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).isEqualTo("工单 A1（过户）2026-09-01 受理，2026-09-09 归档，用时 6 个工作日，时限 5 个工作日");
        }

        @Test
        void archivedExactlyAtTheLimitDoesNotRaiseBus02() {
            assertThat(findingsOf(
                            "BUS-02",
                            AS_OF,
                            bundleWith(
                                    factory(),
                                    anApplication("A1")
                                            .type("PAUSE")
                                            .acceptedOn("2026-09-01")
                                            .archivedOn("2026-09-08"))))
                    .isEmpty();
        }

        @Test
        void changeInFlightIsRaisedAsSoonAsTheLimitHasPassed() {
            // Wed 2026-10-28 -> as-of Thu 2026-11-05: 6 wd; Thu 2026-10-29 -> 5 wd
            CustomerBundle bundle = bundleWith(
                    factory(),
                    anApplication("A1").type("CLOSE").acceptedOn("2026-10-28"),
                    anApplication("A2").type("CHANGE_CATEGORY").acceptedOn("2026-10-29"));

            List<Finding> findings = findingsOf("BUS-02", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-02", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("至 2026-11-05 仍未归档，已用 6 个工作日");
        }

        @Test
        void newConnectionsResumesAndCancelledChangesAreNotJudgedByBus02() {
            CustomerBundle bundle = bundleWith(
                    factory(),
                    anApplication("A1").type("LV_NEW").acceptedOn("2026-09-01").archivedOn("2026-09-30"),
                    anApplication("A2").type("RESUME").acceptedOn("2026-09-01").archivedOn("2026-09-30"),
                    anApplication("A3")
                            .type("CAPACITY_REDUCE")
                            .acceptedOn("2026-09-01")
                            .cancelled());

            assertThat(findingsOf("BUS-02", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Bus03ArchivedApplicationDiffersFromRecord {

        @Test
        void archivedNewConnectionWithAnotherCapacityRaisesBus03() {
            List<Finding> findings = findingsOf(
                    "BUS-03",
                    AS_OF,
                    bundleWith(
                            factory().contractKva(630),
                            anApplication("A1")
                                    .type("HV_NEW")
                                    .capacity(500, 10)
                                    .acceptedOn("2026-05-06")
                                    .archivedOn("2026-06-30")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-03", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .isEqualTo("工单 A1（高压新装）归档容量 500 kVA、电压 10 kV，用户 C001 档案合同容量 630 kVA、电压 10 kV");
        }

        @Test
        void archivedIncreaseWithAnotherVoltageRaisesBus03() {
            assertThat(findingsOf(
                            "BUS-03",
                            AS_OF,
                            bundleWith(
                                    factory().contractKva(630),
                                    anApplication("A1")
                                            .type("HV_INCREASE")
                                            .capacity(630, 35)
                                            .acceptedOn("2026-05-06")
                                            .archivedOn("2026-06-30"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-03", APPLICATION, "A1", null));
        }

        @Test
        void archivedApplicationMatchingTheRecordDoesNotRaiseBus03() {
            assertThat(findingsOf(
                            "BUS-03",
                            AS_OF,
                            bundleWith(
                                    factory().contractKva(630),
                                    anApplication("A1")
                                            .type("HV_NEW")
                                            .capacity(630, 10)
                                            .acceptedOn("2026-05-06")
                                            .archivedOn("2026-06-30"))))
                    .isEmpty();
        }

        @Test
        void anEarlierApplicationSupersededByALaterIncreaseIsNotCompared() {
            CustomerBundle bundle = bundleWith(
                    factory().contractKva(630),
                    anApplication("A1")
                            .type("HV_NEW")
                            .capacity(400, 10)
                            .acceptedOn("2020-01-02")
                            .archivedOn("2020-03-01"),
                    anApplication("A2")
                            .type("HV_INCREASE")
                            .capacity(630, 10)
                            .acceptedOn("2026-05-06")
                            .archivedOn("2026-06-30"));

            assertThat(findingsOf("BUS-03", AS_OF, bundle)).isEmpty();
        }

        @Test
        void inFlightOrChangeApplicationsAreNotJudgedByBus03() {
            CustomerBundle bundle = bundleWith(
                    factory().contractKva(630),
                    anApplication("A1").type("HV_INCREASE").capacity(1000, 10),
                    anApplication("A2")
                            .type("CAPACITY_REDUCE")
                            .capacity(315, 10)
                            .acceptedOn("2026-06-24")
                            .archivedOn("2026-06-30"));

            assertThat(findingsOf("BUS-03", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Bus05PauseDuration {

        private ApplicationBuilder pause(String appNo, String archivedOn) {
            return anApplication(appNo)
                    .type("PAUSE")
                    .capacity(800, 10)
                    .acceptedOn(archivedOn)
                    .archivedOn(archivedOn);
        }

        private ApplicationBuilder resume(String appNo, String acceptedOn) {
            return anApplication(appNo)
                    .type("RESUME")
                    .capacity(800, 10)
                    .acceptedOn(acceptedOn)
                    .archivedOn(acceptedOn);
        }

        @Test
        void pauseEndedAfterFourteenDaysRaisesBus05() {
            List<Finding> findings = findingsOf(
                    "BUS-05", AS_OF, bundleWith(factory(), pause("P1", "2026-05-29"), resume("R1", "2026-06-12")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-05", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).isEqualTo("用户 C001 暂停自 2026-05-29 至 2026-06-12 恢复，仅 14 天（不少于 15 天）");
        }

        @Test
        void pauseOfExactlyFifteenDaysDoesNotRaiseBus05() {
            assertThat(findingsOf(
                            "BUS-05",
                            AS_OF,
                            bundleWith(factory(), pause("P1", "2026-05-29"), resume("R1", "2026-06-13"))))
                    .isEmpty();
        }

        @Test
        void ongoingShortPauseIsNotYetJudged() {
            assertThat(findingsOf("BUS-05", AS_OF, bundleWith(factory(), pause("P1", "2026-10-30"))))
                    .isEmpty();
        }

        @Test
        void cancelledResumeDoesNotEndAPause() {
            assertThat(findingsOf(
                            "BUS-05",
                            AS_OF,
                            bundleWith(
                                    factory(),
                                    pause("P1", "2026-09-01"),
                                    anApplication("R1")
                                            .type("RESUME")
                                            .acceptedOn("2026-09-05")
                                            .cancelled())))
                    .isEmpty();
        }

        @Test
        void pauseDaysAddingUpToMoreThan183InAYearRaiseBus05() {
            // 2026-01-05 .. 2026-04-06 (91 days) + 2026-05-01 .. 2026-08-01 (92 days) + still paused from 2026-10-31 (5
            // days)
            CustomerBundle bundle = bundleWith(
                    factory(),
                    pause("P1", "2026-01-05"),
                    resume("R1", "2026-04-06"),
                    pause("P2", "2026-05-01"),
                    resume("R2", "2026-08-01"),
                    pause("P3", "2026-10-31"));

            List<Finding> findings = findingsOf("BUS-05", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-05", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).isEqualTo("用户 C001 2026 年累计暂停 188 天（不超过 183 天）");
        }

        @Test
        void pauseDaysAddingUpToExactly183DoNotRaiseBus05() {
            // 91 + 92 days in 2026
            CustomerBundle bundle = bundleWith(
                    factory(),
                    pause("P1", "2026-01-05"),
                    resume("R1", "2026-04-06"),
                    pause("P2", "2026-05-01"),
                    resume("R2", "2026-08-01"));

            assertThat(findingsOf("BUS-05", AS_OF, bundle)).isEmpty();
        }

        @Test
        void pauseAcrossNewYearCountsItsDaysInEachCalendarYear() {
            // 2025-08-01 .. 2026-03-01: 212 days, but 153 in 2025 and 59 in 2026; 2025-06-30 .. 2026-01-15: 185 in 2025
            CustomerBundle split = bundleWith(factory(), pause("P1", "2025-08-01"), resume("R1", "2026-03-01"));
            CustomerBundle longIn2025 = bundleWith(factory(), pause("P1", "2025-06-30"), resume("R1", "2026-01-15"));

            assertThat(findingsOf("BUS-05", AS_OF, split)).isEmpty();
            assertThat(findingsOf("BUS-05", AS_OF, longIn2025))
                    .singleElement()
                    .extracting(Finding::message)
                    .isEqualTo("用户 C001 2025 年累计暂停 185 天（不超过 183 天）");
        }
    }

    @Nested
    class Bus06CapacityChangeNotApplied {

        @Test
        void archivedCapacityReduceWithRunningStillAtContractRaisesBus06() {
            List<Finding> findings = findingsOf(
                    "BUS-06",
                    AS_OF,
                    bundleWith(
                            factory().contractKva(800),
                            anApplication("A1")
                                    .type("CAPACITY_REDUCE")
                                    .capacity(315, 10)
                                    .acceptedOn("2026-07-06")
                                    .archivedOn("2026-07-10")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-06", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .isEqualTo("工单 A1（减容，315 kVA）已于 2026-07-10 归档，用户 C001 运行容量 800 kVA 仍等于合同容量 800 kVA");
        }

        @Test
        void archivedPauseNotResumedWithRunningRecordedEqualToContractRaisesBus06() {
            assertThat(findingsOf(
                            "BUS-06",
                            AS_OF,
                            bundleWith(
                                    factory().contractKva(800).runningKva(800.0),
                                    anApplication("A1")
                                            .type("PAUSE")
                                            .capacity(800, 10)
                                            .archivedOn("2026-09-10"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-06", APPLICATION, "A1", null));
        }

        @Test
        void runningCapacityReducedDoesNotRaiseBus06() {
            assertThat(findingsOf(
                            "BUS-06",
                            AS_OF,
                            bundleWith(
                                    factory().contractKva(800).runningKva(485.0),
                                    anApplication("A1")
                                            .type("CAPACITY_REDUCE")
                                            .capacity(315, 10)
                                            .acceptedOn("2026-07-06")
                                            .archivedOn("2026-07-10"))))
                    .isEmpty();
        }

        @Test
        void resumedPauseOrPauseInFlightDoesNotRaiseBus06() {
            CustomerBundle resumed = bundleWith(
                    factory().contractKva(800),
                    anApplication("A1")
                            .type("PAUSE")
                            .capacity(800, 10)
                            .acceptedOn("2026-05-25")
                            .archivedOn("2026-05-29"),
                    anApplication("A2")
                            .type("RESUME")
                            .capacity(800, 10)
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-07-03"));
            CustomerBundle inFlight = bundleWith(
                    factory().contractKva(800),
                    anApplication("A1").type("PAUSE").capacity(800, 10).acceptedOn("2026-11-02"));

            assertThat(findingsOf("BUS-06", AS_OF, resumed)).isEmpty();
            assertThat(findingsOf("BUS-06", AS_OF, inFlight)).isEmpty();
        }
    }

    @Nested
    class Bus07TransferNotRenamed {

        @Test
        void archivedTransferToAnotherNameRaisesBus07() {
            List<Finding> findings = findingsOf(
                    "BUS-07",
                    AS_OF,
                    bundleWith(
                            aCustomer("C001").commercial().named("西关朱记超市"),
                            anApplication("A1")
                                    .type("TRANSFER")
                                    .applicant("新街蒋记快递站")
                                    .archivedOn("2026-09-28")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-07", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).isEqualTo("过户工单 A1 已于 2026-09-28 归档，申请人 新街蒋记快递站，用户 C001 户名仍为 西关朱记超市");
        }

        @Test
        void archivedTransferWithTheAccountRenamedDoesNotRaiseBus07() {
            assertThat(findingsOf(
                            "BUS-07",
                            AS_OF,
                            bundleWith(
                                    aCustomer("C001").commercial().named("新街蒋记快递站"),
                                    anApplication("A1")
                                            .type("TRANSFER")
                                            .applicant("新街蒋记快递站")
                                            .archivedOn("2026-09-28"))))
                    .isEmpty();
        }

        @Test
        void transferInFlightOrAnEarlierTransferSupersededDoesNotRaiseBus07() {
            CustomerBundle inFlight = bundleWith(
                    aCustomer("C001").commercial().named("西关朱记超市"),
                    anApplication("A1").type("TRANSFER").applicant("新街蒋记快递站").acceptedOn("2026-11-04"));
            CustomerBundle superseded = bundleWith(
                    aCustomer("C001").commercial().named("第三任户主"),
                    anApplication("A1")
                            .type("TRANSFER")
                            .applicant("第二任户主")
                            .acceptedOn("2024-03-01")
                            .archivedOn("2024-03-05"),
                    anApplication("A2")
                            .type("TRANSFER")
                            .applicant("第三任户主")
                            .acceptedOn("2026-03-02")
                            .archivedOn("2026-03-06"));

            assertThat(findingsOf("BUS-07", AS_OF, inFlight)).isEmpty();
            assertThat(findingsOf("BUS-07", AS_OF, superseded)).isEmpty();
        }
    }
}
