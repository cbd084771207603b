package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.METER;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.MeterBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/met/metering.drl: MET-01 倍率错误, MET-06 轮换超期. */
class MetMeteringRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle bundleWith(MeterBuilder... meters) {
        var bundle = aBundle(aCustomer("C001").commercial());
        for (MeterBuilder m : meters) {
            bundle.with(m);
        }
        return bundle.build();
    }

    @Nested
    class Met01WrongMultiplier {

        @Test
        void multiplierOtherThanCtTimesPtRaisesMet01() {
            List<Finding> findings = findingsOf(
                    "MET-01",
                    AS_OF,
                    bundleWith(aMeter("M001").threePhase().ct(20).pt(1).multiplier(1)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-01", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("M001", "综合倍率 1，", "CT 20 ", "PT 1 ", "= 20");
        }

        @Test
        void emptyRatiosCountAsOne() {
            assertThat(findingsOf(
                            "MET-01",
                            AS_OF,
                            bundleWith(aMeter("M001").ct((Double) null).pt(100).multiplier(20))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-01", METER, "M001", null));
            assertThat(findingsOf(
                            "MET-01",
                            AS_OF,
                            bundleWith(aMeter("M001").ct((Double) null).pt(100).multiplier(100))))
                    .isEmpty();
        }

        @Test
        void multiplierOffByAThousandthRaisesMet01() {
            assertThat(findingsOf(
                            "MET-01",
                            AS_OF,
                            bundleWith(aMeter("M001").ct(20).pt(100).multiplier(2000.001))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-01", METER, "M001", null));
        }

        @Test
        void multiplierEqualToCtTimesPtDoesNotRaiseMet01() {
            assertThat(findingsOf(
                            "MET-01",
                            AS_OF,
                            bundleWith(
                                    aMeter("M001").ct(20).pt(1).multiplier(20),
                                    aMeter("M002").ct(40).pt(50).multiplier(2000),
                                    aMeter("M003"))))
                    .isEmpty();
        }

        @Test
        void removedMeterWithAWrongMultiplierIsNoLongerJudged() {
            assertThat(findingsOf(
                            "MET-01",
                            AS_OF,
                            bundleWith(aMeter("M001").ct(20).pt(1).multiplier(1).removedOn("2026-09-30"))))
                    .isEmpty();
        }
    }

    @Nested
    class Met06RotationOverdue {

        @Test
        void meterInServicePastItsRotationDateRaisesMet06() {
            List<Finding> findings =
                    findingsOf("MET-06", AS_OF, bundleWith(aMeter("M001").rotationDueOn("2026-06-30")));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("MET-06", METER, "M001", null));
            assertThat(findings.get(0).message()).contains("M001", "2026-06-30", "2026-11-05");
        }

        @Test
        void rotationDueTheDayBeforeTheAsOfDateIsOverdue() {
            assertThat(findingsOf("MET-06", AS_OF, bundleWith(aMeter("M001").rotationDueOn("2026-11-04"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("MET-06", METER, "M001", null));
        }

        @Test
        void rotationDueOnTheAsOfDateIsNotYetOverdue() {
            assertThat(findingsOf("MET-06", AS_OF, bundleWith(aMeter("M001").rotationDueOn("2026-11-05"))))
                    .isEmpty();
        }

        @Test
        void removedMeterOrMeterWithoutRotationDateDoesNotRaiseMet06() {
            assertThat(findingsOf(
                            "MET-06",
                            AS_OF,
                            bundleWith(
                                    aMeter("M001").rotationDueOn("2026-06-30").removedOn("2026-07-15"),
                                    aMeter("M002"))))
                    .isEmpty();
        }
    }
}
