package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
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

/** rules/bus/business.drl: BUS-01 业务费收取错误, BUS-04 反复退回. */
class BusBusinessRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle bundleWith(ApplicationBuilder application) {
        return aBundle(aCustomer("C001")).with(application).build();
    }

    @Nested
    class Bus01BusinessFee {

        @Test
        void feeChargedAboveTheStandardRaisesBus01() {
            List<Finding> findings =
                    findingsOf("BUS-01", AS_OF, bundleWith(anApplication("A1").fee(120.0, 100.0)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-01", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("A1", "120.00 元", "100.00 元");
        }

        @Test
        void feeOneCentOffTheStandardRaisesBus01() {
            assertThat(findingsOf(
                            "BUS-01", AS_OF, bundleWith(anApplication("A1").fee(99.99, 100.0))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-01", APPLICATION, "A1", null));
        }

        @Test
        void feeDifferingBelowACentComparesEqual() {
            assertThat(findingsOf(
                            "BUS-01", AS_OF, bundleWith(anApplication("A1").fee(100.004, 100.0))))
                    .isEmpty();
        }

        @Test
        void feeEqualToTheStandardDoesNotRaiseBus01() {
            assertThat(findingsOf(
                            "BUS-01", AS_OF, bundleWith(anApplication("A1").fee(100.0, 100.0))))
                    .isEmpty();
        }

        @Test
        void cancelledApplicationOrMissingFeeDoesNotRaiseBus01() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1").fee(120.0, 100.0).cancelled())
                    .with(anApplication("A2").fee(120.0, null))
                    .with(anApplication("A3").fee(null, 100.0))
                    .build();

            assertThat(findingsOf("BUS-01", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Bus04ReturnedRepeatedly {

        @Test
        void twoReturnedStepsRaiseBus04() {
            ApplicationBuilder app = anApplication("A1")
                    .returnedStep("SURVEY", "2026-09-02", "2026-09-03")
                    .returnedStep("SURVEY", "2026-09-04", "2026-09-07")
                    .step("SURVEY", "2026-09-08", "2026-09-08");

            List<Finding> findings = findingsOf("BUS-04", AS_OF, bundleWith(app));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-04", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("A1", "2 个环节");
        }

        @Test
        void returnsInDifferentStepsAddUp() {
            ApplicationBuilder app = anApplication("A1")
                    .returnedStep("SURVEY", "2026-09-02", "2026-09-03")
                    .returnedStep("PLAN_REPLY", "2026-09-04", "2026-09-07");

            assertThat(findingsOf("BUS-04", AS_OF, bundleWith(app)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BUS-04", APPLICATION, "A1", null));
        }

        @Test
        void oneReturnedStepDoesNotRaiseBus04() {
            ApplicationBuilder app = anApplication("A1")
                    .returnedStep("SURVEY", "2026-09-02", "2026-09-03")
                    .step("SURVEY", "2026-09-04", "2026-09-04")
                    .step("PLAN_REPLY", "2026-09-07", "2026-09-08");

            assertThat(findingsOf("BUS-04", AS_OF, bundleWith(app))).isEmpty();
        }
    }
}
