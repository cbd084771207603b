package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.APPLICATION;
import static org.jicha.facts.SubjectType.CUSTOMER;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.BillBuilder;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/bil/account.drl: BIL-17 欠费超期, BIL-18 销户后仍计费, BIL-19 新装未计费, BIL-20 临时用电超期. As of
 * 2026-11-05 (90 days before: 2026-08-07; 35 days before: 2026-10-01); state rules raise without a period.
 */
class BilAccountRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static CustomerBundle customerWithBill(BillBuilder bill) {
        return aBundle(aCustomer("C001")).with(bill).build();
    }

    @Nested
    class Bil17ArrearsOverdue {

        @Test
        void billUnpaidMoreThan90DaysAfterItsDueDateRaisesBil17() {
            List<Finding> findings = findingsOf(
                    "BIL-17",
                    AS_OF,
                    customerWithBill(aBill("B1").period("2026-06").dueOn("2026-07-23")));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-17", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message())
                    .contains("C001", "账单 B1（2026-06）欠费 60.00 元", "缴费期限 2026-07-23", "已逾期 105 天（限 90 天）", "未结清账单共 1 张");
        }

        @Test
        void billDueExactly90DaysBeforeTheAsOfDateIsNotYetOverdue() {
            assertThat(findingsOf(
                            "BIL-17",
                            AS_OF,
                            customerWithBill(aBill("B1").period("2026-07").dueOn("2026-08-07"))))
                    .isEmpty();
        }

        @Test
        void billDue91DaysBeforeTheAsOfDateRaisesBil17() {
            assertThat(findingsOf(
                            "BIL-17",
                            AS_OF,
                            customerWithBill(aBill("B1").period("2026-07").dueOn("2026-08-06"))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-17", CUSTOMER, "C001", null));
        }

        @Test
        void partlyPaidBillCountsAsUnpaidWithItsOutstandingAmount() {
            List<Finding> findings = findingsOf(
                    "BIL-17",
                    AS_OF,
                    customerWithBill(
                            aBill("B1").period("2026-06").dueOn("2026-07-23").paid("2026-07-20", 45.5)));

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-17", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("欠费 14.50 元");
        }

        @Test
        void billPaidInFullOrWithAnEmptyPaidAmountDoesNotRaiseBil17() {
            assertThat(findingsOf(
                            "BIL-17",
                            AS_OF,
                            customerWithBill(aBill("B1")
                                    .period("2026-06")
                                    .dueOn("2026-07-23")
                                    .paid("2026-08-30", 60.0)),
                            aBundle(aCustomer("C002"))
                                    .with(aBill("B2")
                                            .period("2026-06")
                                            .dueOn("2026-07-23")
                                            .paid("2026-08-30", null))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void paymentAfterTheAsOfDateDoesNotCountYet() {
            assertThat(findingsOf(
                            "BIL-17",
                            AS_OF,
                            customerWithBill(aBill("B1")
                                    .period("2026-06")
                                    .dueOn("2026-07-23")
                                    .paid("2026-11-06", 60.0))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-17", CUSTOMER, "C001", null));
        }

        @Test
        void theOldestOfSeveralUnpaidBillsIsReported() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(aBill("B2").period("2026-07").dueOn("2026-08-15"))
                    .with(aBill("B1").period("2026-05").dueOn("2026-06-15").energy(100, 52.3))
                    .with(aBill("B3").period("2026-10"))
                    .build();

            List<Finding> findings = findingsOf("BIL-17", AS_OF, bundle);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-17", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("账单 B1（2026-05）欠费 52.30 元", "缴费期限 2026-06-15", "共 3 张");
        }

        @Test
        void suspendedOrClosedCustomerDoesNotRaiseBil17() {
            assertThat(findingsOf(
                            "BIL-17",
                            AS_OF,
                            aBundle(aCustomer("C001").suspended())
                                    .with(aBill("B1").period("2026-06").dueOn("2026-07-23"))
                                    .build(),
                            aBundle(aCustomer("C002").closedOn("2026-08-01"))
                                    .with(aBill("B2").period("2026-06").dueOn("2026-07-23"))
                                    .build()))
                    .isEmpty();
        }
    }

    @Nested
    class Bil18BilledAfterClosure {

        @Test
        void billForAPeriodAfterClosingRaisesBil18() {
            CustomerBundle bundle = aBundle(aCustomer("C001").closedOn("2026-09-15"))
                    .with(aBill("B9").period("2026-09"))
                    .with(aBill("B10").period("2026-10"))
                    .build();

            List<Finding> findings = findingsOf("BIL-18", AS_OF, bundle);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-18", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message())
                    .contains("C001", "已于 2026-09-15 销户", "账单 B10（2026-10）")
                    .doesNotContain("B9");
        }

        @Test
        void readingForAPeriodAfterClosingRaisesBil18() {
            CustomerBundle bundle = aBundle(aCustomer("C001").closedOn("2026-08-20"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthlyFrom("2026-08", 30, 0, 35))
                    .build();

            List<Finding> findings = findingsOf("BIL-18", AS_OF, bundle);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-18", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message())
                    .contains("抄表 M001:2026-09、抄表 M001:2026-10")
                    .doesNotContain("M001:2026-08");
        }

        @Test
        void closedOnThePeriodsEveDoesNotExcuseABillForThatPeriod() {
            assertThat(findingsOf(
                            "BIL-18",
                            AS_OF,
                            aBundle(aCustomer("C001").closedOn("2026-09-30"))
                                    .with(aBill("B1").period("2026-10"))
                                    .build()))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-18", CUSTOMER, "C001", null));
        }

        @Test
        void periodStartingOnTheClosingDayIsNotAfterIt() {
            assertThat(findingsOf(
                            "BIL-18",
                            AS_OF,
                            aBundle(aCustomer("C001").closedOn("2026-10-01"))
                                    .with(aBill("B1").period("2026-10"))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void customerWithoutClosingDateDoesNotRaiseBil18() {
            assertThat(findingsOf("BIL-18", AS_OF, customerWithBill(aBill("B1").period("2026-10"))))
                    .isEmpty();
        }
    }

    @Nested
    class Bil19NewConnectionNotBilled {

        @Test
        void newConnectionArchivedMoreThan35DaysAgoWithoutABillRaisesBil19() {
            CustomerBundle bundle = aBundle(aCustomer("C001").openedOn("2026-09-28"))
                    .with(aMeter("M001"))
                    .with(readings("M001").monthly("2026-10", 80))
                    .with(anApplication("A1")
                            .type("RES_NEW")
                            .acceptedOn("2026-09-20")
                            .archivedOn("2026-09-30"))
                    .build();

            List<Finding> findings = findingsOf("BIL-19", AS_OF, bundle);
            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-19", APPLICATION, "A1", null));
            assertThat(findings.get(0).message())
                    .contains("A1（居民新装）于 2026-09-30 归档", "已 36 天（限 35 天）", "用户 C001 自 2026-09 起无账单");
        }

        @Test
        void newConnectionArchivedExactly35DaysAgoIsNotYetDue() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("LV_NEW")
                            .acceptedOn("2026-09-20")
                            .archivedOn("2026-10-01"))
                    .build();

            assertThat(findingsOf("BIL-19", AS_OF, bundle)).isEmpty();
        }

        @Test
        void billOfTheArchiveMonthOrLaterDoesNotRaiseBil19() {
            CustomerBundle archiveMonth = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("HV_NEW")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-08-20"))
                    .with(aBill("B1").period("2026-08"))
                    .build();
            CustomerBundle later = aBundle(aCustomer("C002"))
                    .with(anApplication("A2")
                            .type("TEMP_NEW")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-08-20"))
                    .with(aBill("B2").period("2026-10"))
                    .build();

            assertThat(findingsOf("BIL-19", AS_OF, archiveMonth, later)).isEmpty();
        }

        @Test
        void billOnlyBeforeTheArchiveMonthDoesNotCount() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("RES_NEW")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-08-20"))
                    .with(aBill("B1").period("2026-07"))
                    .build();

            assertThat(findingsOf("BIL-19", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-19", APPLICATION, "A1", null));
        }

        @Test
        void changeApplicationsAndApplicationsNotArchivedAreNotJudged() {
            CustomerBundle bundle = aBundle(aCustomer("C001"))
                    .with(anApplication("A1")
                            .type("LV_INCREASE")
                            .acceptedOn("2026-07-01")
                            .archivedOn("2026-08-20"))
                    .with(anApplication("A2").type("RES_NEW").acceptedOn("2026-07-01"))
                    .with(anApplication("A3")
                            .type("LV_NEW")
                            .acceptedOn("2026-07-01")
                            .cancelled())
                    .build();

            assertThat(findingsOf("BIL-19", AS_OF, bundle)).isEmpty();
        }
    }

    @Nested
    class Bil20TemporarySupplyOverdue {

        @Test
        void activeCustomerPastItsTemporarySupplyEndRaisesBil20() {
            List<Finding> findings = findingsOf(
                    "BIL-20",
                    AS_OF,
                    aBundle(aCustomer("C001").temporaryUntil("2026-09-30")).build());

            assertThat(findings)
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-20", CUSTOMER, "C001", null));
            assertThat(findings.get(0).message()).contains("C001", "临时用电截止 2026-09-30", "基准日 2026-11-05");
        }

        @Test
        void temporarySupplyEndingTheDayBeforeTheAsOfDateRaisesBil20() {
            assertThat(findingsOf(
                            "BIL-20",
                            AS_OF,
                            aBundle(aCustomer("C001").temporaryUntil("2026-11-04"))
                                    .build()))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-20", CUSTOMER, "C001", null));
        }

        @Test
        void temporarySupplyEndingOnTheAsOfDateIsNotYetOverdue() {
            assertThat(findingsOf(
                            "BIL-20",
                            AS_OF,
                            aBundle(aCustomer("C001").temporaryUntil("2026-11-05"))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void closedTemporaryCustomerOrPermanentCustomerDoesNotRaiseBil20() {
            assertThat(findingsOf(
                            "BIL-20",
                            AS_OF,
                            aBundle(aCustomer("C001")
                                            .temporaryUntil("2026-09-30")
                                            .closedOn("2026-10-02"))
                                    .build(),
                            aBundle(aCustomer("C002")).build()))
                    .isEmpty();
        }
    }
}
