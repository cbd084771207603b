package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.SubjectType.INSPECTION;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.anImportantCustomer;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.ImportantCustomerBuilder;
import org.jicha.facts.fixtures.InspectionBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/imp/safety.drl: IMP-02, IMP-03, IMP-04, IMP-06, IMP-07. As-of date 2026-11-05. */
class ImpSafetyRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle important(
            String customerNo, ImportantCustomerBuilder record, InspectionBuilder... inspections) {
        var bundle = aBundle(aCustomer(customerNo).largeIndustrial()).with(record);
        for (InspectionBuilder i : inspections) {
            bundle.with(i);
        }
        return bundle.build();
    }

    @Nested
    class Imp02NoEmergencyGenerator {

        @Test
        void secondGradeCustomerWithoutGeneratorRaisesImp02() {
            List<Finding> findings = findingsOf(
                    "IMP-02", AS_OF, important("C001", anImportantCustomer().selfGenerator(false)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-02", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "等级 二级", "未配置自备应急电源");
        }

        @Test
        void emptySelfGeneratorCountsAsNone() {
            assertThat(findingsOf(
                            "IMP-02",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer()
                                            .special()
                                            .supplySources(3)
                                            .selfGenerator(null))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-02", CUSTOMER, "C001", null));
        }

        @Test
        void customerWithGeneratorTemporaryGradeOrClosedCustomerDoesNotRaiseImp02() {
            assertThat(findingsOf(
                            "IMP-02",
                            AS_OF,
                            important("C001", anImportantCustomer().first()),
                            important(
                                    "C002",
                                    anImportantCustomer().grade("TEMPORARY").selfGenerator(false)),
                            aBundle(aCustomer("C003").closedOn("2026-09-30"))
                                    .with(anImportantCustomer().selfGenerator(false))
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class Imp03InspectionOverdue {

        @Test
        void firstGradeCustomerLastInspectedMoreThanThreeMonthsAgoRaisesImp03() {
            List<Finding> findings = findingsOf(
                    "IMP-03",
                    AS_OF,
                    important(
                            "C001",
                            anImportantCustomer().first(),
                            anInspection("I1").inspectedOn("2026-08-04")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-03", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "等级 一级", "最近检查日期 2026-08-04", "周期 3 个月");
        }

        @Test
        void inspectionExactlyThreeMonthsBeforeTheAsOfDateIsCurrent() {
            assertThat(findingsOf(
                            "IMP-03",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer().special(),
                                    anInspection("I1").inspectedOn("2026-08-05"))))
                    .isEmpty();
        }

        @Test
        void secondGradeCustomerHasASixMonthCycle() {
            assertThat(findingsOf(
                            "IMP-03",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer(),
                                    anInspection("I1").inspectedOn("2026-05-05")),
                            important(
                                    "C002",
                                    anImportantCustomer(),
                                    anInspection("I2").inspectedOn("2026-05-04"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-03", CUSTOMER, "C002", null));
        }

        @Test
        void neverInspectedImportantCustomerRaisesImp03() {
            List<Finding> findings = findingsOf("IMP-03", AS_OF, important("C001", anImportantCustomer()));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-03", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("最近检查日期 空", "周期 6 个月");
        }

        @Test
        void temporaryGradeOrOrdinaryCustomerDoesNotRaiseImp03() {
            assertThat(findingsOf(
                            "IMP-03",
                            AS_OF,
                            important("C001", anImportantCustomer().grade("TEMPORARY")),
                            aBundle(aCustomer("C002").largeIndustrial()).build()))
                    .isEmpty();
        }
    }

    @Nested
    class Imp04HazardNotClosed {

        @Test
        void importantCustomersOverdueHazardRaisesImp04AndNotIns06() {
            CustomerBundle bundle = important(
                    "C001",
                    anImportantCustomer(),
                    anInspection("I1").inspectedOn("2026-08-11").hazard("配电室漏水", "2026-09-10"));

            List<Finding> findings = findingsOf("IMP-04", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-04", INSPECTION, "I1", null));
            assertThat(findings.get(0).message())
                    .contains("C001", "I1", "2026-08-11", "整改期限 2026-09-10", "至 2026-11-05 未整改");
            assertThat(findingsOf("INS-06", AS_OF, bundle)).isEmpty();
        }

        @Test
        void hazardDueTheDayBeforeTheAsOfDateIsOverdueAndOnTheAsOfDateIsNot() {
            assertThat(findingsOf(
                            "IMP-04",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer(),
                                    anInspection("I1").hazard("电缆老化", "2026-11-04"),
                                    anInspection("I2").hazard("电缆老化", "2026-11-05"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-04", INSPECTION, "I1", null));
        }

        @Test
        void rectifiedHazardOrOrdinaryCustomersHazardDoesNotRaiseImp04() {
            assertThat(findingsOf(
                            "IMP-04",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer(),
                                    anInspection("I1")
                                            .hazard("电缆老化", "2026-09-10")
                                            .rectifiedOn("2026-09-09")),
                            aBundle(aCustomer("C002"))
                                    .with(anInspection("I2").hazard("电缆老化", "2026-09-10"))
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class Imp06NotReportedToAuthority {

        @Test
        void reportMoreThanTwelveMonthsOldRaisesImp06() {
            List<Finding> findings = findingsOf(
                    "IMP-06", AS_OF, important("C001", anImportantCustomer().reportedToAuthorityOn("2025-11-04")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-06", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "报备日期 2025-11-04", "有效期 12 个月");
        }

        @Test
        void reportExactlyTwelveMonthsOldIsCurrent() {
            assertThat(findingsOf(
                            "IMP-06",
                            AS_OF,
                            important("C001", anImportantCustomer().reportedToAuthorityOn("2025-11-05"))))
                    .isEmpty();
        }

        @Test
        void missingReportRaisesImp06() {
            List<Finding> findings = findingsOf(
                    "IMP-06", AS_OF, important("C001", anImportantCustomer().reportedToAuthorityOn(null)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-06", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("报备日期 缺失");
        }

        @Test
        void closedCustomerOrOrdinaryCustomerDoesNotRaiseImp06() {
            assertThat(findingsOf(
                            "IMP-06",
                            AS_OF,
                            aBundle(aCustomer("C001").closedOn("2026-09-30"))
                                    .with(anImportantCustomer().reportedToAuthorityOn(null))
                                    .build(),
                            aBundle(aCustomer("C002")).build()))
                    .isEmpty();
        }
    }

    @Nested
    class Imp07SingleSourceConnection {

        @Test
        void importantCustomersSingleSourceIncreaseRaisesImp07() {
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial())
                    .with(anImportantCustomer())
                    .with(anApplication("A1").type("HV_INCREASE").supplyMode("SINGLE"))
                    .build();

            List<Finding> findings = findingsOf("IMP-07", AS_OF, bundle);

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-07", APPLICATION, "A1", null));
            assertThat(findings.get(0).message()).contains("C001", "A1", "高压增容", "供电方式 单电源", "在途");
        }

        @Test
        void dualSourceOtherTypeOrCancelledApplicationDoesNotRaiseImp07() {
            CustomerBundle bundle = aBundle(aCustomer("C001").largeIndustrial())
                    .with(anImportantCustomer())
                    .with(anApplication("A1").type("HV_NEW").supplyMode("DUAL"))
                    .with(anApplication("A2").type("LV_INCREASE").supplyMode("SINGLE"))
                    .with(anApplication("A3")
                            .type("HV_NEW")
                            .supplyMode("SINGLE")
                            .cancelled())
                    .build();

            assertThat(findingsOf("IMP-07", AS_OF, bundle)).isEmpty();
        }

        @Test
        void ordinaryCustomersSingleSourceApplicationDoesNotRaiseImp07() {
            assertThat(findingsOf(
                            "IMP-07",
                            AS_OF,
                            aBundle(aCustomer("C001").largeIndustrial())
                                    .with(anApplication("A1").type("HV_NEW").supplyMode("SINGLE"))
                                    .build()))
                    .isEmpty();
        }
    }
}
