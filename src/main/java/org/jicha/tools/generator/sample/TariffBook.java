package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's price catalogue (电价表) and the pricing the bills must follow: monthly residential tiers,
 * the two-part basic charge (BIL-11), the power-factor adjustment (BIL-13), the funds surcharge and the
 * late-payment fee (BIL-15).
 */
final class TariffBook {

    static final String RES = "RES22";
    static final String COM04 = "COM04";
    static final String COM04P = "COM04P";
    static final String COM10 = "COM10";
    static final String COM10D = "COM10D";
    static final String LI10 = "LI10";
    static final String LI35 = "LI35";
    static final String AGR04 = "AGR04";
    static final String AGR04P = "AGR04P";
    static final String AGR10 = "AGR10";

    /** 政府性基金及附加 billed apart from the catalogue price for non-residential, non-agricultural energy. */
    static final BigDecimal FUND_SURCHARGE_PER_KWH = new BigDecimal("0.0272");

    final List<Batch.Tariff> all = new ArrayList<>();

    TariffBook() {
        LocalDate since = LocalDate.of(2023, 6, 1);
        add(RES, "居民生活用电(一户一表,不满1千伏,阶梯)", "RESIDENTIAL", "0.22", "0.5283", since, null)
                .tiers("230", "400", "0.5783", "0.8283");
        // the agency-purchase reform of June 2026 lowered the single-part commercial price: two versions
        add(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", "0.6712", since, LocalDate.of(2026, 5, 31));
        add(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", "0.6598", LocalDate.of(2026, 6, 1), null);
        add(COM04P, "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)", "COMMERCIAL", "0.4", "0.6712", since,
                LocalDate.of(2026, 5, 31)).pf("0.85");
        add(COM04P, "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)", "COMMERCIAL", "0.4", "0.6598",
                LocalDate.of(2026, 6, 1), null).pf("0.85");
        add(COM10, "一般工商业单一制(10千伏,力调0.85)", "COMMERCIAL", "10", "0.6462", since, null).pf("0.85");
        add(COM10D, "一般工商业两部制(10千伏,力调0.85)", "COMMERCIAL", "10", "0.6185", since, null)
                .basic("26.00", "39.00").pf("0.85");
        add(LI10, "大工业两部制(10千伏)", "LARGE_INDUSTRIAL", "10", "0.6318", since, null)
                .basic("27.00", "40.50").pf("0.90");
        add(LI35, "大工业两部制(35千伏)", "LARGE_INDUSTRIAL", "35", "0.6068", since, null)
                .basic("25.50", "38.50").pf("0.90");
        add(AGR04, "农业生产用电(不满1千伏)", "AGRICULTURAL", "0.4", "0.4886", since, null);
        add(AGR04P, "农业生产用电(不满1千伏,100千伏安及以上,力调0.80)", "AGRICULTURAL", "0.4", "0.4886", since, null)
                .pf("0.80");
        add(AGR10, "农业生产用电(10千伏,力调0.80)", "AGRICULTURAL", "10", "0.4786", since, null).pf("0.80");
    }

    private TariffFluent add(String code, String name, String category, String kv, String price, LocalDate from,
            LocalDate to) {
        Batch.Tariff t = new Batch.Tariff();
        t.code = code;
        t.name = name;
        t.category = category;
        t.voltageKv = new BigDecimal(kv);
        t.energyPrice = new BigDecimal(price);
        t.validFrom = from;
        t.validTo = to;
        all.add(t);
        return new TariffFluent(t);
    }

    private record TariffFluent(Batch.Tariff t) {
        TariffFluent tiers(String limit1, String limit2, String price2, String price3) {
            t.tier1LimitKwh = new BigDecimal(limit1);
            t.tier2LimitKwh = new BigDecimal(limit2);
            t.tier2Price = new BigDecimal(price2);
            t.tier3Price = new BigDecimal(price3);
            return this;
        }

        TariffFluent basic(String perKva, String perKw) {
            t.basicPriceKva = new BigDecimal(perKva);
            t.basicPriceKw = new BigDecimal(perKw);
            return this;
        }

        TariffFluent pf(String standard) {
            t.pfStandard = new BigDecimal(standard);
            return this;
        }
    }

    Batch.Tariff valid(String code, YearMonth period) {
        for (Batch.Tariff t : all) {
            if (t.code.equals(code) && t.validIn(period)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no version of tariff " + code + " valid in " + period);
    }

    /** Energy charge: flat, or the monthly tiers of a tiered residential price. */
    static BigDecimal energyCharge(Batch.Tariff t, BigDecimal kwh) {
        if (t.tier1LimitKwh == null) {
            return money(kwh.multiply(t.energyPrice));
        }
        BigDecimal tier1 = kwh.min(t.tier1LimitKwh);
        BigDecimal tier2 = kwh.min(t.tier2LimitKwh).subtract(t.tier1LimitKwh).max(BigDecimal.ZERO);
        BigDecimal tier3 = kwh.subtract(t.tier2LimitKwh).max(BigDecimal.ZERO);
        return money(tier1.multiply(t.energyPrice).add(tier2.multiply(t.tier2Price)).add(tier3.multiply(t.tier3Price)));
    }

    /** BIL-11: running_kva x price (CAPACITY) or max(max demand, 40 % of running_kva) x price (DEMAND). */
    static BigDecimal basicCharge(Batch.Tariff t, String mode, BigDecimal runningKva, BigDecimal maxDemandKw) {
        if (!t.isTwoPart()) {
            return null;
        }
        if ("DEMAND".equals(mode)) {
            BigDecimal billed = maxDemandKw.max(runningKva.multiply(new BigDecimal("0.4")));
            return money(billed.multiply(t.basicPriceKw));
        }
        return money(runningKva.multiply(t.basicPriceKva));
    }

    /** BIL-13: the table's rate applied to energy + basic charge; zero when there is no standard or no energy. */
    static BigDecimal pfAdjustment(Batch.Tariff t, BigDecimal pf, BigDecimal energyCharge, BigDecimal basicCharge) {
        if (t.pfStandard == null || pf == null) {
            return null;
        }
        BigDecimal base = energyCharge.add(basicCharge == null ? BigDecimal.ZERO : basicCharge);
        BigDecimal rate = PfAdjustment.ratePercent(t.pfStandard, pf);
        return money(base.multiply(rate).movePointLeft(2));
    }

    static BigDecimal surcharge(String category, BigDecimal kwh) {
        if ("COMMERCIAL".equals(category) || "LARGE_INDUSTRIAL".equals(category)) {
            return money(kwh.multiply(FUND_SURCHARGE_PER_KWH));
        }
        return null;
    }

    /**
     * BIL-15: unpaid amount x daily rate x calendar days late (day after due_on .. paid_on); residential 0.1 %,
     * others 0.2 %, and 0.3 % for the days after 31 December of the year of the bill's period; at least 1 yuan.
     */
    static BigDecimal lateFee(String category, YearMonth period, BigDecimal unpaid, LocalDate dueOn, LocalDate paidOn) {
        BigDecimal fee = BigDecimal.ZERO;
        LocalDate yearEnd = LocalDate.of(period.getYear(), 12, 31);
        for (LocalDate d = dueOn.plusDays(1); !d.isAfter(paidOn); d = d.plusDays(1)) {
            String rate;
            if ("RESIDENTIAL".equals(category)) {
                rate = "0.001";
            } else {
                rate = d.isAfter(yearEnd) ? "0.003" : "0.002";
            }
            fee = fee.add(unpaid.multiply(new BigDecimal(rate)));
        }
        return money(fee).max(new BigDecimal("1.00"));
    }

    static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
