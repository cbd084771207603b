package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.INSPECTION;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.anImportantCustomer;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.InspectionBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/ins/inspection.drl: INS-06 隐患整改超期, INS-08 违约窃电未处理. */
class InsInspectionRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle bundleWith(InspectionBuilder inspection) {
        return aBundle(aCustomer("C001").commercial()).with(inspection).build();
    }

    @Nested
    class Ins06HazardOverdue {

        @Test
        void hazardPastItsDeadlineAndNotRectifiedRaisesIns06() {
            List<Finding> findings =
                    findingsOf("INS-06", AS_OF, bundleWith(anInspection("I1").hazard("配电室无防小动物措施", "2026-10-31")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-06", INSPECTION, "I1", null));
            assertThat(findings.get(0).message()).contains("I1", "配电室无防小动物措施", "2026-10-31", "2026-11-05");
        }

        @Test
        void hazardDueTheDayBeforeTheAsOfDateIsOverdue() {
            assertThat(findingsOf("INS-06", AS_OF, bundleWith(anInspection("I1").hazard("接地不良", "2026-11-04"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-06", INSPECTION, "I1", null));
        }

        @Test
        void hazardDueOnTheAsOfDateIsNotYetOverdue() {
            assertThat(findingsOf("INS-06", AS_OF, bundleWith(anInspection("I1").hazard("接地不良", "2026-11-05"))))
                    .isEmpty();
        }

        @Test
        void rectifiedHazardDoesNotRaiseIns06EvenWhenRectifiedLate() {
            assertThat(findingsOf(
                            "INS-06",
                            AS_OF,
                            bundleWith(anInspection("I1")
                                    .hazard("接地不良", "2026-10-01")
                                    .rectifiedOn("2026-10-20"))))
                    .isEmpty();
        }

        @Test
        void hazardOfAnImportantCustomerIsLeftToImp04() {
            CustomerBundle important = aBundle(aCustomer("C001").commercial())
                    .with(anImportantCustomer())
                    .with(anInspection("I1").hazard("接地不良", "2026-10-01"))
                    .build();

            assertThat(findingsOf("INS-06", AS_OF, important)).isEmpty();
        }

        @Test
        void otherResultsOrAHazardWithoutDeadlineDoNotRaiseIns06() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anInspection("I1").result("NORMAL"))
                    .with(anInspection("I2").hazard("接地不良", null))
                    .build();

            assertThat(findingsOf("INS-06", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Ins08ViolationWithoutNotice {

        @Test
        void violationWithoutNoticeRaisesIns08() {
            List<Finding> findings = findingsOf(
                    "INS-08",
                    AS_OF,
                    bundleWith(anInspection("I1").inspectedOn("2026-10-12").result("VIOLATION")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-08", INSPECTION, "I1", null));
            assertThat(findings.get(0).message()).contains("I1", "2026-10-12", "违约用电");
        }

        @Test
        void theftWithoutNoticeRaisesIns08() {
            assertThat(findingsOf("INS-08", AS_OF, bundleWith(anInspection("I1").result("THEFT"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-08", INSPECTION, "I1", null));
        }

        @Test
        void blankNoticeNumberCountsAsNoNotice() {
            assertThat(findingsOf(
                            "INS-08",
                            AS_OF,
                            bundleWith(anInspection("I1").result("THEFT").notice(""))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("INS-08", INSPECTION, "I1", null));
        }

        @Test
        void violationWithANoticeOrAHazardWithoutOneDoesNotRaiseIns08() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anInspection("I1").result("VIOLATION").notice("WY-2026-001"))
                    .with(anInspection("I2").result("THEFT").notice("QD-2026-001"))
                    .with(anInspection("I3").hazard("接地不良", "2026-12-31"))
                    .build();

            assertThat(findingsOf("INS-08", AS_OF, bundle)).isEmpty();
        }
    }
}
