package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.anImportantCustomer;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.ImportantCustomerBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** rules/imp/important.drl: IMP-01 电源配置不足, IMP-05 保供电预案过期. */
class ImpImportantRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle important(String customerNo, ImportantCustomerBuilder record) {
        return important(aCustomer(customerNo).largeIndustrial(), record);
    }

    private static CustomerBundle important(CustomerBuilder customer, ImportantCustomerBuilder record) {
        return aBundle(customer).with(record).build();
    }

    @Nested
    class Imp01TooFewSupplySources {

        @Test
        void specialGradeWithTwoSourcesRaisesImp01() {
            List<Finding> findings = findingsOf(
                    "IMP-01",
                    AS_OF,
                    important("C001", anImportantCustomer().special().supplySources(2)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-01", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "等级 特级", "电源数 2");
        }

        @Test
        void specialGradeWithThreeSourcesDoesNotRaiseImp01() {
            assertThat(findingsOf(
                            "IMP-01",
                            AS_OF,
                            important("C001", anImportantCustomer().special().supplySources(3))))
                    .isEmpty();
        }

        @Test
        void firstGradeNeedsTwoSources() {
            assertThat(findingsOf(
                            "IMP-01",
                            AS_OF,
                            important("C001", anImportantCustomer().first().supplySources(1)),
                            important("C002", anImportantCustomer().first().supplySources(2))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-01", CUSTOMER, "C001", null));
        }

        @Test
        void secondGradeWithOneSourceOrAClosedCustomerDoesNotRaiseImp01() {
            assertThat(findingsOf(
                            "IMP-01",
                            AS_OF,
                            important(
                                    "C001",
                                    anImportantCustomer().grade("SECOND").supplySources(1)),
                            important(
                                    aCustomer("C002").closedOn("2026-06-30"),
                                    anImportantCustomer().special().supplySources(1)),
                            aBundle(aCustomer("C003")).build()))
                    .isEmpty();
        }

        @Test
        void suspendedImportantCustomerIsStillJudged() {
            assertThat(findingsOf(
                            "IMP-01",
                            AS_OF,
                            important(
                                    aCustomer("C001").suspended(),
                                    anImportantCustomer().first().supplySources(1))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-01", CUSTOMER, "C001", null));
        }
    }

    @Nested
    class Imp05GuaranteePlanOutdated {

        @Test
        void planOlderThanTwelveMonthsRaisesImp05() {
            List<Finding> findings = findingsOf(
                    "IMP-05", AS_OF, important("C001", anImportantCustomer().guaranteePlanOn("2025-06-30")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-05", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "2025-06-30");
        }

        @Test
        void planExactlyTwelveMonthsOldDoesNotRaiseImp05() {
            assertThat(findingsOf(
                            "IMP-05",
                            AS_OF,
                            important("C001", anImportantCustomer().guaranteePlanOn("2025-11-05"))))
                    .isEmpty();
        }

        @Test
        void planTwelveMonthsAndOneDayOldRaisesImp05() {
            assertThat(findingsOf(
                            "IMP-05",
                            AS_OF,
                            important("C001", anImportantCustomer().guaranteePlanOn("2025-11-04"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-05", CUSTOMER, "C001", null));
        }

        @Test
        void missingPlanRaisesImp05() {
            List<Finding> findings = findingsOf(
                    "IMP-05", AS_OF, important("C001", anImportantCustomer().guaranteePlanOn(null)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("IMP-05", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("缺失");
        }

        @Test
        void currentPlanClosedCustomerOrOrdinaryCustomerDoesNotRaiseImp05() {
            assertThat(findingsOf(
                            "IMP-05",
                            AS_OF,
                            important("C001", anImportantCustomer().guaranteePlanOn("2026-03-01")),
                            important(
                                    aCustomer("C002").closedOn("2026-06-30"),
                                    anImportantCustomer().guaranteePlanOn(null)),
                            aBundle(aCustomer("C003")).build()))
                    .isEmpty();
        }
    }
}
