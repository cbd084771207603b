package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.BILL;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
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
 * rules/bil/collection.drl: BIL-16 违约金违规减免, BIL-15 违约金计算错误. As of 2026-11-05 the audited period is
 * 2026-10: both judge the bills paid within it, whatever the bill's own period (the finding carries that).
 */
class BilCollectionRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    /** A September bill due 2026-10-17, as the sample batch issues them. */
    private static BillBuilder septemberBill(String billNo) {
        return aBill(billNo).period("2026-09").dueOn("2026-10-17");
    }

    private static List<Finding> commercial(String rule, BillBuilder bill) {
        return findingsOf(
                rule,
                AS_OF,
                aBundle(aCustomer("C001").commercial())
                        .with(bill.tariff("COM-0.4"))
                        .build());
    }

    private static List<Finding> residential(String rule, BillBuilder bill) {
        return findingsOf(
                rule, AS_OF, aBundle(aCustomer("C001").residential()).with(bill).build());
    }

    @Nested
    class Bil16 {

        @Test
        void lateFeeWaivedWithoutAnApproverRaisesBil16() {
            List<Finding> findings = commercial(
                    "BIL-16",
                    septemberBill("B1")
                            .paidOn("2026-10-21", 0.0)
                            .lateFeeWaivedBy(null)
                            .clerk("K27"));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-16", BILL, "B1", "2026-09"));
            assertThat(findings.get(0).message()).isEqualTo("账单 B1（2026-09）于 2026-10-21 缴费，违约金已减免，无减免审批人");
        }

        @Test
        void lateFeeWaivedByTheBillsOwnClerkRaisesBil16() {
            List<Finding> findings = commercial(
                    "BIL-16",
                    septemberBill("B1")
                            .paidOn("2026-10-21", 0.0)
                            .lateFeeWaivedBy("K27")
                            .clerk("K27"));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-16", BILL, "B1", "2026-09"));
            assertThat(findings.get(0).message()).isEqualTo("账单 B1（2026-09）于 2026-10-21 缴费，违约金已减免，审批人 K27 即本账单核算员 K27");
        }

        @Test
        void billsPaidOnTheFirstAndLastDayOfTheAuditedPeriodAreJudged() {
            assertThat(commercial(
                            "BIL-16",
                            septemberBill("B1").paidOn("2026-10-01", 0.0).lateFeeWaivedBy(null)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-16", BILL, "B1", "2026-09"));
            assertThat(commercial(
                            "BIL-16",
                            aBill("B2")
                                    .period("2026-09")
                                    .dueOn("2026-10-20")
                                    .paidOn("2026-10-31", 0.0)
                                    .lateFeeWaivedBy(null)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-16", BILL, "B2", "2026-09"));
        }

        @Test
        void billsPaidOutsideTheAuditedPeriodAreNotJudged() {
            assertThat(commercial(
                            "BIL-16",
                            aBill("B1")
                                    .period("2026-08")
                                    .dueOn("2026-09-17")
                                    .paidOn("2026-09-30", 0.0)
                                    .lateFeeWaivedBy(null)))
                    .isEmpty();
            assertThat(commercial(
                            "BIL-16",
                            aBill("B2")
                                    .period("2026-10")
                                    .dueOn("2026-11-01")
                                    .paidOn("2026-11-02", 0.0)
                                    .lateFeeWaivedBy(null)))
                    .isEmpty();
            assertThat(commercial("BIL-16", septemberBill("B3").lateFeeWaivedBy(null)))
                    .as("unpaid")
                    .isEmpty();
        }

        @Test
        void waiverApprovedBySomeoneElseThanTheClerkDoesNotRaiseBil16() {
            assertThat(commercial(
                            "BIL-16",
                            septemberBill("B1")
                                    .paidOn("2026-10-20", 0.0)
                                    .lateFeeWaivedBy("K43")
                                    .clerk("K47")))
                    .isEmpty();
        }

        @Test
        void billWithoutWaiverDoesNotRaiseBil16EvenWithoutApprover() {
            assertThat(commercial(
                            "BIL-16",
                            septemberBill("B1").paidOn("2026-10-20", 7.0).clerk("K27")))
                    .isEmpty();
        }
    }

    @Nested
    class Bil15 {

        @Test
        void commercialBillPaidSixDaysLateWithoutLateFeeRaisesBil15() {
            // 4747.17 x 0.2 % x 6 days (2026-10-18 .. 2026-10-23) = 56.97
            List<Finding> findings =
                    commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-23", 0.0));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-15", BILL, "B1", "2026-09"));
            assertThat(findings.get(0).message())
                    .isEqualTo("账单 B1（2026-09，一般工商业）应收 4747.17 元，缴费期限 2026-10-17，"
                            + "2026-10-23 缴费，逾期 6 天，日费率 0.2%：应收违约金 56.97 元，实收 0.00 元，相差超过 1.00 元");
        }

        @Test
        void anEmptyLateFeeCountsAsNoneCharged() {
            assertThat(commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-23", null)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-15", BILL, "B1", "2026-09"));
        }

        @Test
        void aDifferenceOfExactlyOneYuanIsTolerated() {
            assertThat(commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-23", 55.97)))
                    .isEmpty();
            assertThat(commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-23", 57.97)))
                    .isEmpty();
            assertThat(commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-23", 55.96)))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-15", BILL, "B1", "2026-09"));
        }

        @Test
        void residentialCustomersPayOneThousandthPerDay() {
            // 1200.00 x 0.1 % x 10 days = 12.00; at the commercial 0.2 % it would be 24.00
            BillBuilder bill = septemberBill("B1").total(1200).paidOn("2026-10-27", 24.0);

            List<Finding> findings = residential("BIL-15", bill);

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-15", BILL, "B1", "2026-09"));
            assertThat(findings.get(0).message())
                    .contains("居民生活", "逾期 10 天", "日费率 0.1%", "应收违约金 12.00 元", "实收 24.00 元");
            assertThat(residential("BIL-15", septemberBill("B2").total(1200).paidOn("2026-10-27", 12.0)))
                    .isEmpty();
        }

        @Test
        void theLateFeeIsAtLeastOneYuan() {
            // 50.00 x 0.1 % x 2 days = 0.10, raised to the 1.00 minimum: 2.50 charged is 1.50 too much
            List<Finding> findings =
                    residential("BIL-15", septemberBill("B1").total(50).paidOn("2026-10-19", 2.5));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-15", BILL, "B1", "2026-09"));
            assertThat(findings.get(0).message()).contains("逾期 2 天", "应收违约金 1.00 元", "实收 2.50 元");
            assertThat(residential("BIL-15", septemberBill("B2").total(50).paidOn("2026-10-19", 1.0)))
                    .isEmpty();
        }

        @Test
        void daysAfterTheBillsYearEndCostThreeThousandthsForNonResidentialCustomers() {
            // as of 2027-02-05 the audited period is 2027-01. November bill due 2026-12-25, paid 2027-01-04:
            // 6 days in 2026 at 0.2 % and 4 days after 31 December at 0.3 % of 1000.00 = 12.00 + 12.00 = 24.00
            LocalDate asOf = LocalDate.of(2027, 2, 5);
            CustomerBundle bundle = aBundle(aCustomer("C001").commercial())
                    .with(aBill("B1")
                            .period("2026-11")
                            .tariff("COM-0.4")
                            .dueOn("2026-12-25")
                            .total(1000)
                            .paidOn("2027-01-04", 20.0))
                    .build();

            List<Finding> findings = findingsOf("BIL-15", asOf, bundle);

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-15", BILL, "B1", "2026-11"));
            assertThat(findings.get(0).message())
                    .contains("逾期 10 天（其中跨年度 4 天）", "日费率 0.2%/0.3%", "应收违约金 24.00 元", "实收 20.00 元");
        }

        @Test
        void billPaidOnItsDueDateOrWithTheRightFeeDoesNotRaiseBil15() {
            assertThat(commercial("BIL-15", septemberBill("B1").total(4747.17).paidOn("2026-10-17", null)))
                    .isEmpty();
            assertThat(commercial("BIL-15", septemberBill("B2").total(4747.17).paidOn("2026-10-23", 56.97)))
                    .isEmpty();
        }

        @Test
        void waivedLateFeeIsLeftToBil16() {
            assertThat(commercial(
                            "BIL-15",
                            septemberBill("B1")
                                    .total(4747.17)
                                    .paidOn("2026-10-23", 0.0)
                                    .lateFeeWaivedBy("K43")))
                    .isEmpty();
        }

        @Test
        void latePaymentOutsideTheAuditedPeriodIsNotJudged() {
            assertThat(commercial(
                            "BIL-15",
                            aBill("B1")
                                    .period("2026-08")
                                    .dueOn("2026-09-17")
                                    .total(4747.17)
                                    .paidOn("2026-09-30", 0.0)))
                    .isEmpty();
            assertThat(commercial("BIL-15", septemberBill("B2").total(4747.17)))
                    .as("still unpaid")
                    .isEmpty();
        }
    }
}
