package org.jicha.tools.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's price catalogue (电价表) every generated batch is billed by, and the pricing the bills must follow:
 * monthly residential tiers, the two-part basic charge (BIL-11), the power-factor adjustment (BIL-13), the funds
 * surcharge and the late-payment fee (BIL-15). One catalogue for the sample batch and the province-scale batches;
 * only the first day the versions are valid differs ({@link #sample()} from 2023-06, {@link #province()} from
 * 2019-01 so that 60 months fit before 2026-11). Two ways of pricing: exact, in {@code BigDecimal}, for the sample's
 * few thousand bills; in doubles and whole fen ({@link Rates}) for millions of bills, which the rules' 1 yuan of
 * rounding tolerance (BIL-10, 11, 13, 15) allows.
 *
 * <p>Long because it is the price catalogue of both generators, exact (sample) and fast (province), and
 * each must round as the billing rules do.
 */
public final class TariffBook {

    public static final String RES22 = "RES22";
    public static final String COM04 = "COM04";
    public static final String COM04P = "COM04P";
    public static final String COM10 = "COM10";
    public static final String COM10D = "COM10D";
    public static final String LI10 = "LI10";
    public static final String LI35 = "LI35";
    public static final String AGR04 = "AGR04";
    public static final String AGR04P = "AGR04P";
    public static final String AGR10 = "AGR10";

    /** 政府性基金及附加 billed apart from the catalogue price for commercial and large-industrial energy. */
    public static final BigDecimal FUND_SURCHARGE_PER_KWH = new BigDecimal("0.0272");

    private static final double FUND_SURCHARGE_FAST = Double.parseDouble(FUND_SURCHARGE_PER_KWH.toPlainString());

    /** The first day the sample batch's versions are valid. */
    public static final LocalDate SAMPLE_FIRST_VALID = LocalDate.of(2023, 6, 1);
    /** The first day the province-scale batches' versions are valid: 60 months fit before 2026-11. */
    public static final LocalDate PROVINCE_FIRST_VALID = LocalDate.of(2019, 1, 1);
    /** The agency-purchase reform lowered the single-part commercial price: two versions of COM04 and COM04P. */
    private static final LocalDate REFORM = LocalDate.of(2026, 6, 1);

    private static final TariffBook SAMPLE = new TariffBook(SAMPLE_FIRST_VALID);
    private static final TariffBook PROVINCE = new TariffBook(PROVINCE_FIRST_VALID);

    /** One version of a tariff as the contract's {@code tariffs.csv} carries it; a null price means none. */
    public record Tariff(
            String code,
            String name,
            String category,
            BigDecimal voltageKv,
            BigDecimal energyPrice,
            BigDecimal tier1LimitKwh,
            BigDecimal tier2LimitKwh,
            BigDecimal tier2Price,
            BigDecimal tier3Price,
            BigDecimal basicPriceKva,
            BigDecimal basicPriceKw,
            BigDecimal pfStandard,
            LocalDate validFrom,
            LocalDate validTo) {

        /** Valid on every day of the period. */
        public boolean validIn(YearMonth period) {
            return !validFrom.isAfter(period.atDay(1)) && (validTo == null || !validTo.isBefore(period.atEndOfMonth()));
        }

        public boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }

        public boolean isTwoPart() {
            return basicPriceKva != null || basicPriceKw != null;
        }

        Tariff tiers(String limit1, String limit2, String price2, String price3) {
            return new Tariff(
                    code,
                    name,
                    category,
                    voltageKv,
                    energyPrice,
                    new BigDecimal(limit1),
                    new BigDecimal(limit2),
                    new BigDecimal(price2),
                    new BigDecimal(price3),
                    basicPriceKva,
                    basicPriceKw,
                    pfStandard,
                    validFrom,
                    validTo);
        }

        Tariff basic(String perKva, String perKw) {
            return new Tariff(
                    code,
                    name,
                    category,
                    voltageKv,
                    energyPrice,
                    tier1LimitKwh,
                    tier2LimitKwh,
                    tier2Price,
                    tier3Price,
                    new BigDecimal(perKva),
                    new BigDecimal(perKw),
                    pfStandard,
                    validFrom,
                    validTo);
        }

        Tariff pf(String standard) {
            return new Tariff(
                    code,
                    name,
                    category,
                    voltageKv,
                    energyPrice,
                    tier1LimitKwh,
                    tier2LimitKwh,
                    tier2Price,
                    tier3Price,
                    basicPriceKva,
                    basicPriceKw,
                    new BigDecimal(standard),
                    validFrom,
                    validTo);
        }
    }

    /**
     * A version's prices as doubles for pricing millions of bills without {@code BigDecimal}s; 0 means none.
     * The doubles are the nearest to the catalogue's decimal prices.
     */
    public record Rates(
            String code,
            String name,
            String category,
            String voltageKv,
            double energyPrice,
            double tier1Limit,
            double tier2Limit,
            double tier2Price,
            double tier3Price,
            double basicPriceKva,
            double basicPriceKw,
            double pfStandard,
            LocalDate validFrom,
            LocalDate validTo) {

        static Rates of(Tariff t) {
            return new Rates(
                    t.code(),
                    t.name(),
                    t.category(),
                    t.voltageKv().toPlainString(),
                    value(t.energyPrice()),
                    value(t.tier1LimitKwh()),
                    value(t.tier2LimitKwh()),
                    value(t.tier2Price()),
                    value(t.tier3Price()),
                    value(t.basicPriceKva()),
                    value(t.basicPriceKw()),
                    value(t.pfStandard()),
                    t.validFrom(),
                    t.validTo());
        }

        private static double value(BigDecimal v) {
            return v == null ? 0 : Double.parseDouble(v.toPlainString());
        }

        public boolean tiered() {
            return tier1Limit > 0;
        }

        public boolean twoPart() {
            return basicPriceKva > 0 || basicPriceKw > 0;
        }
    }

    private final List<Tariff> all = new ArrayList<>();
    private final List<Rates> rates = new ArrayList<>();

    private TariffBook(LocalDate since) {
        add(version(RES22, "居民生活用电(一户一表,不满1千伏,阶梯)", "RESIDENTIAL", "0.22", "0.5283", since, null)
                .tiers("230", "400", "0.5783", "0.8283"));
        add(version(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", "0.6712", since, REFORM.minusDays(1)));
        add(version(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", "0.6598", REFORM, null));
        add(version(
                        COM04P,
                        "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)",
                        "COMMERCIAL",
                        "0.4",
                        "0.6712",
                        since,
                        REFORM.minusDays(1))
                .pf("0.85"));
        add(version(COM04P, "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)", "COMMERCIAL", "0.4", "0.6598", REFORM, null)
                .pf("0.85"));
        add(version(COM10, "一般工商业单一制(10千伏,力调0.85)", "COMMERCIAL", "10", "0.6462", since, null)
                .pf("0.85"));
        add(version(COM10D, "一般工商业两部制(10千伏,力调0.85)", "COMMERCIAL", "10", "0.6185", since, null)
                .basic("26.00", "39.00")
                .pf("0.85"));
        add(version(LI10, "大工业两部制(10千伏)", "LARGE_INDUSTRIAL", "10", "0.6318", since, null)
                .basic("27.00", "40.50")
                .pf("0.90"));
        add(version(LI35, "大工业两部制(35千伏)", "LARGE_INDUSTRIAL", "35", "0.6068", since, null)
                .basic("25.50", "38.50")
                .pf("0.90"));
        add(version(AGR04, "农业生产用电(不满1千伏)", "AGRICULTURAL", "0.4", "0.4886", since, null));
        add(version(AGR04P, "农业生产用电(不满1千伏,100千伏安及以上,力调0.80)", "AGRICULTURAL", "0.4", "0.4886", since, null)
                .pf("0.80"));
        add(version(AGR10, "农业生产用电(10千伏,力调0.80)", "AGRICULTURAL", "10", "0.4786", since, null)
                .pf("0.80"));
    }

    /** The catalogue of the sample batch, valid from 2023-06-01. */
    public static TariffBook sample() {
        return SAMPLE;
    }

    /** The catalogue of the province-scale batches, valid from 2019-01-01. */
    public static TariffBook province() {
        return PROVINCE;
    }

    private static Tariff version(
            String code, String name, String category, String kv, String price, LocalDate from, LocalDate to) {
        return new Tariff(
                code,
                name,
                category,
                new BigDecimal(kv),
                new BigDecimal(price),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                from,
                to);
    }

    private void add(Tariff t) {
        all.add(t);
        rates.add(Rates.of(t));
    }

    /** Every version, in the order of {@code tariffs.csv}. */
    public List<Tariff> all() {
        return List.copyOf(all);
    }

    /** Every version's rates, in the order of {@code tariffs.csv}. */
    public List<Rates> rates() {
        return List.copyOf(rates);
    }

    /** The version valid on every day of the period (the sample bills no period that straddles a change). */
    public Tariff valid(String code, YearMonth period) {
        for (Tariff t : all) {
            if (t.code().equals(code) && t.validIn(period)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no version of tariff " + code + " valid in " + period);
    }

    /** The version the rules apply to a bill of the period: valid on its last day, else on its first; or null. */
    public Rates ratesFor(String code, YearMonth period) {
        Rates first = null;
        for (Rates v : rates) {
            if (v.code().equals(code)) {
                if (validOn(v, period.atEndOfMonth())) {
                    return v;
                }
                if (first == null && validOn(v, period.atDay(1))) {
                    first = v;
                }
            }
        }
        return first;
    }

    private static boolean validOn(Rates v, LocalDate day) {
        return !v.validFrom().isAfter(day)
                && (v.validTo() == null || !v.validTo().isBefore(day));
    }

    // ---- exact pricing, in BigDecimal ----

    /** Energy charge: flat, or the monthly tiers of a tiered residential price. */
    public static BigDecimal energyCharge(Tariff t, BigDecimal kwh) {
        if (t.tier1LimitKwh() == null) {
            return money(kwh.multiply(t.energyPrice()));
        }
        BigDecimal tier1 = kwh.min(t.tier1LimitKwh());
        BigDecimal tier2 =
                kwh.min(t.tier2LimitKwh()).subtract(t.tier1LimitKwh()).max(BigDecimal.ZERO);
        BigDecimal tier3 = kwh.subtract(t.tier2LimitKwh()).max(BigDecimal.ZERO);
        return money(tier1.multiply(t.energyPrice())
                .add(tier2.multiply(t.tier2Price()))
                .add(tier3.multiply(t.tier3Price())));
    }

    /** BIL-11: running_kva x price (CAPACITY) or max(max demand, 40 % of running_kva) x price (DEMAND). */
    public static BigDecimal basicCharge(Tariff t, String mode, BigDecimal runningKva, BigDecimal maxDemandKw) {
        if (!t.isTwoPart()) {
            return null;
        }
        if ("DEMAND".equals(mode)) {
            BigDecimal billed = maxDemandKw.max(runningKva.multiply(new BigDecimal("0.4")));
            return money(billed.multiply(t.basicPriceKw()));
        }
        return money(runningKva.multiply(t.basicPriceKva()));
    }

    /** BIL-13: the table's rate applied to energy + basic charge; null when there is no standard or no pf. */
    public static BigDecimal pfAdjustment(Tariff t, BigDecimal pf, BigDecimal energyCharge, BigDecimal basicCharge) {
        if (t.pfStandard() == null || pf == null) {
            return null;
        }
        BigDecimal base = energyCharge.add(basicCharge == null ? BigDecimal.ZERO : basicCharge);
        BigDecimal rate = PfAdjustment.ratePercent(t.pfStandard(), pf);
        return money(base.multiply(rate).movePointLeft(2));
    }

    public static BigDecimal surcharge(String category, BigDecimal kwh) {
        if ("COMMERCIAL".equals(category) || "LARGE_INDUSTRIAL".equals(category)) {
            return money(kwh.multiply(FUND_SURCHARGE_PER_KWH));
        }
        return null;
    }

    /**
     * BIL-15: unpaid amount x daily rate x calendar days late (day after due_on .. paid_on); residential 0.1 %,
     * others 0.2 %, and 0.3 % for the days after 31 December of the year of the bill's period; at least 1 yuan.
     */
    public static BigDecimal lateFee(
            String category, YearMonth period, BigDecimal unpaid, LocalDate dueOn, LocalDate paidOn) {
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

    public static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    // ---- fast pricing, in doubles and whole fen ----

    /** Energy charge in fen of {@code kwh100} hundredths of a kWh: flat, or the monthly residential tiers. */
    public static long energyChargeFen(Rates v, long kwh100) {
        double kwh = kwh100 / 100.0;
        double yuan;
        if (!v.tiered()) {
            yuan = kwh * v.energyPrice();
        } else {
            double tier1 = Math.min(kwh, v.tier1Limit());
            double tier2 = Math.max(0, Math.min(kwh, v.tier2Limit()) - v.tier1Limit());
            double tier3 = Math.max(0, kwh - v.tier2Limit());
            yuan = tier1 * v.energyPrice() + tier2 * v.tier2Price() + tier3 * v.tier3Price();
        }
        return fen(yuan);
    }

    /** The funds surcharge in fen of {@code kwh100} hundredths of a kWh (commercial and large-industrial). */
    public static long surchargeFen(long kwh100) {
        return fen(kwh100 / 100.0 * FUND_SURCHARGE_FAST);
    }

    public static long fen(double yuan) {
        return Math.round(yuan * 100);
    }
}
