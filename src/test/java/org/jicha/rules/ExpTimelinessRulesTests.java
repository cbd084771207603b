package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.fixtures.Fixtures.aBill;
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
 * rules/exp/timeliness.drl: EXP-02 .. EXP-08, EXP-10. Spans are counted on the shipped calendar; August 2026 has
 * no holiday: Monday 3 August to Friday 7 August is 4 wd, to Monday 10 August 5, to Monday 17 August 10.
 */
class ExpTimelinessRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle bundleWith(ApplicationBuilder... applications) {
        var bundle = aBundle(aCustomer("C001").largeIndustrial());
        for (ApplicationBuilder a : applications) {
            bundle.with(a);
        }
        return bundle.build();
    }

    private static ApplicationBuilder hvSingle(String appNo) {
        return anApplication(appNo).type("HV_NEW").supplyMode("SINGLE");
    }

    @Nested
    class Exp02DesignReviewOverdue {

        @Test
        void designReviewOfElevenWorkingDaysRaisesExp02() {
            List<Finding> findings = findingsOf(
                    "EXP-02",
                    AS_OF,
                    bundleWith(hvSingle("A1")
                            .step("DESIGN_REVIEW", "2026-08-03", "2026-08-18")
                            .archivedOn("2026-09-30")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-02", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1", "高压新装", "设计审核用时 11 个工作日", "时限 10")
                    .doesNotContain("在途");
        }

        @Test
        void designReviewOfExactlyTenWorkingDaysDoesNotRaiseExp02() {
            assertThat(findingsOf(
                            "EXP-02",
                            AS_OF,
                            bundleWith(
                                    hvSingle("A1").step("DESIGN_REVIEW", "2026-08-03", "2026-08-17"),
                                    anApplication("A2")
                                            .type("HV_INCREASE")
                                            .supplyMode("DUAL")
                                            .step("DESIGN_REVIEW", "2026-08-03", "2026-08-17"))))
                    .isEmpty();
        }

        @Test
        void openDesignReviewCountsUpToTheAsOfDate() {
            // 20 October to 5 November: 12 wd.
            List<Finding> findings =
                    findingsOf("EXP-02", AS_OF, bundleWith(hvSingle("A1").openStep("DESIGN_REVIEW", "2026-10-20")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-02", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("12 个工作日", "在途");
        }

        @Test
        void lowVoltageOrCancelledApplicationDoesNotRaiseExp02() {
            assertThat(findingsOf(
                            "EXP-02",
                            AS_OF,
                            bundleWith(
                                    anApplication("A1")
                                            .type("LV_NEW")
                                            .step("DESIGN_REVIEW", "2026-08-03", "2026-08-31"),
                                    hvSingle("A2")
                                            .step("DESIGN_REVIEW", "2026-08-03", "2026-08-31")
                                            .cancelled())))
                    .isEmpty();
        }
    }

    @Nested
    class Exp03MidCheckOverdue {

        @Test
        void midCheckOfSixWorkingDaysRaisesExp03() {
            List<Finding> findings = findingsOf(
                    "EXP-03", AS_OF, bundleWith(hvSingle("A1").step("MID_CHECK", "2026-08-03", "2026-08-11")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-03", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("中间检查用时 6 个工作日", "时限 5");
        }

        @Test
        void midCheckOfExactlyFiveWorkingDaysDoesNotRaiseExp03() {
            assertThat(findingsOf(
                            "EXP-03", AS_OF, bundleWith(hvSingle("A1").step("MID_CHECK", "2026-08-03", "2026-08-10"))))
                    .isEmpty();
        }

        @Test
        void lowVoltageApplicationHasNoMidCheckLimit() {
            assertThat(findingsOf(
                            "EXP-03",
                            AS_OF,
                            bundleWith(anApplication("A1")
                                    .type("LV_INCREASE")
                                    .step("MID_CHECK", "2026-08-03", "2026-08-31"))))
                    .isEmpty();
        }
    }

    @Nested
    class Exp04CompletionCheckOverdue {

        @Test
        void completionCheckOfSixWorkingDaysRaisesExp04() {
            List<Finding> findings = findingsOf(
                    "EXP-04",
                    AS_OF,
                    bundleWith(
                            anApplication("A1").type("LV_NEW").step("COMPLETION_CHECK", "2026-08-03", "2026-08-11")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-04", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("竣工检验用时 6 个工作日", "时限 5");
        }

        @Test
        void completionCheckOfExactlyFiveWorkingDaysDoesNotRaiseExp04() {
            assertThat(findingsOf(
                            "EXP-04",
                            AS_OF,
                            bundleWith(anApplication("A1")
                                    .type("LV_NEW")
                                    .step("COMPLETION_CHECK", "2026-08-03", "2026-08-10"))))
                    .isEmpty();
        }

        @Test
        void residentialApplicationHasNoCompletionCheckLimit() {
            assertThat(findingsOf(
                            "EXP-04",
                            AS_OF,
                            bundleWith(anApplication("A1")
                                    .type("RES_NEW")
                                    .step("COMPLETION_CHECK", "2026-08-03", "2026-08-31"))))
                    .isEmpty();
        }
    }

    @Nested
    class Exp05ConnectionOverdue {

        @Test
        void residentialConnectionOfFourWorkingDaysRaisesExp05() {
            List<Finding> findings = findingsOf(
                    "EXP-05",
                    AS_OF,
                    bundleWith(anApplication("A1").type("RES_NEW").step("CONNECT", "2026-08-03", "2026-08-07")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-05", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("装表接电用时 4 个工作日", "时限 3");
        }

        @Test
        void residentialConnectionOfExactlyThreeWorkingDaysDoesNotRaiseExp05() {
            assertThat(findingsOf(
                            "EXP-05",
                            AS_OF,
                            bundleWith(
                                    anApplication("A1").type("RES_NEW").step("CONNECT", "2026-08-03", "2026-08-06"))))
                    .isEmpty();
        }

        @Test
        void highVoltageConnectionOverFiveWorkingDaysRaisesExp05() {
            assertThat(findingsOf(
                            "EXP-05",
                            AS_OF,
                            bundleWith(
                                    hvSingle("A1").step("CONNECT", "2026-08-03", "2026-08-10"),
                                    hvSingle("A2").step("CONNECT", "2026-08-03", "2026-08-11"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-05", APPLICATION, "A2", null));
        }
    }

    @Nested
    class Exp06WholeProcessOverdue {

        @Test
        void stepsWithinTheirLimitsAddingUpToSixWorkingDaysRaiseExp06ForAResidentialApplication() {
            ApplicationBuilder app = anApplication("A1")
                    .type("RES_NEW")
                    .step("ACCEPT", "2026-08-03", "2026-08-03")
                    .step("SURVEY", "2026-08-04", "2026-08-05")
                    .step("PLAN_REPLY", "2026-08-06", "2026-08-10")
                    .step("CONNECT", "2026-08-11", "2026-08-14")
                    .archivedOn("2026-08-17");

            List<Finding> findings = findingsOf("EXP-06", AS_OF, bundleWith(app));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-06", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("A1", "居民新装", "合计用时 6 个工作日", "时限 5");
        }

        @Test
        void wholeProcessOfExactlyTheLimitDoesNotRaiseExp06AndArchiveDoesNotCount() {
            ApplicationBuilder app = anApplication("A1")
                    .type("RES_NEW")
                    .step("ACCEPT", "2026-08-03", "2026-08-03")
                    .step("SURVEY", "2026-08-04", "2026-08-05")
                    .step("PLAN_REPLY", "2026-08-06", "2026-08-07")
                    .step("CONNECT", "2026-08-10", "2026-08-13")
                    .step("ARCHIVE", "2026-08-14", "2026-08-31");

            assertThat(findingsOf("EXP-06", AS_OF, bundleWith(app))).isEmpty();
        }

        @Test
        void openStepCountsUpToTheAsOfDate() {
            // PLAN_REPLY open since 26 October: 8 wd by 5 November, over the LV whole-process limit of 6.
            List<Finding> findings = findingsOf(
                    "EXP-06",
                    AS_OF,
                    bundleWith(anApplication("A1").type("LV_NEW").openStep("PLAN_REPLY", "2026-10-26")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-06", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("8 个工作日", "时限 6", "在途");
        }

        @Test
        void changeApplicationHasNoWholeProcessLimit() {
            assertThat(findingsOf(
                            "EXP-06",
                            AS_OF,
                            bundleWith(anApplication("A1").type("PAUSE").step("ACCEPT", "2026-08-03", "2026-08-31"))))
                    .isEmpty();
        }
    }

    @Nested
    class Exp07NotArchivedAfterConnection {

        @Test
        void archivedSixWorkingDaysAfterConnectionRaisesExp07() {
            List<Finding> findings = findingsOf(
                    "EXP-07",
                    AS_OF,
                    bundleWith(anApplication("A1")
                            .type("LV_NEW")
                            .step("CONNECT", "2026-07-31", "2026-08-03")
                            .step("ARCHIVE", "2026-08-04", "2026-08-11")
                            .archivedOn("2026-08-11")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-07", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("A1", "2026-08-03 接电", "2026-08-11 归档", "6 个工作日", "时限 5");
        }

        @Test
        void archivedExactlyFiveWorkingDaysAfterConnectionDoesNotRaiseExp07() {
            assertThat(findingsOf(
                            "EXP-07",
                            AS_OF,
                            bundleWith(anApplication("A1")
                                    .type("LV_NEW")
                                    .step("CONNECT", "2026-07-31", "2026-08-03")
                                    .step("ARCHIVE", "2026-08-04", "2026-08-10")
                                    .archivedOn("2026-08-10"))))
                    .isEmpty();
        }

        @Test
        void archivedAtCountsWhenThereIsNoArchiveStep() {
            assertThat(findingsOf(
                            "EXP-07",
                            AS_OF,
                            bundleWith(anApplication("A1")
                                    .type("LV_NEW")
                                    .step("CONNECT", "2026-07-31", "2026-08-03")
                                    .archivedOn("2026-08-11"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-07", APPLICATION, "A1", null));
        }

        @Test
        void connectedButNotYetArchivedRaisesExp07OnceTheLimitHasPassed() {
            List<Finding> findings = findingsOf(
                    "EXP-07",
                    AS_OF,
                    bundleWith(
                            anApplication("A1").type("LV_NEW").step("CONNECT", "2026-10-23", "2026-10-26"),
                            anApplication("A2").type("LV_NEW").step("CONNECT", "2026-10-26", "2026-10-29")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-07", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("至 2026-11-05 未归档", "8 个工作日");
        }

        @Test
        void applicationNotYetConnectedDoesNotRaiseExp07() {
            assertThat(findingsOf(
                            "EXP-07",
                            AS_OF,
                            bundleWith(anApplication("A1").type("LV_NEW").openStep("CONNECT", "2026-08-03"))))
                    .isEmpty();
        }
    }

    @Nested
    class Exp08SupplyBeforeApplication {

        private CustomerBundle newConnection(
                CustomerBuilder customer, String type, String acceptedOn, String... billPeriods) {
            var bundle = aBundle(customer).with(anApplication("A1").type(type).acceptedOn(acceptedOn));
            for (String p : billPeriods) {
                bundle.with(aBill("B" + p).period(p));
            }
            return bundle.build();
        }

        @Test
        void accountOpenedBeforeTheApplicationWasAcceptedRaisesExp08() {
            List<Finding> findings = findingsOf(
                    "EXP-08",
                    AS_OF,
                    newConnection(aCustomer("C001").openedOn("2026-04-02"), "RES_NEW", "2026-05-11", "2026-05"));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-08", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1", "居民新装", "2026-05-11 受理", "C001", "立户日期 2026-04-02", "首次计费月份 2026-05");
        }

        @Test
        void accountOpenedOnTheDayOfAcceptanceDoesNotRaiseExp08() {
            assertThat(findingsOf(
                            "EXP-08",
                            AS_OF,
                            newConnection(
                                    aCustomer("C001").openedOn("2026-05-11"),
                                    "LV_NEW",
                                    "2026-05-11",
                                    "2026-05",
                                    "2026-06")))
                    .isEmpty();
        }

        @Test
        void billForAMonthBeforeTheAcceptanceMonthRaisesExp08() {
            assertThat(findingsOf(
                            "EXP-08",
                            AS_OF,
                            newConnection(
                                    aCustomer("C001").openedOn("2026-05-20"),
                                    "LV_NEW",
                                    "2026-05-11",
                                    "2026-04",
                                    "2026-05")))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-08", APPLICATION, "A1", null));
        }

        @Test
        void increaseApplicationOfAnExistingCustomerDoesNotRaiseExp08() {
            assertThat(findingsOf(
                            "EXP-08",
                            AS_OF,
                            newConnection(
                                    aCustomer("C001").openedOn("2020-01-01"), "LV_INCREASE", "2026-05-11", "2026-04")))
                    .isEmpty();
        }
    }

    @Nested
    class Exp10GreenChannelNotFaster {

        @Test
        void greenChannelPlanReplyOfTenWorkingDaysRaisesExp10() {
            // PLAN_REPLY limit 15 (HV single source): 10 wd is within the limit but over half of it.
            List<Finding> findings = findingsOf(
                    "EXP-10",
                    AS_OF,
                    bundleWith(hvSingle("A1")
                            .greenChannel()
                            .step("PLAN_REPLY", "2026-08-03", "2026-08-17")
                            .step("CONNECT", "2026-08-18", "2026-08-19")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-10", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1", "50 %", "供电方案答复 10 个工作日（时限 15）")
                    .doesNotContain("装表接电");
        }

        @Test
        void greenChannelStepOfExactlyHalfItsLimitDoesNotRaiseExp10() {
            assertThat(findingsOf(
                            "EXP-10",
                            AS_OF,
                            bundleWith(
                                    hvSingle("A1").greenChannel().step("DESIGN_REVIEW", "2026-08-03", "2026-08-10"))))
                    .isEmpty();
            assertThat(findingsOf(
                            "EXP-10",
                            AS_OF,
                            bundleWith(
                                    hvSingle("A1").greenChannel().step("DESIGN_REVIEW", "2026-08-03", "2026-08-11"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-10", APPLICATION, "A1", null));
        }

        @Test
        void ordinaryApplicationWithTheSameStepsDoesNotRaiseExp10() {
            assertThat(findingsOf(
                            "EXP-10", AS_OF, bundleWith(hvSingle("A1").step("PLAN_REPLY", "2026-08-03", "2026-08-17"))))
                    .isEmpty();
        }
    }
}
