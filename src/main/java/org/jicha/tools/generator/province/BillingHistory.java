package org.jicha.tools.generator.province;

import static org.jicha.tools.generator.province.Draws.between;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.jicha.tools.generator.CsvFile;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.PfAdjustment;
import org.jicha.tools.generator.TariffBook;
import org.jicha.tools.generator.province.Profile.Category;

/**
 * The readings and bills of one customer over the window (BIL-01 .. BIL-17 kept quiet by construction unless a
 * deviation is planted): register advances times the multiplier, bills priced as the rules price them with the
 * province's tariff book, payments, late fees and waivers.
 */
final class BillingHistory {

    private static final String[] CHANNELS = {"ONLINE", "ONLINE", "ONLINE", "BANK", "BANK", "COUNTER", "PREPAID"};

    private final BatchFiles out;
    private final YearMonth[] periods;
    private final LocalDate asOf;
    private final int months;
    private final Window window;

    BillingHistory(Window window, BatchFiles out) {
        this.window = window;
        this.out = out;
        this.periods = window.periods;
        this.asOf = window.asOf;
        this.months = window.months;
    }

    /** What the planted cases need to know about the written history. */
    record History(LocalDate lastActualReadOn, String auditedBillNo) {}

    History history(Profile p, SplittableRandom r, Deviation deviation, Station station) {
        long register = p.registerStart;
        String previousType = null;
        long carriedKwh = 0;
        LocalDate lastActual = null;
        String auditedBill = null;
        String clerk = station.member(TeamKind.BILLING, r.nextInt(8));
        for (int j = 0; j < months; j++) {
            YearMonth period = periods[j];
            if (!period.atDay(1).isAfter(p.openedOn)) {
                continue; // BIL-01 expects readings only for periods starting after the opening
            }
            boolean audited = j == months - 1;
            if (deviation == Deviation.BIL_01 && audited) {
                continue; // planted: no reading, so no bill, for the audited period
            }
            String type = readType(p, r, deviation, j, previousType);
            LocalDate readOn = period.atDay(p.readingDay);
            double kwh = p.baseKwh * p.season[period.getMonthValue() - 1];
            if (!"ESTIMATED".equals(type)) {
                kwh *= 0.9 + 0.2 * r.nextDouble(); // BIL-07: +-10 % month to month, far from its 50 %
            }
            if (deviation == Deviation.BIL_06 && j >= months - 3) {
                kwh = 0;
            } else if (deviation == Deviation.BIL_07 && audited) {
                kwh *= 3.5;
            }
            if ("MISSED".equals(type)) {
                carriedKwh += Math.round(kwh * 100);
                readingRow(p, period, readOn, register, register, 0, type, 0, 0);
                previousType = type;
                continue;
            }
            long advance = Math.round((kwh * 100 + carriedKwh) / p.recordedMultiplier);
            carriedKwh = 0;
            long kwh100 = advance * p.recordedMultiplier; // BIL-04: consumption = register advance x multiplier
            long demand100 = p.recordsDemand ? Math.round(p.contractKva * between(r, 45, 65)) : 0; // INS-05, BIL-14
            long kvarh100 = p.recordsReactive ? Math.round(kwh100 * Math.tan(Math.acos(p.pfTarget / 100.0))) : 0;
            readingRow(p, period, readOn, register, register + advance, kwh100, type, demand100, kvarh100);
            register += advance;
            if (!"ESTIMATED".equals(type)) {
                lastActual = readOn;
            }
            previousType = type;
            String billNo = bill(p, r, deviation, station, clerk, j, audited, readOn, kwh100, demand100, kvarh100);
            if (audited) {
                auditedBill = billNo;
            }
        }
        return new History(lastActual, auditedBill);
    }

    private String readType(Profile p, SplittableRandom r, Deviation deviation, int j, String previousType) {
        double u = r.nextDouble();
        if (deviation == Deviation.BIL_02 && j >= months - 2) {
            return "ESTIMATED";
        }
        // BIL-01: never MISSED in the audited period; BIL-02: never ESTIMATED in the audited period nor twice
        // running; a MISSED month's energy lands on the next reading, so it stays clear of the last three months
        if (deviation == null && j <= months - 4 && u < 0.002 && !"MISSED".equals(previousType)) {
            return "MISSED";
        }
        boolean estimatedAllowed = j <= months - 2
                && !"ESTIMATED".equals(previousType)
                && !(deviation == Deviation.BIL_01 && j == months - 2);
        if (estimatedAllowed && u < 0.012) {
            return "ESTIMATED";
        }
        return "THREE_PHASE".equals(p.meterKind) || u > 0.98 ? "ACTUAL" : "REMOTE";
    }

    private void readingRow(
            Profile p,
            YearMonth period,
            LocalDate readOn,
            long previous,
            long current,
            long kwh100,
            String type,
            long demand100,
            long kvarh100) {
        CsvFile f = out.readings
                .text(p.meterId)
                .month(period)
                .date(readOn)
                .hundredths(previous)
                .hundredths(current)
                .integer(p.recordedMultiplier)
                .hundredths(kwh100)
                .text(type)
                .text(p.readerId);
        if (p.recordsDemand && !"MISSED".equals(type)) {
            f.hundredths(demand100);
        } else {
            f.empty();
        }
        if (p.recordsReactive && !"MISSED".equals(type)) {
            f.hundredths(kvarh100);
        } else {
            f.empty();
        }
        f.endRow();
    }

    private String bill(
            Profile p,
            SplittableRandom r,
            Deviation deviation,
            Station station,
            String clerk,
            int j,
            boolean audited,
            LocalDate readOn,
            long kwh100,
            long demand100,
            long kvarh100) {
        YearMonth period = periods[j];
        String billNo = window.billPrefix(j) + p.customerNo;
        String tariffCode = deviation == Deviation.BIL_08 && audited ? TariffBook.AGR04 : p.tariffCode;
        TariffBook.Rates v = window.rates(tariffCode, j);
        long energy = TariffBook.energyChargeFen(v, kwh100); // BIL-10
        long basic = 0;
        if (v.twoPart()) { // BIL-11 (CAPACITY, DEMAND within 105 % of demand_kw)
            basic = "DEMAND".equals(p.basicChargeMode)
                    ? TariffBook.fen(Math.max(demand100 / 100.0, 0.4 * p.contractKva) * v.basicPriceKw())
                    : TariffBook.fen(p.contractKva * v.basicPriceKva());
        }
        Integer pf = null;
        long pfAdjustment = 0;
        if (v.pfStandard() > 0 && kwh100 > 0) { // BIL-13: the table's percentage of energy + basic charge
            pf = PfAdjustment.actualPfHundredths(kwh100 / 100.0, kvarh100 / 100.0);
            double rate = PfAdjustment.ratePercent(v.pfStandard(), pf);
            pfAdjustment = TariffBook.fen((energy + basic) / 100.0 * rate / 100);
        }
        long surcharge = p.category == Category.COMMERCIAL || p.category == Category.LARGE_INDUSTRIAL
                ? TariffBook.surchargeFen(kwh100)
                : -1;
        long total = energy + basic + pfAdjustment + Math.max(0, surcharge);
        LocalDate issued = readOn.plusDays(1);
        LocalDate due = issued.plusDays(15);
        double u = r.nextDouble();
        LocalDate paid = u < 0.90 ? issued.plusDays(between(r, 0, 15)) : due.plusDays(between(r, 1, 25));
        if (deviation == Deviation.BIL_17 && j == months - 6) {
            paid = LocalDate.MAX; // planted: never paid, more than 90 days overdue at the as-of date
        }
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        CsvFile f = out.bills
                .text(billNo)
                .text(p.customerNo)
                .month(period)
                .text(tariffCode)
                .hundredths(kwh100)
                .hundredths(energy);
        if (v.twoPart()) {
            f.hundredths(basic);
        } else {
            f.empty();
        }
        if (pf != null) {
            f.hundredths(pf).hundredths(pfAdjustment);
        } else {
            f.empty().empty();
        }
        if (surcharge >= 0) {
            f.hundredths(surcharge);
        } else {
            f.empty();
        }
        f.hundredths(total).date(issued).date(due);
        if (paid.isAfter(asOf)) {
            f.empty().empty().empty().empty().empty().empty(); // not paid yet at the extract
        } else {
            f.hundredths(total).date(paid).text(channel);
            long daysLate = Math.max(0, ChronoUnit.DAYS.between(due, paid));
            if (daysLate > 0) {
                if (r.nextDouble() < 0.03) { // BIL-16: a waiver approved by the collection team's head
                    f.empty().yesNo(true).text(station.member(TeamKind.COLLECTION, 0));
                } else {
                    f.hundredths(lateFee(p, period, total, due, paid))
                            .yesNo(false)
                            .empty();
                }
            } else {
                f.empty().empty().empty();
            }
        }
        f.text(clerk).endRow();
        return billNo;
    }

    /** BIL-15: total x daily rate x days late (non-residential: higher rate after the bill year's end), >= 1 yuan. */
    private static long lateFee(Profile p, YearMonth period, long totalFen, LocalDate due, LocalDate paid) {
        long days = ChronoUnit.DAYS.between(due, paid);
        LocalDate yearEnd = LocalDate.of(period.getYear(), 12, 31);
        long afterYearEnd =
                paid.isAfter(yearEnd) ? ChronoUnit.DAYS.between(due.isAfter(yearEnd) ? due : yearEnd, paid) : 0;
        double total = totalFen / 100.0;
        double fee = p.category == Category.RESIDENTIAL
                ? total * 0.001 * days
                : total * (0.002 * (days - afterYearEnd) + 0.003 * afterYearEnd);
        return Math.max(100, TariffBook.fen(fee));
    }
}
