package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aBundleWithoutCustomer;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.ApplicationBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/exp/expansion.drl: EXP-01 方案答复超时, EXP-09 环节缺失. Working days are counted on the shipped
 * China calendar: National Day 2026 is off from 1 to 7 October, and Saturday 10 October is a make-up working day.
 */
class ExpExpansionRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle bundleWith(ApplicationBuilder application) {
        return aBundle(aCustomer("C001")).with(application).build();
    }

    @Nested
    class Exp01PlanReplyOverdue {

        // LV limit 7 wd. From Monday 28 September: 29, 30 Sep, 8, 9 Oct, Sat 10 Oct (make-up), 12, 13 Oct = 7 wd.

        @Test
        void planReplyOfExactlyTheLimitAcrossNationalDayDoesNotRaiseExp01() {
            assertThat(findingsOf(
                            "EXP-01",
                            AS_OF,
                            bundleWith(
                                    anApplication("A1").type("LV_NEW").step("PLAN_REPLY", "2026-09-28", "2026-10-13"))))
                    .isEmpty();
        }

        @Test
        void planReplyOfOneWorkingDayOverTheLimitAcrossNationalDayRaisesExp01() {
            List<Finding> findings = findingsOf(
                    "EXP-01",
                    AS_OF,
                    bundleWith(anApplication("A1")
                            .type("LV_NEW")
                            .step("PLAN_REPLY", "2026-09-28", "2026-10-14")
                            .archivedOn("2026-10-30")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-01", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1", "低压新装", "8 个工作日", "时限 7")
                    .doesNotContain("在途");
        }

        @Test
        void openPlanReplyCountsUpToTheAsOfDate() {
            // From Tuesday 20 October to Thursday 5 November: 12 wd, over the LV limit of 7.
            List<Finding> findings = findingsOf(
                    "EXP-01",
                    AS_OF,
                    bundleWith(anApplication("A1").type("LV_INCREASE").openStep("PLAN_REPLY", "2026-10-20")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-01", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("12 个工作日", "时限 7", "在途");
        }

        @Test
        void returnedAndRedonePlanReplyCountsFromFirstStartToLastFinish() {
            // RES limit 3 wd: each attempt takes 1 wd, but the span from 1 to 7 September is 4 wd.
            ApplicationBuilder app = anApplication("A1")
                    .type("RES_NEW")
                    .returnedStep("PLAN_REPLY", "2026-09-01", "2026-09-02")
                    .step("PLAN_REPLY", "2026-09-04", "2026-09-07");

            assertThat(findingsOf("EXP-01", AS_OF, bundleWith(app)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-01", APPLICATION, "A1", null));
        }

        @Test
        void highVoltageLimitDependsOnTheSupplyMode() {
            // From 1 September to 29 September: 20 wd, over 15 (single source) and within 30 (dual source).
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial())
                    .with(anApplication("A1")
                            .type("HV_NEW")
                            .supplyMode("SINGLE")
                            .step("PLAN_REPLY", "2026-09-01", "2026-09-29"))
                    .with(anApplication("A2")
                            .type("HV_NEW")
                            .supplyMode("DUAL")
                            .step("PLAN_REPLY", "2026-09-01", "2026-09-29"))
                    .build();

            List<Finding> findings = findingsOf("EXP-01", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-01", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("20 个工作日", "时限 15");
        }

        @Test
        void newConnectionBeforeTheAccountExistsIsJudgedToo() {
            CustomerBundle bundle = aBundleWithoutCustomer()
                    .with(anApplication("A1")
                            .type("RES_NEW")
                            .withoutCustomer()
                            .step("PLAN_REPLY", "2026-09-01", "2026-09-07"))
                    .build();

            assertThat(findingsOf("EXP-01", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-01", APPLICATION, "A1", null));
        }

        @Test
        void cancelledApplicationOrChangeApplicationWithoutLimitDoesNotRaiseExp01() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("LV_NEW")
                            .step("PLAN_REPLY", "2026-09-01", "2026-10-30")
                            .cancelled())
                    .with(anApplication("A2").type("CAPACITY_REDUCE").step("PLAN_REPLY", "2026-09-01", "2026-10-30"))
                    .with(anApplication("A3").type("LV_NEW").step("SURVEY", "2026-09-01", "2026-10-30"))
                    .build();

            assertThat(findingsOf("EXP-01", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Exp09RequiredStepMissing {

        @Test
        void archivedHighVoltageApplicationWithoutChecksRaisesExp09() {
            ApplicationBuilder app = anApplication("A1")
                    .type("HV_NEW")
                    .supplyMode("SINGLE")
                    .step("PLAN_REPLY", "2026-09-01", "2026-09-10")
                    .step("DESIGN_REVIEW", "2026-09-11", "2026-09-15")
                    .step("CONNECT", "2026-09-16", "2026-09-18")
                    .archivedOn("2026-09-21");

            List<Finding> findings = findingsOf("EXP-09", AS_OF, bundleWith(app));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-09", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1", "高压新装", "缺少环节 中间检查、竣工检验")
                    .doesNotContain("设计审核");
        }

        @Test
        void archivedLowVoltageNewConnectionWithoutCompletionCheckRaisesExp09() {
            ApplicationBuilder app = anApplication("A1")
                    .type("LV_NEW")
                    .step("CONNECT", "2026-09-02", "2026-09-03")
                    .archivedOn("2026-09-04");

            assertThat(findingsOf("EXP-09", AS_OF, bundleWith(app)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("EXP-09", APPLICATION, "A1", null));
        }

        @Test
        void archivedHighVoltageApplicationWithEveryRequiredStepDoesNotRaiseExp09() {
            ApplicationBuilder app = anApplication("A1")
                    .type("HV_INCREASE")
                    .supplyMode("DUAL")
                    .step("DESIGN_REVIEW", "2026-09-11", "2026-09-15")
                    .step("MID_CHECK", "2026-09-16", "2026-09-17")
                    .step("COMPLETION_CHECK", "2026-09-18", "2026-09-21")
                    .archivedOn("2026-09-25");

            assertThat(findingsOf("EXP-09", AS_OF, bundleWith(app))).isEmpty();
        }

        @Test
        void applicationStillInProgressOrOfATypeWithoutRequiredStepsDoesNotRaiseExp09() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1").type("HV_NEW").step("PLAN_REPLY", "2026-09-01", "2026-09-10"))
                    .with(anApplication("A2")
                            .type("LV_INCREASE")
                            .step("CONNECT", "2026-09-02", "2026-09-03")
                            .archivedOn("2026-09-04"))
                    .with(anApplication("A3")
                            .type("RES_NEW")
                            .step("CONNECT", "2026-09-02", "2026-09-03")
                            .archivedOn("2026-09-04"))
                    .build();

            assertThat(findingsOf("EXP-09", AS_OF, bundle)).isEmpty();
        }
    }
}
