package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.BILL;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aTariff;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsFor;
import static org.jicha.rules.testkit.RuleTestKit.findingsOf;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Test;

/** rules/bil/billing.drl: BIL-08 电价类别错误. As of 2026-11-05 the audited period is 2026-10. */
class BilBillingRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Test
    void billOnAnotherTariffThanTheContractRaisesBil08() {
        CustomerBundle bundle = aBundle(aCustomer("C001").residential()).with(aBill("B1").period("2026-10").tariff("COM-0.4")).build();

        List<Finding> findings = findingsOf("BIL-08", AS_OF, bundle);

        assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
        assertThat(findings.get(0).message()).contains("B1", "COM-0.4", "COMMERCIAL", "RES-0.22", "RESIDENTIAL");
    }

    @Test
    void contractedTariffOfAnotherCategoryThanTheCustomerRaisesBil08() {
        CustomerBundle bundle = aBundle(aCustomer("C001").commercial().tariff("RES-0.22"))
                .with(aBill("B1").period("2026-10").tariff("RES-0.22")).build();

        assertThat(findingsOf("BIL-08", AS_OF, bundle)).extracting(RuleTestKit::key)
                .containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
    }

    @Test
    void categoryIsTakenFromTheTariffVersionValidInTheBillsPeriod() {
        var tariffs = List.of(
                aTariff("MIX").category("RESIDENTIAL").valid("2020-01-01", "2026-09-30").build(),
                aTariff("MIX").category("COMMERCIAL").valid("2026-10-01", null).build());
        CustomerBundle bundle = aBundle(aCustomer("C001").residential().tariff("MIX"))
                .with(aBill("B1").period("2026-10").tariff("MIX")).build();

        assertThat(findingsFor(AS_OF, tariffs, bundle)).extracting(RuleTestKit::key)
                .containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
        assertThat(findingsFor(AS_OF.minusMonths(1), tariffs, aBundle(aCustomer("C001").residential().tariff("MIX"))
                .with(aBill("B0").period("2026-09").tariff("MIX")).build())).isEmpty();
    }

    @Test
    void wrongTariffOnABillOfAnEarlierPeriodIsNotJudgedAgain() {
        CustomerBundle bundle = aBundle(aCustomer("C001").residential()).with(aBill("B0").period("2026-09").tariff("COM-0.4")).build();

        assertThat(findingsOf("BIL-08", AS_OF, bundle)).isEmpty();
    }

    @Test
    void billOnTheContractedTariffOfTheRightCategoryDoesNotRaiseBil08() {
        CustomerBundle residential = aBundle(aCustomer("C001").residential()).with(aBill("B1").tariff("RES-0.22")).build();
        CustomerBundle industrial = aBundle(aCustomer("C002").largeIndustrial()).with(aBill("B2").tariff("LI-10")).build();

        assertThat(findingsOf("BIL-08", AS_OF, residential, industrial)).isEmpty();
    }
}
