package org.jicha.tools.generator.province;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The price catalogue the generated customers are billed by: the sample batch's tariff book (same codes,
 * names, prices and the June 2026 price change as {@code org.jicha.tools.generator.sample}), with the pricing done in doubles and whole fen
 * so that millions of bills cost no {@code BigDecimal}s. The rules allow 1 yuan of rounding (BIL-10, 11, 13, 15).
 */
final class TariffBook {

    static final String RES22 = "RES22";
    static final String COM04 = "COM04";
    static final String COM04P = "COM04P";
    static final String COM10 = "COM10";
    static final String COM10D = "COM10D";
    static final String LI10 = "LI10";
    static final String LI35 = "LI35";
    static final String AGR04 = "AGR04";
    static final String AGR04P = "AGR04P";
    static final String AGR10 = "AGR10";

    /** 政府性基金及附加 per kWh for commercial and large-industrial energy. */
    static final double FUND_SURCHARGE_PER_KWH = 0.0272;

    /** One version of a tariff; a price of 0 means none (the column stays empty). */
    record Version(String code, String name, String category, String voltageKv, double energyPrice,
            double tier1Limit, double tier2Limit, double tier2Price, double tier3Price,
            double basicPriceKva, double basicPriceKw, double pfStandard, LocalDate validFrom, LocalDate validTo) {

        boolean tiered() {
            return tier1Limit > 0;
        }

        boolean twoPart() {
            return basicPriceKva > 0 || basicPriceKw > 0;
        }

        Version tiers(double limit1, double limit2, double price2, double price3) {
            return new Version(code, name, category, voltageKv, energyPrice, limit1, limit2, price2, price3,
                    basicPriceKva, basicPriceKw, pfStandard, validFrom, validTo);
        }

        Version basic(double perKva, double perKw) {
            return new Version(code, name, category, voltageKv, energyPrice, tier1Limit, tier2Limit, tier2Price,
                    tier3Price, perKva, perKw, pfStandard, validFrom, validTo);
        }

        Version pf(double standard) {
            return new Version(code, name, category, voltageKv, energyPrice, tier1Limit, tier2Limit, tier2Price,
                    tier3Price, basicPriceKva, basicPriceKw, standard, validFrom, validTo);
        }

        boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
        }
    }

    /** The sample's versions start in 2023-06; here they start earlier so that 60 months fit before 2026-11. */
    static final LocalDate FIRST_VALID = LocalDate.of(2019, 1, 1);
    private static final LocalDate SINCE = FIRST_VALID;
    private static final LocalDate REFORM = LocalDate.of(2026, 6, 1);

    static final List<Version> VERSIONS = List.of(
            flat(RES22, "居民生活用电(一户一表,不满1千伏,阶梯)", "RESIDENTIAL", "0.22", 0.5283, SINCE, null)
                    .tiers(230, 400, 0.5783, 0.8283),
            flat(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", 0.6712, SINCE, REFORM.minusDays(1)),
            flat(COM04, "一般工商业单一制(不满1千伏)", "COMMERCIAL", "0.4", 0.6598, REFORM, null),
            flat(COM04P, "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)", "COMMERCIAL", "0.4", 0.6712, SINCE,
                    REFORM.minusDays(1)).pf(0.85),
            flat(COM04P, "一般工商业单一制(不满1千伏,100千伏安及以上,力调0.85)", "COMMERCIAL", "0.4", 0.6598, REFORM, null)
                    .pf(0.85),
            flat(COM10, "一般工商业单一制(10千伏,力调0.85)", "COMMERCIAL", "10", 0.6462, SINCE, null).pf(0.85),
            flat(COM10D, "一般工商业两部制(10千伏,力调0.85)", "COMMERCIAL", "10", 0.6185, SINCE, null)
                    .basic(26.00, 39.00).pf(0.85),
            flat(LI10, "大工业两部制(10千伏)", "LARGE_INDUSTRIAL", "10", 0.6318, SINCE, null).basic(27.00, 40.50).pf(0.90),
            flat(LI35, "大工业两部制(35千伏)", "LARGE_INDUSTRIAL", "35", 0.6068, SINCE, null).basic(25.50, 38.50).pf(0.90),
            flat(AGR04, "农业生产用电(不满1千伏)", "AGRICULTURAL", "0.4", 0.4886, SINCE, null),
            flat(AGR04P, "农业生产用电(不满1千伏,100千伏安及以上,力调0.80)", "AGRICULTURAL", "0.4", 0.4886, SINCE, null)
                    .pf(0.80),
            flat(AGR10, "农业生产用电(10千伏,力调0.80)", "AGRICULTURAL", "10", 0.4786, SINCE, null).pf(0.80));

    private TariffBook() {
    }

    private static Version flat(String code, String name, String category, String kv, double price, LocalDate from,
            LocalDate to) {
        return new Version(code, name, category, kv, price, 0, 0, 0, 0, 0, 0, 0, from, to);
    }

    /** The version the rules apply to a bill of the period: valid on its last day, else on its first. */
    static Version forPeriod(String code, YearMonth period) {
        Version first = null;
        for (Version v : VERSIONS) {
            if (v.code().equals(code)) {
                if (v.validOn(period.atEndOfMonth())) {
                    return v;
                }
                if (first == null && v.validOn(period.atDay(1))) {
                    first = v;
                }
            }
        }
        return first;
    }

    /** Energy charge in fen of {@code kwh100} hundredths of a kWh: flat, or the monthly residential tiers. */
    static long energyChargeFen(Version v, long kwh100) {
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

    static long fen(double yuan) {
        return Math.round(yuan * 100);
    }

    /** The national power-factor adjustment percentage ((83)水电财字第215号) for a standard and a pf in hundredths. */
    static double pfRatePercent(double standard, int pf) {
        int s = (int) Math.round(standard * 100);
        double rate = switch (s) {
            case 90 -> pf >= 95 ? -0.75 : pf >= 90 ? -0.15 * (pf - 90) : pf >= 70 ? 0.5 * (90 - pf)
                    : pf >= 65 ? 10 + (70 - pf) : 15 + 2 * (65 - pf);
            case 85 -> pf >= 94 ? -1.10 : pf >= 91 ? -0.65 - 0.15 * (pf - 91) : pf >= 85 ? -0.1 * (pf - 85)
                    : pf >= 65 ? 0.5 * (85 - pf) : pf >= 60 ? 10 + (65 - pf) : 15 + 2 * (60 - pf);
            case 80 -> pf >= 92 ? -1.30 : pf == 91 ? -1.15 : pf >= 80 ? -0.1 * (pf - 80)
                    : pf >= 60 ? 0.5 * (80 - pf) : pf >= 55 ? 10 + (60 - pf) : 15 + 2 * (55 - pf);
            default -> throw new IllegalArgumentException("no pf table for standard " + standard);
        };
        return Math.round(rate * 100) / 100.0;
    }
}
