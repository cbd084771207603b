package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.SubjectType.BILL;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.aTariff;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.finding;
import static org.jicha.rules.testkit.RuleTestKit.findingsFor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Tariff;
import org.jicha.facts.fixtures.BillBuilder;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.StandardTariffs;
import org.jicha.rules.testkit.RuleTestKit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * rules/bil/pricing.drl: BIL-08 电价类别错误, BIL-10 电度电费计算错误, BIL-11 基本电费计算错误, BIL-14 需量超限未加价. As of 2026-11-05 the
 * audited period is 2026-10. Prices as in the sample batch: residential tiers 0.5283 / 0.5783 / 0.8283 at 230 and
 * 400 kWh; large-industrial two-part 27.00 yuan/kVA or 40.50 yuan/kW.
 */
class BilPricingRulesTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    private static final List<Tariff> TARIFFS = tariffs();

    private static List<Tariff> tariffs() {
        List<Tariff> all = new ArrayList<>(StandardTariffs.all());
        all.add(aTariff("RES-T")
                .category("RESIDENTIAL")
                .atVoltage(0.22)
                .price(0.5283)
                .tiers(230, 400, 0.5783, 0.8283)
                .build());
        all.add(aTariff("LI-2P")
                .category("LARGE_INDUSTRIAL")
                .atVoltage(10)
                .price(0.6318)
                .basicPrices(27.0, 40.5)
                .build());
        all.add(aTariff("COM-NEW")
                .category("COMMERCIAL")
                .atVoltage(0.4)
                .price(0.6712)
                .valid("2023-06-01", "2026-09-30")
                .build());
        all.add(aTariff("COM-NEW")
                .category("COMMERCIAL")
                .atVoltage(0.4)
                .price(0.6598)
                .valid("2026-10-01", null)
                .build());
        return List.copyOf(all);
    }

    private static List<Finding> findingsOf(String rule, CustomerBundle... bundles) {
        return findingsFor(AS_OF, TARIFFS, bundles).stream()
                .filter(f -> f.ruleCode().equals(rule))
                .toList();
    }

    /** BIL-08 电价类别错误: the bill's tariff against the contracted tariff and the customer's category. */
    @Nested
    class Bil08 {

        @Test
        void billOnAnotherTariffThanTheContractRaisesBil08() {
            CustomerBundle bundle = aBundle(aCustomer("C001").residential())
                    .with(aBill("B1").period("2026-10").tariff("COM-0.4"))
                    .build();

            List<Finding> findings = RuleTestKit.findingsOf("BIL-08", AS_OF, bundle);

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message()).contains("B1", "COM-0.4", "类别 一般工商业", "RES-0.22", "类别 居民生活");
        }

        @Test
        void contractedTariffOfAnotherCategoryThanTheCustomerRaisesBil08() {
            CustomerBundle bundle = aBundle(aCustomer("C001").commercial().tariff("RES-0.22"))
                    .with(aBill("B1").period("2026-10").tariff("RES-0.22"))
                    .build();

            assertThat(RuleTestKit.findingsOf("BIL-08", AS_OF, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
        }

        @Test
        void categoryIsTakenFromTheTariffVersionValidInTheBillsPeriod() {
            var tariffs = List.of(
                    aTariff("MIX")
                            .category("RESIDENTIAL")
                            .valid("2020-01-01", "2026-09-30")
                            .build(),
                    aTariff("MIX")
                            .category("COMMERCIAL")
                            .valid("2026-10-01", null)
                            .build());
            CustomerBundle bundle = aBundle(aCustomer("C001").residential().tariff("MIX"))
                    .with(aBill("B1").period("2026-10").tariff("MIX"))
                    .build();

            assertThat(findingsFor(AS_OF, tariffs, bundle))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-08", BILL, "B1", "2026-10"));
            assertThat(findingsFor(
                            AS_OF.minusMonths(1),
                            tariffs,
                            aBundle(aCustomer("C001").residential().tariff("MIX"))
                                    .with(aBill("B0").period("2026-09").tariff("MIX"))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void wrongTariffOnABillOfAnEarlierPeriodIsNotJudgedAgain() {
            CustomerBundle bundle = aBundle(aCustomer("C001").residential())
                    .with(aBill("B0").period("2026-09").tariff("COM-0.4"))
                    .build();

            assertThat(RuleTestKit.findingsOf("BIL-08", AS_OF, bundle)).isEmpty();
        }

        @Test
        void billOnTheContractedTariffOfTheRightCategoryDoesNotRaiseBil08() {
            CustomerBundle residential = aBundle(aCustomer("C001").residential())
                    .with(aBill("B1").tariff("RES-0.22"))
                    .build();
            CustomerBundle industrial = aBundle(aCustomer("C002").largeIndustrial())
                    .with(aBill("B2").tariff("LI-10"))
                    .build();

            assertThat(RuleTestKit.findingsOf("BIL-08", AS_OF, residential, industrial))
                    .isEmpty();
        }
    }

    @Nested
    class Bil10 {

        private List<Finding> tiered(String rule, double kwh, double charged) {
            return findingsOf(
                    rule,
                    aBundle(aCustomer("C001").residential().tariff("RES-T"))
                            .with(aBill("B1").tariff("RES-T").energy(kwh, charged))
                            .build());
        }

        @Test
        void tieredUsagePricedFlatRaisesBil10() {
            // 230 x 0.5283 + 86 x 0.5783 = 171.24; billed 316 x 0.5283 = 166.94
            List<Finding> findings = tiered("BIL-10", 316, 166.94);

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-10", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo(
                            "账单 B1（2026-10）计费电量 316 kWh，按 RES-T 阶梯电价"
                                    + "（230 kWh 内 0.5283，400 kWh 内 0.5783，以上 0.8283 元/kWh），应收电度电费 171.24 元，实收 166.94 元，相差超过 1.00 元");
        }

        @Test
        void allThreeTiersArePriced() {
            // 230 x 0.5283 + 170 x 0.5783 + 100 x 0.8283 = 302.65
            assertThat(tiered("BIL-10", 500, 302.65)).isEmpty();
            assertThat(tiered("BIL-10", 500, 264.15))
                    .as("500 x 0.5283")
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-10", BILL, "B1", "2026-10"));
        }

        @Test
        void usageWithinTheFirstTierIsPricedAtTheFirstPrice() {
            assertThat(tiered("BIL-10", 230, 121.51)).isEmpty();
        }

        @Test
        void aDifferenceOfExactlyOneYuanIsTolerated() {
            // flat 0.5 yuan/kWh: 120 kWh = 60.00
            CustomerBundle atLimit = aBundle(aCustomer("C001").residential())
                    .with(aBill("B1").energy(120, 61.00))
                    .build();
            CustomerBundle above = aBundle(aCustomer("C002").residential())
                    .with(aBill("B2").energy(120, 61.01))
                    .build();
            CustomerBundle below = aBundle(aCustomer("C003").residential())
                    .with(aBill("B3").energy(120, 58.99))
                    .build();

            assertThat(findingsOf("BIL-10", atLimit, above, below))
                    .extracting(RuleTestKit::key)
                    .containsExactlyInAnyOrder(
                            finding("BIL-10", BILL, "B2", "2026-10"), finding("BIL-10", BILL, "B3", "2026-10"));
        }

        @Test
        void thePriceIsTheTariffVersionValidInThePeriod() {
            // 1000 kWh at the old 0.6712 = 671.20; the version valid from 2026-10-01 says 0.6598 -> 659.80
            CustomerBuilder shop = aCustomer("C001").commercial().tariff("COM-NEW");
            List<Finding> oldPrice = findingsOf(
                    "BIL-10",
                    aBundle(shop)
                            .with(aBill("B1").tariff("COM-NEW").energy(1000, 671.20))
                            .build());

            assertThat(oldPrice).extracting(RuleTestKit::key).containsExactly(finding("BIL-10", BILL, "B1", "2026-10"));
            assertThat(oldPrice.get(0).message()).contains("按 COM-NEW 电价 0.6598 元/kWh，应收电度电费 659.80 元，实收 671.20 元");
            assertThat(findingsOf(
                            "BIL-10",
                            aBundle(shop)
                                    .with(aBill("B1").tariff("COM-NEW").energy(1000, 659.80))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void billsOfEarlierPeriodsAreNotJudgedAgain() {
            assertThat(findingsOf(
                            "BIL-10",
                            aBundle(aCustomer("C001").residential())
                                    .with(aBill("B0").period("2026-09").energy(120, 40))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void correctlyPricedBillsDoNotRaiseBil10() {
            assertThat(findingsOf(
                            "BIL-10",
                            aBundle(aCustomer("C001").residential())
                                    .with(aBill("B1").energy(120, 60))
                                    .build(),
                            aBundle(aCustomer("C002").commercial())
                                    .with(aBill("B2").tariff("COM-0.4").energy(1000, 650))
                                    .build(),
                            aBundle(aCustomer("C003").residential().tariff("NONE"))
                                    .with(aBill("B3").tariff("NONE").energy(120, 1))
                                    .build()))
                    .isEmpty();
        }
    }

    /** A 10 kV factory on the two-part LI-2P, 1250 kVA contract, its meter's 2026-10 max demand, and its 2026-10 bill. */
    private static CustomerBundle factory(CustomerBuilder customer, Double maxDemandKw, BillBuilder bill) {
        var r = readings("M1").monthly("2026-10", 300_000);
        if (maxDemandKw != null) {
            r.maxDemand(maxDemandKw);
        }
        return aBundle(customer)
                .with(aMeter("M1").threePhase())
                .with(r)
                .with(bill.tariff("LI-2P"))
                .build();
    }

    private static CustomerBuilder byCapacity() {
        return aCustomer("C001")
                .largeIndustrial()
                .tariff("LI-2P")
                .contractKva(630)
                .basicChargeByCapacity();
    }

    private static CustomerBuilder byDemand() {
        return aCustomer("C001")
                .largeIndustrial()
                .tariff("LI-2P")
                .contractKva(1250)
                .basicChargeByDemand(1000);
    }

    private static BillBuilder billWithBasic(Double basicCharge) {
        return aBill("B1").energy(300_000, 189_540).basicCharge(basicCharge);
    }

    @Nested
    class Bil11 {

        @Test
        void capacityBilledOnAnOldCapacityRaisesBil11() {
            // running 630 kVA x 27.00 = 17010.00; billed 13500.00 (500 kVA)
            List<Finding> findings = findingsOf("BIL-11", factory(byCapacity(), null, billWithBasic(13500.0)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo("账单 B1（2026-10）按容量计收：运行容量 630 kVA × 27 元/kVA，"
                            + "应收基本电费 17010.00 元，实收 13500.00 元，相差超过 1.00 元");
        }

        @Test
        void capacityChargeUsesTheRunningCapacity() {
            CustomerBuilder paused = aCustomer("C001")
                    .largeIndustrial()
                    .tariff("LI-2P")
                    .contractKva(800)
                    .runningKva(630.0)
                    .basicChargeByCapacity();

            assertThat(findingsOf("BIL-11", factory(paused, null, billWithBasic(17010.0))))
                    .isEmpty();
            assertThat(findingsOf("BIL-11", factory(paused, null, billWithBasic(21600.0))))
                    .as("800 kVA")
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
        }

        @Test
        void aDifferenceOfExactlyOneYuanIsTolerated() {
            assertThat(findingsOf("BIL-11", factory(byCapacity(), null, billWithBasic(17009.0))))
                    .isEmpty();
            assertThat(findingsOf("BIL-11", factory(byCapacity(), null, billWithBasic(17011.0))))
                    .isEmpty();
            assertThat(findingsOf("BIL-11", factory(byCapacity(), null, billWithBasic(17008.99))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
        }

        @Test
        void anEmptyBasicChargeOnATwoPartTariffRaisesBil11() {
            List<Finding> findings = findingsOf("BIL-11", factory(byCapacity(), null, billWithBasic(null)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message()).contains("应收基本电费 17010.00 元，实收 空 元");
        }

        @Test
        void demandChargeOnTheMaxDemandWithinTheContractIsRight() {
            // 900 kW x 40.50 = 36450.00
            assertThat(findingsOf("BIL-11", factory(byDemand(), 900.0, billWithBasic(36450.0))))
                    .isEmpty();
        }

        @Test
        void demandBilledBelowTheMaxDemandRaisesBil11() {
            List<Finding> findings = findingsOf("BIL-11", factory(byDemand(), 900.0, billWithBasic(30000.0)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo(
                            "账单 B1（2026-10）按需量计收：最大需量 900 kW（合同需量 1000 kW，"
                                    + "下限 运行容量 1250 kVA × 0.4），计费需量 900 kW × 40.5 元/kW，应收基本电费 36450.00 元，实收 30000.00 元，相差超过 1.00 元");
        }

        @Test
        void demandIsBilledAtLeastAtFortyPercentOfTheRunningCapacity() {
            // max demand 400 kW < 0.4 x 1250 kVA = 500 kW: 500 x 40.50 = 20250.00, not 400 x 40.50 = 16200.00
            List<Finding> findings = findingsOf("BIL-11", factory(byDemand(), 400.0, billWithBasic(16200.0)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message()).contains("计费需量 500 kW", "应收基本电费 20250.00 元");
            assertThat(findingsOf("BIL-11", factory(byDemand(), 400.0, billWithBasic(20250.0))))
                    .isEmpty();
        }

        @Test
        void demandOfExactlyOneHundredAndFivePercentIsStillJudgedByBil11() {
            // 1050 kW = 105 % of 1000: no surcharge; 1050 x 40.50 = 42525.00
            assertThat(findingsOf("BIL-11", factory(byDemand(), 1050.0, billWithBasic(42525.0))))
                    .isEmpty();
            assertThat(findingsOf("BIL-11", factory(byDemand(), 1050.0, billWithBasic(40500.0))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-11", BILL, "B1", "2026-10"));
        }

        @Test
        void demandAboveOneHundredAndFivePercentIsLeftToBil14() {
            assertThat(findingsOf("BIL-11", factory(byDemand(), 1150.0, billWithBasic(10000.0))))
                    .isEmpty();
        }

        @Test
        void billsThatCannotBeJudgedDoNotRaiseBil11() {
            CustomerBuilder noMode =
                    aCustomer("C001").largeIndustrial().tariff("LI-2P").contractKva(630);
            CustomerBuilder singlePart =
                    aCustomer("C002").largeIndustrial().contractKva(630).basicChargeByCapacity();

            assertThat(findingsOf(
                            "BIL-11",
                            factory(noMode, null, billWithBasic(1.0)),
                            factory(byDemand(), null, billWithBasic(1.0)),
                            aBundle(singlePart)
                                    .with(aBill("B2").tariff("LI-10").energy(1000, 600))
                                    .build()))
                    .isEmpty();
        }

        @Test
        void billsOfEarlierPeriodsAreNotJudgedAgain() {
            assertThat(findingsOf(
                            "BIL-11",
                            factory(byCapacity(), null, billWithBasic(13500.0).period("2026-09"))))
                    .isEmpty();
        }
    }

    @Nested
    class Bil14 {

        @Test
        void excessDemandBilledAtTheNormalPriceRaisesBil14() {
            // 1150 kW against 1000 kW: 100 kW above 1050 billed once more: 1150 x 40.50 + 100 x 40.50 = 50625.00
            List<Finding> findings = findingsOf("BIL-14", factory(byDemand(), 1150.0, billWithBasic(46575.0)));

            assertThat(findings).extracting(RuleTestKit::key).containsExactly(finding("BIL-14", BILL, "B1", "2026-10"));
            assertThat(findings.get(0).message())
                    .isEqualTo(
                            "账单 B1（2026-10）最大需量 1150 kW，超过合同需量 1000 kW 的 105%"
                                    + "（1050 kW）100 kW，超出部分应按 2 倍需量电价 40.5 元/kW 计收：应收基本电费 50625.00 元，实收 46575.00 元，相差超过 1.00 元");
        }

        @Test
        void excessDemandBilledTwiceDoesNotRaiseBil14() {
            assertThat(findingsOf("BIL-14", factory(byDemand(), 1150.0, billWithBasic(50625.0))))
                    .isEmpty();
        }

        @Test
        void aDifferenceOfExactlyOneYuanIsTolerated() {
            assertThat(findingsOf("BIL-14", factory(byDemand(), 1150.0, billWithBasic(50624.0))))
                    .isEmpty();
            assertThat(findingsOf("BIL-14", factory(byDemand(), 1150.0, billWithBasic(50623.99))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-14", BILL, "B1", "2026-10"));
        }

        @Test
        void demandOfExactlyOneHundredAndFivePercentIsNotSurcharged() {
            // 42525.00 is right at 1050 kW; BIL-14 stays silent even when the bill is wrong (BIL-11 judges it)
            assertThat(findingsOf("BIL-14", factory(byDemand(), 1050.0, billWithBasic(40500.0))))
                    .isEmpty();
            // one kW more: 1051 x 40.50 + 1 x 40.50 = 42606.00, billed 1051 x 40.50 = 42565.50
            assertThat(findingsOf("BIL-14", factory(byDemand(), 1051.0, billWithBasic(42565.5))))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-14", BILL, "B1", "2026-10"));
        }

        @Test
        void maxDemandIsSummedOverTheCustomersMeters() {
            // 600 + 550 = 1150 kW on two metering points: 50625.00 expected
            CustomerBundle twoMeters = aBundle(byDemand())
                    .with(aMeter("M1").threePhase())
                    .with(readings("M1").monthly("2026-10", 150_000).maxDemand(600))
                    .with(aMeter("M2").threePhase())
                    .with(readings("M2").monthly("2026-10", 150_000).maxDemand(550))
                    .with(billWithBasic(46575.0).tariff("LI-2P"))
                    .build();

            assertThat(findingsOf("BIL-14", twoMeters))
                    .extracting(RuleTestKit::key)
                    .containsExactly(finding("BIL-14", BILL, "B1", "2026-10"));
        }

        @Test
        void capacityBilledCustomersAreNotJudgedOnDemand() {
            assertThat(findingsOf("BIL-14", factory(byCapacity(), 1150.0, billWithBasic(17010.0))))
                    .isEmpty();
        }
    }
}
