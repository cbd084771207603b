package org.jicha.tools.generator.province;

import static org.jicha.tools.generator.province.Draws.between;
import static org.jicha.tools.generator.province.Draws.clamp;
import static org.jicha.tools.generator.province.Draws.logNormal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.jicha.tools.generator.Names;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.TariffBook;
import org.jicha.tools.generator.province.Profile.Category;

/**
 * Draws one customer's {@link Profile} from its random source: category and supply, tariff, contract and metering
 * (CT, PT, metering class), scale and seasonal shape of consumption, power factor, reading day, dates of opening
 * and installation. The choices keep the shipped rules quiet (the comments name each rule) unless the customer
 * carries a planted deviation, which may force its category, size or dates.
 */
final class CustomerProfiles {

    private static final String[] INDUSTRIES = {"建材", "机械", "化工", "纺织", "食品", "水泥", "冶炼", "电子", "造纸", "制药"};
    private static final String[] INDUSTRY_TRADES = {
        "3011", "3419", "2614", "1713", "1499", "3011", "3120", "3982", "2221", "2710"
    };
    private static final String[] FARMS = {"养殖场", "灌溉站", "家庭农场", "种植专业合作社", "茶厂"};
    private static final int[] CT_PRIMARY = {
        10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000
    };

    private final YearMonth[] periods;
    private final LocalDate windowStart;
    private final LocalDate asOf;
    private final int months;

    CustomerProfiles(Window window) {
        this.periods = window.periods;
        this.windowStart = window.windowStart;
        this.asOf = window.asOf;
        this.months = window.months;
    }

    Profile draw(long index, SplittableRandom r, Deviation deviation, Station station) {
        Profile p = new Profile();
        p.customerNo = CustomerRecords.customerNo(index);
        p.meterId = p.customerNo + "1";
        double u = r.nextDouble();
        Category category = u < 0.88
                ? Category.RESIDENTIAL
                : u < 0.97 ? Category.COMMERCIAL : u < 0.98 ? Category.LARGE_INDUSTRIAL : Category.AGRICULTURAL;
        if (deviation == Deviation.BIL_06 || deviation == Deviation.BIL_07 || deviation == Deviation.EXP_01) {
            category = Category.RESIDENTIAL;
        } else if (deviation == Deviation.BIL_08 || deviation == Deviation.MET_01 || deviation == Deviation.INS_01) {
            category = Category.COMMERCIAL;
        }
        p.category = category;
        double loadFactor;
        switch (category) {
            case RESIDENTIAL -> {
                p.voltageKv = "0.22";
                p.tariffCode = TariffBook.RES22;
                p.contractKva = new int[] {4, 6, 8, 10}[r.nextInt(4)];
                p.baseKwh = clamp(logNormal(r, 110, 0.55), 15, 900);
                if (deviation == Deviation.BIL_06) {
                    p.baseKwh = between(r, 20, 60); // history average below BIL-07's 100 kWh: only BIL-06 fires
                } else if (deviation == Deviation.BIL_07) {
                    p.baseKwh = between(r, 200, 400); // history average above BIL-07's 100 kWh minimum
                }
                p.season = Profile.SEASON_RESIDENTIAL;
                p.name = Names.anyPerson(r);
                p.tradeCode = "9910";
                loadFactor = 0;
            }
            case COMMERCIAL -> {
                boolean hv = deviation == null && r.nextDouble() < 0.2;
                if (hv) {
                    p.voltageKv = "10";
                    p.contractKva = (int) clamp(logNormal(r, 400, 0.6), 100, 1600);
                    // INS-04: from 315 kVA a commercial customer is on the two-part tariff
                    p.tariffCode = p.contractKva < 315 ? TariffBook.COM10 : TariffBook.COM10D;
                } else {
                    p.voltageKv = "0.4";
                    p.contractKva = (int) clamp(logNormal(r, 30, 0.8), 5, 250);
                    if (deviation == Deviation.BIL_08) {
                        p.contractKva = (int) between(r, 10, 80);
                    } else if (deviation == Deviation.MET_01) {
                        p.contractKva = (int) between(r, 100, 250);
                    }
                    // BIL-12: the 0.85 standard from 100 kVA
                    p.tariffCode = p.contractKva < 100 ? TariffBook.COM04 : TariffBook.COM04P;
                }
                loadFactor = clamp(logNormal(r, 0.12, 0.4), 0.03, 0.25);
                p.season = Profile.SEASON_COMMERCIAL;
                p.name = Names.anyShop(r, station.countyName());
                p.tradeCode = "5200";
            }
            case LARGE_INDUSTRIAL -> {
                if (r.nextDouble() < 0.75) {
                    p.voltageKv = "10";
                    p.tariffCode = TariffBook.LI10;
                    p.contractKva = (int) clamp(logNormal(r, 800, 0.5), 315, 1999);
                } else {
                    p.voltageKv = "35";
                    p.tariffCode = TariffBook.LI35;
                    p.contractKva = (int) clamp(logNormal(r, 4000, 0.4), 2000, 8000);
                }
                loadFactor = clamp(logNormal(r, 0.35, 0.25), 0.2, 0.55);
                p.season = Profile.SEASON_INDUSTRIAL;
                int k = r.nextInt(INDUSTRIES.length);
                p.name = station.countyName() + Names.anyPerson(r).substring(0, 1) + "氏" + INDUSTRIES[k] + "有限公司";
                p.tradeCode = INDUSTRY_TRADES[k];
            }
            default -> {
                if (r.nextDouble() < 0.1) {
                    p.voltageKv = "10";
                    p.tariffCode = TariffBook.AGR10;
                    p.contractKva = (int) between(r, 100, 630);
                } else {
                    p.voltageKv = "0.4";
                    p.contractKva = (int) clamp(logNormal(r, 40, 0.7), 5, 250);
                    p.tariffCode = p.contractKva < 100 ? TariffBook.AGR04 : TariffBook.AGR04P;
                }
                loadFactor = clamp(logNormal(r, 0.08, 0.5), 0.02, 0.2);
                p.season = Profile.SEASON_AGRICULTURAL;
                p.name = Names.anyPerson(r) + FARMS[r.nextInt(FARMS.length)];
                p.tradeCode = "0190";
            }
        }
        p.voltage = Double.parseDouble(p.voltageKv);
        if (category != Category.RESIDENTIAL) {
            p.baseKwh = p.contractKva * 720 * loadFactor;
        }
        TariffBook.Rates tariff = TariffBook.province().ratesFor(p.tariffCode, periods[months - 1]);
        if (tariff.twoPart()) {
            p.recordsDemand = true;
            p.basicChargeMode = r.nextDouble() < 0.6 ? "CAPACITY" : "DEMAND";
            if ("DEMAND".equals(p.basicChargeMode)) {
                p.demandKw = (int) Math.round(p.contractKva * 0.7);
            }
        }
        if (tariff.pfStandard() > 0) {
            p.recordsReactive = true;
            // most customers compensate well (rewards), some do not (surcharges)
            p.pfTarget = r.nextDouble() < 0.85 ? (int) between(r, 86, 97) : (int) between(r, 72, 85);
        }
        if (category != Category.RESIDENTIAL && p.voltage >= 10 && r.nextDouble() < 0.1) {
            double g = r.nextDouble();
            p.importantGrade = g < 0.05 ? "SPECIAL" : g < 0.40 ? "FIRST" : "SECOND";
        }
        p.readingDay = (int) between(r, 1, 28);
        if (deviation == Deviation.BIL_01 && months >= 2) {
            // the last reading (the month before) must stay within BIL-02's 60 days, so that only BIL-01 fires
            LocalDate limit = asOf.minusDays(60);
            if (YearMonth.from(limit).equals(periods[months - 2]) && p.readingDay < limit.getDayOfMonth()) {
                p.readingDay = Math.min(28, limit.getDayOfMonth());
            }
        }
        p.readerId = station.member(TeamKind.READING, index);
        dates(p, r, deviation);
        meterSetup(p, r, deviation);
        return p;
    }

    private void dates(Profile p, SplittableRandom r, Deviation deviation) {
        boolean hv = p.voltage >= 10;
        int latestMonth = hv ? months - 3 : months - 2;
        p.newConnection =
                deviation == Deviation.EXP_01 || (deviation == null && latestMonth >= 1 && r.nextDouble() < 0.03);
        if (p.newConnection) {
            // accepted early in a month of the window; the connection follows within it (or the next)
            int month = (int) between(r, 1, Math.max(1, latestMonth));
            p.openedOn = periods[Math.min(month, months - 1)].atDay(
                    (int) between(r, 1, 8)); // acceptance day, moved by the flow
        } else {
            p.openedOn = windowStart.minusDays(between(r, deviation == Deviation.INS_01 ? 1200 : 30, 9000));
            // MET-06: a meter is rotated 8 years after installation, so installed within the last 8 years
            long maxBack = ChronoUnit.DAYS.between(asOf.minusYears(8).plusDays(40), windowStart);
            LocalDate installed = windowStart.minusDays(between(r, 1, Math.max(1, maxBack)));
            p.installedOn = installed.isBefore(p.openedOn) ? p.openedOn : installed;
        }
    }

    private void meterSetup(Profile p, SplittableRandom r, Deviation deviation) {
        if (p.category == Category.RESIDENTIAL) {
            p.meterKind = "SMART_SINGLE";
            p.ctRatio = 1;
            p.ptRatio = 1;
        } else {
            p.meterKind = r.nextDouble() < 0.9 ? "SMART_THREE" : "THREE_PHASE";
            double amps = p.contractKva / (p.voltage * Math.sqrt(3));
            p.ctRatio = p.voltage < 1 && p.contractKva < 50 && deviation != Deviation.MET_01 ? 1 : ctFor(amps * 1.2);
            p.ptRatio = p.voltage >= 35 ? 350 : p.voltage >= 10 ? 100 : 1;
        }
        p.multiplier = p.ctRatio * p.ptRatio;
        // MET-01 planted: the billing system still carries the multiplier of a former, smaller CT
        p.recordedMultiplier = deviation == Deviation.MET_01 ? p.ctRatio * p.ptRatio * 3 / 4 : p.multiplier;
        // MET-03: the class the contract kVA and the largest month require (DL/T 448), with its accuracy
        double maxKwh = p.baseKwh * p.maxSeason() * 1.1;
        if (p.contractKva >= 10_000 || maxKwh >= 5_000_000) {
            p.meteringClass = "I";
            p.accuracyClass = "0.2S";
        } else if (p.contractKva >= 2_000 || maxKwh >= 1_000_000) {
            p.meteringClass = "II";
            p.accuracyClass = "0.5S";
        } else if (p.contractKva >= 315 || maxKwh >= 100_000) {
            p.meteringClass = "III";
            p.accuracyClass = "0.5S";
        } else if (p.voltage <= 0.22) {
            p.meteringClass = "V";
            p.accuracyClass = "2";
        } else {
            p.meteringClass = "IV";
            p.accuracyClass = "1";
        }
        p.registerStart = between(r, 100_000, 4_000_000); // hundredths: 1,000.00 .. 40,000.00
        if (p.installedOn != null) {
            p.rotationDueOn = rotation(p.installedOn);
        }
    }

    private static int ctFor(double amps) {
        for (int primary : CT_PRIMARY) {
            if (primary >= amps) {
                return primary / 5;
            }
        }
        return CT_PRIMARY[CT_PRIMARY.length - 1] / 5;
    }

    /** MET-06: a meter is due for rotation at the end of the month 8 years after its installation. */
    static LocalDate rotation(LocalDate installed) {
        return YearMonth.from(installed.plusYears(8)).atEndOfMonth();
    }
}
