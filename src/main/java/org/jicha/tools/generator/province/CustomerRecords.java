package org.jicha.tools.generator.province;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.CsvFile;
import org.jicha.tools.generator.Names;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.Organisation;
import org.jicha.tools.generator.PfAdjustment;
import org.jicha.tools.generator.TariffBook;
import org.jicha.tools.generator.province.Profile.Category;

/**
 * Writes everything of one customer: the customer row, its important-customer row, meter, readings and bills of
 * every period, its new-connection application with steps, inspections and meter events, and what was planted.
 * Each customer draws from its own random source ({@link Seeds#forCustomer}), so the bytes depend only on the
 * seed and the customer's index. Clean rows keep every rule of the shipped set quiet by construction (the
 * comments name the rule each choice respects); planted deviations break exactly one.
 */
final class CustomerRecords {

    private static final String[] INDUSTRIES = {"建材", "机械", "化工", "纺织", "食品", "水泥", "冶炼", "电子", "造纸", "制药"};
    private static final String[] INDUSTRY_TRADES = {"3011", "3419", "2614", "1713", "1499", "3011", "3120", "3982", "2221", "2710"};
    private static final String[] FARMS = {"养殖场", "灌溉站", "家庭农场", "种植专业合作社", "茶厂"};
    private static final int[] CT_PRIMARY = {10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000};
    private static final String[] HAZARDS = {"配电房未设挡鼠板", "电缆沟积水", "接地电阻超标", "无功补偿装置故障", "安全工器具未定期试验"};
    private static final String[] CHANNELS = {"ONLINE", "ONLINE", "ONLINE", "BANK", "BANK", "COUNTER", "PREPAID"};

    private final GeneratorOptions options;
    private final Organisation organisation;
    private final WorkingDayCalendar calendar;
    private final BatchFiles out;
    private final YearMonth[] periods;
    private final LocalDate windowStart;
    private final LocalDate asOf;
    private final int months;
    private final String[] billPrefix;
    private final java.util.Map<String, TariffBook.Rates[]> versions = new java.util.HashMap<>();

    CustomerRecords(GeneratorOptions options, Organisation organisation, WorkingDayCalendar calendar, BatchFiles out) {
        this.options = options;
        this.organisation = organisation;
        this.calendar = calendar;
        this.out = out;
        this.months = options.months();
        this.periods = new YearMonth[months];
        for (int j = 0; j < months; j++) {
            periods[j] = options.firstPeriod().plusMonths(j);
        }
        this.windowStart = periods[0].atDay(1);
        this.billPrefix = new String[months];
        for (int j = 0; j < months; j++) {
            billPrefix[j] = "DF" + periods[j].getYear() + (periods[j].getMonthValue() < 10 ? "0" : "")
                    + periods[j].getMonthValue();
        }
        for (TariffBook.Rates v : TariffBook.province().rates()) {
            versions.computeIfAbsent(v.code(), code -> {
                TariffBook.Rates[] byPeriod = new TariffBook.Rates[months];
                for (int j = 0; j < months; j++) {
                    byPeriod[j] = TariffBook.province().ratesFor(code, periods[j]);
                }
                return byPeriod;
            });
        }
        this.asOf = options.asOf();
    }

    static String customerNo(long index) {
        return Long.toString(300_000_000_000L + index + 1);
    }

    void write(long index) {
        SplittableRandom r = Seeds.forCustomer(options.seed(), index);
        Deviation deviation = Deviation.of(index, options.seed(), options.deviationRate(), months);
        Station station = organisation.stationOf(index);
        Profile p = profile(index, r, deviation, station);
        Connection connection = p.newConnection ? connection(p, r, deviation, station) : null;
        customerRow(out.customers, p, station, p.name, p.tariffCode);
        if (NextNight.changes(index)) {
            boolean movesTariff = NextNight.movesTariff(index, p.tariffCode);
            customerRow(out.nextNightCustomers, p, station, movesTariff ? p.name : p.name + NextNight.RENAMED,
                    movesTariff ? TariffBook.COM04 : p.tariffCode);
        }
        if (p.importantGrade != null) {
            importantRow(p, r);
        }
        meterRow(p, r, deviation);
        History h = history(p, r, deviation, station);
        if (connection != null) {
            connectionRows(p, connection, station);
        }
        inspections(p, r, deviation, station);
        meterEvents(p, r, deviation, station);
        if (index % 997 == 500 && months >= 2) {
            pendingApplication(p, r, station);
        }
        plant(p, deviation, h);
    }

    // ---- profile ----

    private Profile profile(long index, SplittableRandom r, Deviation deviation, Station station) {
        Profile p = new Profile();
        p.customerNo = customerNo(index);
        p.meterId = p.customerNo + "1";
        double u = r.nextDouble();
        Category category = u < 0.88 ? Category.RESIDENTIAL : u < 0.97 ? Category.COMMERCIAL
                : u < 0.98 ? Category.LARGE_INDUSTRIAL : Category.AGRICULTURAL;
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
        p.newConnection = deviation == Deviation.EXP_01
                || (deviation == null && latestMonth >= 1 && r.nextDouble() < 0.03);
        if (p.newConnection) {
            // accepted early in a month of the window; the connection follows within it (or the next)
            int month = (int) between(r, 1, Math.max(1, latestMonth));
            p.openedOn = periods[Math.min(month, months - 1)].atDay((int) between(r, 1, 8)); // acceptance day, moved by the flow
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

    private static LocalDate rotation(LocalDate installed) {
        return YearMonth.from(installed.plusYears(8)).atEndOfMonth();
    }

    // ---- rows ----

    private static void customerRow(CsvFile f, Profile p, Station station, String name, String tariffCode) {
        f.text(p.customerNo).text(name).text(p.category.name()).text(p.voltageKv).text(tariffCode)
                .integer(p.contractKva).empty().text("ACTIVE").text(station.code()).integer(p.readingDay)
                .text(p.readerId).date(p.openedOn).empty().text(p.tradeCode).empty().empty().text(p.basicChargeMode);
        if (p.demandKw > 0) {
            f.integer(p.demandKw);
        } else {
            f.empty();
        }
        f.empty().empty().empty().endRow();
    }

    private void importantRow(Profile p, SplittableRandom r) {
        // IMP-01, 02, 05, 06: enough sources, a generator, plan and report within the year
        int sources = switch (p.importantGrade) {
            case "SPECIAL" -> 3;
            case "FIRST" -> 2;
            default -> (int) between(r, 1, 2);
        };
        out.importantCustomers.text(p.customerNo).text(p.importantGrade).integer(sources).yesNo(true)
                .date(asOf.minusDays(between(r, 10, 300))).date(asOf.minusDays(between(r, 10, 330))).endRow();
    }

    private void meterRow(Profile p, SplittableRandom r, Deviation deviation) {
        LocalDate rotationDue = p.rotationDueOn;
        if (deviation == Deviation.MET_06) {
            rotationDue = asOf.minusDays(between(r, 1, 120));
        }
        CsvFile m = out.meters.text(p.meterId).text(p.customerNo).text(p.meterKind).text(p.meteringClass)
                .text(p.accuracyClass);
        if (p.ctRatio > 1) {
            m.integer(p.ctRatio);
        } else {
            m.empty();
        }
        if (p.ptRatio > 1) {
            m.integer(p.ptRatio);
        } else {
            m.empty();
        }
        m.integer(p.recordedMultiplier).date(p.installedOn).date(p.installedOn.minusDays(between(r, 5, 40)))
                .date(rotationDue).text("FY" + p.meterId).text("IN_SERVICE").empty().endRow();
    }

    // ---- readings and bills ----

    /** What the planted cases need to know about the written history. */
    private record History(LocalDate lastActualReadOn, String auditedBillNo) {
    }

    private History history(Profile p, SplittableRandom r, Deviation deviation, Station station) {
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
        boolean estimatedAllowed = j <= months - 2 && !"ESTIMATED".equals(previousType)
                && !(deviation == Deviation.BIL_01 && j == months - 2);
        if (estimatedAllowed && u < 0.012) {
            return "ESTIMATED";
        }
        return "THREE_PHASE".equals(p.meterKind) || u > 0.98 ? "ACTUAL" : "REMOTE";
    }

    private void readingRow(Profile p, YearMonth period, LocalDate readOn, long previous, long current, long kwh100,
            String type, long demand100, long kvarh100) {
        CsvFile f = out.readings.text(p.meterId).month(period).date(readOn).hundredths(previous)
                .hundredths(current).integer(p.recordedMultiplier).hundredths(kwh100).text(type).text(p.readerId);
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

    private String bill(Profile p, SplittableRandom r, Deviation deviation, Station station, String clerk,
            int j, boolean audited, LocalDate readOn, long kwh100, long demand100, long kvarh100) {
        YearMonth period = periods[j];
        String billNo = billPrefix[j] + p.customerNo;
        String tariffCode = deviation == Deviation.BIL_08 && audited ? TariffBook.AGR04 : p.tariffCode;
        TariffBook.Rates v = versions.get(tariffCode)[j];
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
                ? TariffBook.surchargeFen(kwh100) : -1;
        long total = energy + basic + pfAdjustment + Math.max(0, surcharge);
        LocalDate issued = readOn.plusDays(1);
        LocalDate due = issued.plusDays(15);
        double u = r.nextDouble();
        LocalDate paid = u < 0.90 ? issued.plusDays(between(r, 0, 15)) : due.plusDays(between(r, 1, 25));
        if (deviation == Deviation.BIL_17 && j == months - 6) {
            paid = LocalDate.MAX; // planted: never paid, more than 90 days overdue at the as-of date
        }
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        CsvFile f = out.bills.text(billNo).text(p.customerNo).month(period).text(tariffCode)
                .hundredths(kwh100).hundredths(energy);
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
                    f.hundredths(lateFee(p, period, total, due, paid)).yesNo(false).empty();
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
        long afterYearEnd = paid.isAfter(yearEnd) ? ChronoUnit.DAYS.between(due.isAfter(yearEnd) ? due : yearEnd, paid) : 0;
        double total = totalFen / 100.0;
        double fee = p.category == Category.RESIDENTIAL ? total * 0.001 * days
                : total * (0.002 * (days - afterYearEnd) + 0.003 * afterYearEnd);
        return Math.max(100, TariffBook.fen(fee));
    }

    // ---- applications ----

    /** A new connection's application: the account opens on the day the meter is connected. */
    private record Connection(String appNo, String type, LocalDateTime acceptedAt, LocalDateTime archivedAt,
            List<Object[]> steps) {
    }

    private Connection connection(Profile p, SplittableRandom r, Deviation deviation, Station station) {
        String type = p.category == Category.RESIDENTIAL ? "RES_NEW" : p.voltage >= 10 ? "HV_NEW" : "LV_NEW";
        LocalDate accepted = calendar.onOrNextWorkingDay(p.openedOn);
        List<String[]> plan = new ArrayList<>();
        // step, working days it takes, team; limits: EXP.stepLimitWd and wholeProcessLimitWd (RES 5, LV 6, HV 22)
        switch (type) {
            case "RES_NEW" -> {
                boolean late = deviation == Deviation.EXP_01;
                plan.add(step("ACCEPT", 0, TeamKind.BUSINESS));
                plan.add(step("SURVEY", late ? 0 : 1, TeamKind.EXPANSION));
                plan.add(step("PLAN_REPLY", late ? 4 : between(r, 0, 1), TeamKind.EXPANSION)); // planted: 4 > 3
                plan.add(step("CONTRACT", 0, TeamKind.BUSINESS));
                plan.add(step("CONNECT", 1, TeamKind.INSTALLATION));
            }
            case "LV_NEW" -> {
                plan.add(step("ACCEPT", 0, TeamKind.BUSINESS));
                plan.add(step("SURVEY", 1, TeamKind.EXPANSION));
                plan.add(step("PLAN_REPLY", between(r, 0, 2), TeamKind.EXPANSION));
                plan.add(step("CONTRACT", 0, TeamKind.BUSINESS));
                plan.add(step("COMPLETION_CHECK", 1, TeamKind.INSPECTION)); // EXP-09: LV_NEW needs it
                plan.add(step("CONNECT", 1, TeamKind.INSTALLATION));
            }
            default -> {
                plan.add(step("ACCEPT", 0, TeamKind.BUSINESS));
                plan.add(step("SURVEY", between(r, 1, 2), TeamKind.EXPANSION));
                plan.add(step("PLAN_REPLY", between(r, 3, 6), TeamKind.EXPANSION));
                plan.add(step("DESIGN_REVIEW", between(r, 2, 5), TeamKind.EXPANSION));
                plan.add(step("MID_CHECK", between(r, 1, 3), TeamKind.INSPECTION));
                plan.add(step("COMPLETION_CHECK", between(r, 1, 3), TeamKind.INSPECTION));
                plan.add(step("CONTRACT", between(r, 0, 1), TeamKind.BUSINESS));
                plan.add(step("CONNECT", between(r, 1, 2), TeamKind.INSTALLATION));
            }
        }
        plan.add(step("ARCHIVE", 1, TeamKind.BUSINESS)); // EXP-07: archived within 5 wd of the connection
        LocalDateTime acceptedAt = accepted.atTime(8 + r.nextInt(3), r.nextInt(60));
        LocalDate day = accepted;
        LocalDate connected = accepted;
        LocalDateTime archivedAt = acceptedAt;
        List<Object[]> steps = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            String[] s = plan.get(i);
            // each step starts the working day after the previous one ended and takes its working days
            LocalDateTime start = i == 0 ? acceptedAt : calendar.plusWorkingDays(day, 1).atTime(9, r.nextInt(50));
            LocalDate endDay = calendar.plusWorkingDays(start.toLocalDate(), Integer.parseInt(s[1]));
            LocalDateTime end = endDay.atTime(14 + r.nextInt(3), r.nextInt(60));
            day = endDay;
            if ("CONNECT".equals(s[0])) {
                connected = endDay;
            }
            if ("ARCHIVE".equals(s[0])) {
                archivedAt = end;
            }
            steps.add(new Object[] {s[0], start, end, station.member(TeamKind.valueOf(s[2]), r.nextInt(4))});
        }
        // EXP-08, BUS-03: the account opens on the connection day with the applied capacity and voltage
        p.openedOn = connected;
        p.installedOn = connected;
        p.rotationDueOn = rotation(connected);
        return new Connection("YK" + p.customerNo, type, acceptedAt, archivedAt, steps);
    }

    private void connectionRows(Profile p, Connection c, Station station) {
        out.applications.text(c.appNo()).text(p.customerNo).text(p.name).text(c.type())
                .text("HV_NEW".equals(c.type()) ? (p.importantGrade != null ? "DUAL" : "SINGLE") : null) // IMP-07
                .integer(p.contractKva).text(p.voltageKv).yesNo(false).text(station.code()).timestamp(c.acceptedAt())
                .text("ARCHIVED").timestamp(c.archivedAt()).hundredths(0).hundredths(0).endRow(); // BUS-01
        for (Object[] s : c.steps()) {
            out.steps.text(c.appNo()).text((String) s[0]).timestamp((LocalDateTime) s[1]).timestamp((LocalDateTime) s[2])
                    .text((String) s[3]).text("PASS").endRow();
        }
    }

    private static String[] step(String name, long wd, TeamKind team) {
        return new String[] {name, Long.toString(wd), team.name()};
    }

    /** A household's connection request accepted in the last days, no account yet: ACCEPT done, SURVEY open. */
    private void pendingApplication(Profile p, SplittableRandom r, Station station) {
        String appNo = "YK" + p.customerNo + "P";
        LocalDate accepted = asOf.minusDays(1);
        while (!calendar.isWorkingDay(accepted)) {
            accepted = accepted.minusDays(1);
        }
        LocalDateTime acceptedAt = accepted.atTime(9, r.nextInt(60));
        out.applications.text(appNo).empty().text(Names.anyPerson(r)).text("RES_NEW").empty().integer(8).text("0.22")
                .yesNo(false).text(station.code()).timestamp(acceptedAt).text("IN_PROGRESS").empty().hundredths(0)
                .hundredths(0).endRow();
        out.steps.text(appNo).text("ACCEPT").timestamp(acceptedAt).timestamp(acceptedAt.plusHours(2))
                .text(station.member(TeamKind.BUSINESS, 0)).text("PASS").endRow();
        out.steps.text(appNo).text("SURVEY").timestamp(acceptedAt.plusHours(3)).empty()
                .text(station.member(TeamKind.EXPANSION, 0)).empty().endRow();
    }

    // ---- inspections and meter events ----

    private void inspections(Profile p, SplittableRandom r, Deviation deviation, Station station) {
        long cycleDays;
        if (p.importantGrade != null) {
            cycleDays = "SECOND".equals(p.importantGrade) ? 150 : 75; // IMP-03: 6 / 3 months
        } else if (p.category != Category.RESIDENTIAL) {
            cycleDays = p.voltage >= 35 ? 170 : p.voltage >= 10 ? 350 : 700; // INS-01: 6 / 12 / 24 months
        } else {
            if (r.nextDouble() < 0.005) {
                inspection(p, r, station, asOf.minusDays(between(r, 5, 300)), "SPECIAL", 0);
            }
            return;
        }
        LocalDate last = asOf.minusDays(between(r, 3, cycleDays * 9 / 10));
        if (deviation == Deviation.INS_01) {
            last = asOf.minusDays(between(r, 745, 900)); // planted: the 24-month cycle has run out
        }
        if (last.isBefore(p.openedOn)) { // a recent connection: first inspected half-way to the as-of date
            last = p.openedOn.plusDays(Math.max(0, ChronoUnit.DAYS.between(p.openedOn, asOf) / 2));
        }
        LocalDate earliest = windowStart.minusDays(365);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = last; !d.isBefore(p.openedOn) && !d.isBefore(earliest); d = d.minusDays(cycleDays - between(r, 0, 20))) {
            dates.add(d);
        }
        for (int i = dates.size() - 1; i >= 0; i--) {
            inspection(p, r, station, dates.get(i), "PERIODIC", dates.size() - 1 - i);
        }
    }

    private void inspection(Profile p, SplittableRandom r, Station station, LocalDate date, String kind, int seq) {
        LocalDate on = date;
        while (!calendar.isWorkingDay(on) && on.isAfter(p.openedOn)) {
            on = on.minusDays(1);
        }
        double u = r.nextDouble();
        String result = u < 0.92 ? "NORMAL" : u < 0.995 ? "HAZARD" : "VIOLATION";
        int first = r.nextInt(3);
        String inspectors = station.member(TeamKind.INSPECTION, first) + ";" + station.member(TeamKind.INSPECTION, first + 1);
        CsvFile f = out.inspections.text("JC" + p.customerNo + (seq < 10 ? "0" : "") + seq).text(p.customerNo).date(on)
                .text(inspectors).text(kind).text(result);
        switch (result) {
            case "HAZARD" -> {
                // INS-06, IMP-04: rectified by the due date, or the due date not yet reached
                LocalDate dueOn = on.plusDays(30);
                LocalDate rectified = on.plusDays(between(r, 3, 25));
                f.text(HAZARDS[r.nextInt(HAZARDS.length)]).empty().date(dueOn)
                        .date(rectified.isAfter(asOf) ? null : rectified);
            }
            case "VIOLATION" -> f.text("私自增加用电容量").text("TZ" + p.customerNo + seq).empty().empty(); // INS-08
            default -> f.empty().empty().empty().empty();
        }
        f.yesNo(true).integer("NORMAL".equals(result) ? between(r, 0, 4) : between(r, 1, 6)).endRow(); // INS-07
    }

    private void meterEvents(Profile p, SplittableRandom r, Deviation deviation, Station station) {
        int seq = 0;
        if (!"IV".equals(p.meteringClass) && !"V".equals(p.meteringClass)) {
            // MET-04: a field test within a month of installation, then within each class's interval
            long step = switch (p.meteringClass) {
                case "I" -> 80;
                case "II" -> 160;
                default -> 330;
            };
            long limitMilli = "0.2S".equals(p.accuracyClass) ? 60 : 150; // MET-05: 30 % of the permitted error
            LocalDate earliest = windowStart.minusDays(400);
            for (LocalDate d = p.installedOn.plusDays(between(r, 5, 25)); d.isBefore(asOf);
                    d = d.plusDays(step - between(r, 0, 20))) {
                long error = between(r, -limitMilli, limitMilli);
                if (!d.isBefore(earliest)) { // older tests are history the batch need not carry
                    event(p, station, ++seq, "FIELD_TEST", d, d, error, true);
                }
            }
        }
        if (r.nextDouble() < 0.002) { // MET-07: a fault resolved within 1-3 wd
            LocalDate on = calendar.onOrNextWorkingDay(asOf.minusDays(between(r, 20, 300)));
            if (!on.isBefore(p.installedOn)) {
                event(p, station, ++seq, "FAULT", on, calendar.plusWorkingDays(on, (int) between(r, 1, 3)), Long.MIN_VALUE, true);
            }
        }
        if (r.nextDouble() < 0.005 || deviation == Deviation.MET_10) { // MET-10: with a work order, unless planted
            LocalDate on = asOf.minusDays(between(r, 10, 300));
            if (on.isBefore(p.installedOn)) {
                on = p.installedOn.plusDays(1);
            }
            event(p, station, ++seq, "SEAL_CHANGE", on, on, Long.MIN_VALUE, deviation != Deviation.MET_10);
        }
    }

    private void event(Profile p, Station station, int seq, String kind, LocalDate on, LocalDate resolved, long errorMilli,
            boolean workOrder) {
        String no = "SJ" + p.meterId + (seq < 10 ? "0" : "") + seq;
        CsvFile f = out.meterEvents.text(no).text(p.meterId).text(kind).date(on).date(resolved);
        if (errorMilli == Long.MIN_VALUE) {
            f.empty();
        } else {
            f.thousandths(errorMilli);
        }
        f.text(workOrder ? "GD" + p.meterId + seq : null).text(station.member(TeamKind.METERING, seq)).endRow();
    }

    // ---- what was planted ----

    private void plant(Profile p, Deviation deviation, History h) {
        if (deviation == null) {
            return;
        }
        String subject = switch (deviation) {
            case BIL_06, BIL_07, BIL_17, INS_01 -> p.customerNo;
            case BIL_08 -> h.auditedBillNo();
            case EXP_01 -> "YK" + p.customerNo;
            default -> p.meterId;
        };
        planted(deviation.ruleCode, deviation.subjectType, subject);
        if (deviation == Deviation.BIL_01 && (h.lastActualReadOn() == null || h.lastActualReadOn().isBefore(asOf.minusDays(60)))) {
            // with a late as-of date, the last actual reading (a month before) is also older than BIL-02's 60 days
            planted("BIL-02", "METER", p.meterId);
        }
    }

    private void planted(String rule, String subjectType, String subjectId) {
        out.planted.text(rule).text(subjectType).text(subjectId).endRow();
    }

    // ---- random helpers ----

    private static long between(SplittableRandom r, long low, long high) {
        return low + r.nextLong(high - low + 1);
    }

    private static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * r.nextGaussian());
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }
}
