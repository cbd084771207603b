package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AUDITED;
import static org.jicha.tools.generator.sample.World.dec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.TariffBook;

/**
 * Planted cases for catalogue rules not shipped yet (expected-findings-later.csv), each clean for every
 * other rule of the catalogue.
 *
 * <p>Long because it is a catalogue: one small method per planted case of the later rule themes.
 */
final class LaterCases {

    private final World w;
    private final Population population;
    private final Expansion expansion;
    private final FieldWork fieldWork;
    private final PlantedCases shipped;
    private final World.Station s1;
    private final World.Station s2;
    private final World.Station s3;
    final List<Runnable> afterHistory = new ArrayList<>();

    LaterCases(World w, Population population, Expansion expansion, FieldWork fieldWork, PlantedCases shipped) {
        this.w = w;
        this.population = population;
        this.expansion = expansion;
        this.fieldWork = fieldWork;
        this.shipped = shipped;
        this.s1 = w.stations.get(0);
        this.s2 = w.stations.get(1);
        this.s3 = w.stations.get(2);
    }

    void beforeHistory() {
        billingCases();
        collectionCases();
        businessCases();
        inspectionCases();
        meteringCases();
        expansionCases();
        importantCustomerCases();
        casesAddedWithTheRules();
    }

    // ------------------------------------------------------------------ BIL

    private void billingCases() {
        CustomerPlan estimated = population.household(s1, 61);
        estimated.readTypes.put(AUDITED, "ESTIMATED");
        estimated.readTypes.put(AUDITED.minusMonths(1), "ESTIMATED");
        w.plant("BIL-02", "METER", estimated.mainMeter().meter.id, "ESTIMATED in 2026-09 and 2026-10 (连续估抄)");

        CustomerPlan typo = population.household(s2, 62);
        afterHistory.add(() -> {
            Batch.Reading r = shipped.reading(typo.mainMeter().meter.id, AUDITED);
            r.consumptionKwh = r.consumptionKwh.add(dec(100));
            Batch.Bill b = shipped.bill(typo.customer.no, AUDITED);
            b.energyKwh = r.consumptionKwh;
            shipped.reprice(typo, b, b.tariffCode);
            w.plant(
                    "BIL-04",
                    "READING",
                    r.subjectId(),
                    "consumption " + r.consumptionKwh + " kWh but (current - " + "previous) x 1 = "
                            + r.currentValue.subtract(r.previousValue) + " (100 kWh keyed in twice)");
        });

        CustomerPlan jump = population.household(s3, 63);
        afterHistory.add(() -> {
            Batch.Reading r = shipped.reading(jump.mainMeter().meter.id, AUDITED);
            r.previousValue = r.previousValue.add(dec(10));
            r.currentValue = r.currentValue.add(dec(10));
            w.plant(
                    "BIL-05",
                    "READING",
                    r.subjectId(),
                    "previous_value " + r.previousValue + " is 10 above the "
                            + "2026-09 current_value; no REPLACEMENT");
        });

        CustomerPlan flat = population.household(s1, 64);
        population.planEnergy(flat, 360, Population.Season.HOUSEHOLD);
        afterHistory.add(() -> {
            Batch.Bill b = shipped.bill(flat.customer.no, AUDITED);
            b.energyCharge = TariffBook.money(b.energyKwh.multiply(new BigDecimal("0.5283")));
            HistoryBuilder.total(b);
            if (b.paidOn != null) {
                b.paidAmount = b.totalAmount;
            }
            w.plant(
                    "BIL-10",
                    "BILL",
                    b.no,
                    b.energyKwh + " kWh priced flat at 0.5283: the monthly tiers above 230 " + "kWh were not applied");
        });

        CustomerPlan capacity = population.factory(s2, "10", TariffBook.LI10, 630, "CAPACITY");
        capacity.pfTargets.put(AUDITED, new BigDecimal("0.90"));
        afterHistory.add(() -> {
            Batch.Bill b = shipped.bill(capacity.customer.no, AUDITED);
            b.basicCharge = TariffBook.money(dec(500).multiply(new BigDecimal("27.00")));
            HistoryBuilder.total(b);
            w.plant(
                    "BIL-11",
                    "BILL",
                    b.no,
                    "CAPACITY mode, running 630 kVA x 27.00 = 17010.00 expected, billed " + b.basicCharge
                            + " (old 500 kVA); pf exactly 0.90 so no adjustment depends on it");
        });

        CustomerPlan noStandard = population.shop(s3, TariffBook.COM04, 150);
        afterHistory.add(() -> w.plant(
                "BIL-12",
                "BILL",
                shipped.bill(noStandard.customer.no, AUDITED).no,
                "COMMERCIAL 150 kVA (>= 100 kVA expects 0.85) on COM04, which has no pf standard"));

        CustomerPlan reversed = population.factory(s1, "10", TariffBook.LI10, 500, "CAPACITY");
        reversed.pfTargets.put(AUDITED, new BigDecimal("0.86"));
        afterHistory.add(() -> {
            Batch.Bill b = shipped.bill(reversed.customer.no, AUDITED);
            b.pfAdjustment = b.pfAdjustment.negate();
            HistoryBuilder.total(b);
            w.plant(
                    "BIL-13",
                    "BILL",
                    b.no,
                    "pf 0.86 against 0.90 means +2 % surcharge; billed as a reward " + b.pfAdjustment);
        });

        CustomerPlan demand = population.factory(s3, "10", TariffBook.LI10, 1250, "DEMAND");
        demand.maxDemandOverride.put(AUDITED, new BigDecimal("1150.0"));
        w.plant(
                "BIL-14",
                "BILL",
                "DF" + AUDITED.toString().replace("-", "") + demand.customer.no,
                "DEMAND mode, demand_kw 1000, max demand 1150 kW (> 105 %), the excess billed at the normal "
                        + "basic_price_kw instead of twice");

        CustomerPlan closed = population.shop(s2, TariffBook.COM04, 40);
        new ApplicationDraft(w, s2, "CLOSE", LocalDate.of(2026, 9, 14), closed.customer.name)
                .customer(closed.customer.no)
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        Expansion.closeAccount(closed, LocalDate.of(2026, 9, 15));
        afterHistory.add(() -> {
            Batch.Bill last = shipped.bill(closed.customer.no, YearMonth.of(2026, 9));
            Batch.Bill b = new Batch.Bill();
            b.no = "DF" + AUDITED.toString().replace("-", "") + closed.customer.no;
            b.customerNo = closed.customer.no;
            b.period = AUDITED;
            b.tariffCode = TariffBook.COM04;
            b.energyKwh = new BigDecimal("35.00");
            b.issuedOn = LocalDate.of(2026, 11, 2);
            b.dueOn = LocalDate.of(2026, 11, 17);
            b.clerkId = last.clerkId;
            HistoryBuilder.price(
                    b,
                    w.tariffs.valid(TariffBook.COM04, AUDITED),
                    "COMMERCIAL",
                    null,
                    null,
                    null,
                    b.energyKwh,
                    BigDecimal.ZERO);
            w.batch.bills.add(b);
            w.plant(
                    "BIL-18",
                    "CUSTOMER",
                    closed.customer.no,
                    "closed 2026-09-15 (CLOSE archived) but billed " + "35 kWh estimated for 2026-10");
        });

        CustomerPlan unbilledNew = expansion.residentialConnection(s2, LocalDate.of(2026, 8, 24));
        for (YearMonth p : World.periods()) {
            unbilledNew.unbilled.add(p);
        }
        String app = w.batch.applications.stream()
                .filter(a -> unbilledNew.customer.no.equals(a.customerNo))
                .findFirst()
                .orElseThrow()
                .no;
        w.plant(
                "BIL-19",
                "APPLICATION",
                app,
                "RES_NEW archived more than 35 days before the as-of date; the "
                        + "customer is read every month but never billed (新装未计费)");

        CustomerPlan temporary =
                expansion.temporaryConnection(s2, LocalDate.of(2026, 3, 9), 50, LocalDate.of(2026, 9, 30));
        w.plant("BIL-20", "CUSTOMER", temporary.customer.no, "temporary supply until 2026-09-30, still ACTIVE");
    }

    private void collectionCases() {
        YearMonth sept = AUDITED.minusMonths(1);
        CustomerPlan noFee = population.shop(s1, TariffBook.COM04, 63);
        noFee.payments.put(sept, CustomerPlan.Payment.LATE);
        noFee.daysLate.put(sept, 6);
        afterHistory.add(() -> {
            Batch.Bill b = shipped.bill(noFee.customer.no, sept);
            BigDecimal due = b.lateFeeCharged;
            b.lateFeeCharged = BigDecimal.ZERO.setScale(2);
            w.plant(
                    "BIL-15",
                    "BILL",
                    b.no,
                    "paid " + b.paidOn + ", 6 days after due " + b.dueOn + ", not waived: " + "fee " + due
                            + " expected (0.2 %/day), 0.00 charged");
        });
        CustomerPlan selfWaived = population.shop(s2, TariffBook.COM04, 50);
        selfWaived.payments.put(sept, CustomerPlan.Payment.LATE_WAIVED);
        selfWaived.daysLate.put(sept, 4);
        afterHistory.add(() -> {
            Batch.Bill b = shipped.bill(selfWaived.customer.no, sept);
            b.waiverApprover = b.clerkId;
            w.plant("BIL-16", "BILL", b.no, "late fee waived with the bill's own clerk " + b.clerkId + " as approver");
        });
        CustomerPlan approvedWaiver = population.shop(s3, TariffBook.COM04, 40);
        approvedWaiver.payments.put(sept, CustomerPlan.Payment.LATE_WAIVED);
        approvedWaiver.daysLate.put(sept, 3);
        afterHistory.add(() -> w.lookAlike(
                "late fee waived with an approver",
                "BILL",
                shipped.bill(approvedWaiver.customer.no, sept).no,
                "BIL-15, BIL-16",
                "paid 3 days late in " + AUDITED
                        + ", fee waived and approved by the station head, who is not the bill's clerk"));
        CustomerPlan debtor = population.household(s3, 66);
        debtor.payments.put(YearMonth.of(2026, 6), CustomerPlan.Payment.UNPAID);
        debtor.payments.put(YearMonth.of(2026, 7), CustomerPlan.Payment.UNPAID);
        afterHistory.add(() -> w.plant(
                "BIL-17",
                "CUSTOMER",
                debtor.customer.no,
                "2026-06 bill (due " + shipped.bill(debtor.customer.no, YearMonth.of(2026, 6)).dueOn
                        + ") still unpaid, > 90 days"));
    }

    // ------------------------------------------------------------------ BUS

    private void businessCases() {
        CustomerPlan slow = population.shop(s1, TariffBook.COM04, 30);
        String newOwner = w.names.shop(World.COUNTY_NAME);
        slow.customer.name = newOwner;
        ApplicationDraft t = new ApplicationDraft(w, s1, "TRANSFER", LocalDate.of(2026, 7, 20), newOwner)
                .customer(slow.customer.no)
                .capacity(30, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .pause(5)
                .archive(1);
        w.plant("BUS-02", "APPLICATION", t.app.no, "TRANSFER archived 9 wd after acceptance (limit 5)");

        CustomerPlan mismatch =
                expansion.lowVoltageConnection(s3, LocalDate.of(2026, 4, 20), TariffBook.COM04, 63, "COMMERCIAL");
        Batch.Application lv = w.batch.applications.stream()
                .filter(a -> mismatch.customer.no.equals(a.customerNo))
                .findFirst()
                .orElseThrow();
        lv.capacityKva = dec(50);
        w.plant("BUS-03", "APPLICATION", lv.no, "archived LV_NEW for 50 kVA, customer record says 63 kVA");

        CustomerPlan shortPause = population.factory(s1, "10", TariffBook.LI10, 800, "CAPACITY");
        new ApplicationDraft(w, s1, "PAUSE", LocalDate.of(2026, 5, 25), shortPause.customer.name)
                .customer(shortPause.customer.no)
                .capacity(400, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        new ApplicationDraft(w, s1, "RESUME", LocalDate.of(2026, 6, 5), shortPause.customer.name)
                .customer(shortPause.customer.no)
                .capacity(400, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        w.plant(
                "BUS-05",
                "CUSTOMER",
                shortPause.customer.no,
                "pause from 2026-05-27 ended by a RESUME accepted " + "2026-06-05: 9 days (minimum 15)");

        CustomerPlan reduced = population.factory(s3, "10", TariffBook.LI10, 800, "CAPACITY");
        ApplicationDraft r = new ApplicationDraft(
                        w, s3, "CAPACITY_REDUCE", LocalDate.of(2026, 7, 6), reduced.customer.name)
                .customer(reduced.customer.no)
                .capacity(800, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        w.plant("BUS-06", "APPLICATION", r.app.no, "CAPACITY_REDUCE archived, running_kva still equals contract 800");

        CustomerPlan unrenamed = population.shop(s2, TariffBook.COM04, 40);
        ApplicationDraft t2 = new ApplicationDraft(
                        w, s2, "TRANSFER", LocalDate.of(2026, 9, 21), w.names.shop(World.COUNTY_NAME))
                .customer(unrenamed.customer.no)
                .capacity(40, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        w.plant(
                "BUS-07",
                "APPLICATION",
                t2.app.no,
                "TRANSFER to " + t2.app.applicantName + " archived, customer " + "still named "
                        + unrenamed.customer.name);
    }

    // ------------------------------------------------------------------ INS

    private void inspectionCases() {
        CustomerPlan ratio = population.shop(s1, TariffBook.COM04, 63);
        ratio.customer.fixedRatioPct = dec(90);
        ratio.customer.fixedApprovedOn = LocalDate.of(2025, 6, 30);
        w.plant("INS-02", "CUSTOMER", ratio.customer.no, "定比 90 % last approved 2025-06-30 (> 12 months)");
        CustomerPlan cleanRatio = population.shop(s2, TariffBook.COM04, 80);
        cleanRatio.customer.fixedRatioPct = dec(85);
        cleanRatio.customer.fixedApprovedOn = LocalDate.of(2026, 1, 20);
        CustomerPlan cleanDeduction = population.shop(s3, TariffBook.COM04, 80);
        population.planEnergy(cleanDeduction, 4000, Population.Season.SHOP);
        cleanDeduction.customer.fixedDeductionKwh = dec(300);
        cleanDeduction.customer.fixedApprovedOn = LocalDate.of(2026, 4, 15);
        CustomerPlan deduction = population.shop(s1, TariffBook.COM04, 30);
        population.planEnergy(deduction, 560, Population.Season.SHOP);
        deduction.customer.fixedDeductionKwh = dec(650);
        deduction.customer.fixedApprovedOn = LocalDate.of(2026, 3, 2);
        w.plant(
                "INS-03",
                "CUSTOMER",
                deduction.customer.no,
                "定量 650 kWh deducted, metered only about 560 kWh in " + AUDITED);

        CustomerPlan bigShop = population.shop(s2, TariffBook.COM10, 400);
        w.plant("INS-04", "CUSTOMER", bigShop.customer.no, "COMMERCIAL 400 kVA (>= 315) on the single-part COM10");

        CustomerPlan overload = population.factory(s2, "10", TariffBook.LI10, 400, "CAPACITY");
        overload.maxDemandOverride.put(AUDITED.minusMonths(1), new BigDecimal("421.5"));
        overload.maxDemandOverride.put(AUDITED, new BigDecimal("433.0"));
        w.plant(
                "INS-05",
                "CUSTOMER",
                overload.customer.no,
                "max demand 421.5 kW and 433.0 kW in 2026-09 and " + "2026-10 above the 400 kVA contract (私增容量嫌疑)");

        CustomerPlan lone = population.shop(s3, TariffBook.COM04P, 125);
        afterHistory.add(() -> {
            Batch.Inspection i =
                    fieldWork.inspection(lone.customer, s3, LocalDate.of(2026, 10, 9), "PERIODIC", "NORMAL");
            i.inspectorIds = s3.member(TeamKind.INSPECTION, 0);
            w.plant("INS-07", "INSPECTION", i.no, "only one inspector on the record (at least 2 required)");
        });

        CustomerPlan drop = population.shop(s3, TariffBook.COM04, 50);
        population.planEnergy(drop, 1000, Population.Season.SHOP);
        drop.plannedKwh.put(AUDITED.minusMonths(2), dec(40));
        drop.plannedKwh.put(AUDITED.minusMonths(1), dec(30));
        drop.plannedKwh.put(AUDITED, dec(560));
        w.plant(
                "INS-09",
                "CUSTOMER",
                drop.customer.no,
                "last 3 periods average about 210 kWh < 30 % of the 9 before "
                        + "(about 1100 kWh), no pause, no replacement; 2026-10 alone stays within 50 % of the history "
                        + "average, so BIL-07 is silent");
    }

    // ------------------------------------------------------------------ MET

    private void meteringCases() {
        CustomerPlan wrongReadingMultiplier = population.shop(s1, TariffBook.COM04P, 100);
        CustomerPlan.MeterPlan mp = wrongReadingMultiplier.mainMeter();
        BigDecimal wrong = mp.meter.multiplier.compareTo(dec(20)) == 0 ? dec(40) : dec(20);
        mp.readingMultiplier.put(AUDITED, wrong);
        w.plant(
                "MET-02",
                "READING",
                mp.meter.id + ":" + AUDITED,
                "reading multiplier " + wrong
                        + ", meter multiplier " + mp.meter.multiplier
                        + " (consumption consistent with the reading's own "
                        + "multiplier, so BIL-04 is silent)");

        CustomerPlan underMetered = population.factory(s1, "10", TariffBook.LI10, 400, "CAPACITY");
        underMetered.mainMeter().meter.meteringClass = "IV";
        underMetered.mainMeter().meter.accuracyClass = "1";
        w.plant(
                "MET-03",
                "METER",
                underMetered.mainMeter().meter.id,
                "400 kVA implies class III, meter recorded as " + "class IV");

        CustomerPlan drifting = population.factory(s2, "10", TariffBook.LI10, 630, "CAPACITY");
        afterHistory.add(() -> {
            Batch.MeterEvent last = null;
            for (Batch.MeterEvent e : w.batch.meterEvents) {
                if (e.meterId.equals(drifting.mainMeter().meter.id) && "FIELD_TEST".equals(e.kind)) {
                    last = e;
                }
            }
            last.errorPct = new BigDecimal("1.260");
            w.plant(
                    "MET-05",
                    "METER",
                    last.meterId,
                    "FIELD_TEST " + last.no + " measured +1.26 % on a 0.5S meter, " + "no REPLACEMENT");
        });

        CustomerPlan slowFault = population.shop(s3, TariffBook.COM04, 40);
        afterHistory.add(() -> {
            Batch.MeterEvent e =
                    new Metering(w).event(slowFault.mainMeter().meter, "FAULT", LocalDate.of(2026, 9, 8), s3);
            e.resolvedOn = LocalDate.of(2026, 9, 21);
            w.plant("MET-07", "METER", e.meterId, "FAULT " + e.no + " on 2026-09-08 resolved 2026-09-21, 9 wd later");
        });

        CustomerPlan unsealed = population.shop(s2, TariffBook.COM04, 30);
        afterHistory.add(() -> {
            Batch.MeterEvent e =
                    new Metering(w).event(unsealed.mainMeter().meter, "SEAL_CHANGE", LocalDate.of(2026, 8, 12), s2);
            e.resolvedOn = e.occurredOn;
            e.workOrderNo = null;
            w.plant("MET-10", "METER", e.meterId, "SEAL_CHANGE " + e.no + " without a work order");
        });

        CustomerPlan removedNoNew = population.shop(s1, TariffBook.COM04, 30);
        Batch.Meter m = removedNoNew.mainMeter().meter;
        m.status = "REMOVED";
        m.removedOn = LocalDate.of(2026, 10, 12);
        w.plant(
                "MET-09",
                "CUSTOMER",
                removedNoNew.customer.no,
                "ACTIVE customer whose only meter was removed "
                        + "2026-10-12 (final reading that day) and no new meter is in service");
    }

    // ------------------------------------------------------------------ EXP

    private void expansionCases() {
        hvCase(
                "EXP-02",
                s1,
                "2026-03-23",
                "县城关瑞丰印务有限公司",
                new int[] {1, 3, 12, 1, 1, 0, 1},
                false,
                "DESIGN_REVIEW took 12 wd (limit 10); whole 19 wd");
        hvCase(
                "EXP-03",
                s2,
                "2026-04-20",
                "县河口金穗米业有限公司",
                new int[] {1, 4, 3, 7, 1, 0, 1},
                false,
                "MID_CHECK took 7 wd (limit 5); whole 17 wd");
        hvCase(
                "EXP-04",
                s3,
                "2026-05-25",
                "县石桥永固管业有限公司",
                new int[] {1, 4, 3, 2, 7, 0, 1},
                false,
                "COMPLETION_CHECK took 7 wd (limit 5); whole 18 wd");
        hvCase(
                "EXP-05",
                s1,
                "2026-06-22",
                "县城关佳美家具有限公司",
                new int[] {1, 4, 3, 2, 1, 0, 7},
                false,
                "CONNECT took 7 wd (limit 5); whole 18 wd");
        hvCase(
                "EXP-06",
                s2,
                "2026-07-06",
                "县河口联创电子有限公司",
                new int[] {2, 12, 6, 3, 3, 0, 2},
                false,
                "every step within its limit but the whole process takes 28 wd (limit 22)");
        hvCase(
                "EXP-10",
                s3,
                "2026-08-03",
                "县石桥绿源食品有限公司",
                new int[] {1, 10, 4, 2, 2, 0, 2},
                true,
                "green channel, PLAN_REPLY took 10 wd (> half of 15); whole 21 wd");

        String shop = w.names.shop(World.COUNTY_NAME);
        ApplicationDraft lv = new ApplicationDraft(w, s1, "LV_NEW", LocalDate.of(2026, 5, 6), shop).capacity(40, "0.4");
        lv.step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 2)
                .step("COMPLETION_CHECK", 1)
                .step("CONTRACT", 0)
                .step("CONNECT", 1)
                .pause(6)
                .archive(1);
        expansion.openLowVoltage(s1, lv, shop, "COMMERCIAL", TariffBook.COM04, 40);
        w.plant("EXP-07", "APPLICATION", lv.app.no, "CONNECT finished, ARCHIVE finished 8 wd later (limit 5)");

        String early = w.names.shop(World.COUNTY_NAME);
        ApplicationDraft outside =
                new ApplicationDraft(w, s2, "LV_NEW", LocalDate.of(2026, 5, 11), early).capacity(30, "0.4");
        Expansion.lowVoltageSteps(outside).archive(1);
        CustomerPlan plan = expansion.openLowVoltage(s2, outside, early, "COMMERCIAL", TariffBook.COM04, 30);
        plan.customer.openedOn = LocalDate.of(2026, 4, 2);
        plan.mainMeter().meter.installedOn = LocalDate.of(2026, 4, 2);
        plan.firstPeriod = YearMonth.of(2026, 5);
        w.plant(
                "EXP-08",
                "APPLICATION",
                outside.app.no,
                "account opened 2026-04-02, before the application was " + "accepted on 2026-05-11 (体外循环)");
    }

    private void hvCase(
            String rule, World.Station st, String accepted, String name, int[] wd, boolean green, String why) {
        ApplicationDraft a = new ApplicationDraft(
                        w, st, "HV_NEW", LocalDate.parse(accepted), w.names.fixed(World.COUNTY_NAME + name))
                .capacity(630, "10")
                .supply("SINGLE");
        if (green) {
            a.green();
        }
        Expansion.hvSteps(a, wd).archive(1);
        shipped.openHighVoltage(st, a, 630);
        w.plant(rule, "APPLICATION", a.app.no, "HV_NEW single source: " + why);
    }

    // ------------------------------------------------------------------ IMP

    private void importantCustomerCases() {
        LocalDate reported = LocalDate.of(2026, 4, 10);
        CustomerPlan jail = population.institution(
                s2, World.COUNTY_NAME + "县看守所", "10", TariffBook.COM10, 160, null, LocalDate.of(2013, 6, 1), "9200");
        population.important(jail, "SECOND", 1, false, LocalDate.of(2026, 2, 10), reported);
        w.plant("IMP-02", "CUSTOMER", jail.customer.no, "SECOND grade without a self-provided emergency generator");

        CustomerPlan gas = population.institution(
                s3, World.COUNTY_NAME + "县天然气门站", "10", TariffBook.COM10, 200, null, LocalDate.of(2016, 8, 8), "4500");
        population.important(gas, "SECOND", 2, true, LocalDate.of(2026, 3, 3), LocalDate.of(2025, 8, 1));
        w.plant("IMP-06", "CUSTOMER", gas.customer.no, "reported to the authority 2025-08-01 (> 12 months)");

        CustomerPlan cdc = population.institution(
                s1,
                World.COUNTY_NAME + "县疾病预防控制中心",
                "10",
                TariffBook.COM10,
                250,
                null,
                LocalDate.of(2015, 4, 20),
                "8400");
        population.important(cdc, "FIRST", 2, true, LocalDate.of(2026, 4, 1), reported);
        afterHistory.add(() -> {
            Batch.Inspection i =
                    fieldWork.inspection(cdc.customer, s1, LocalDate.of(2026, 8, 11), "PERIODIC", "HAZARD");
            i.hazardNote = "备用电源自动切换装置故障";
            i.noticeNo = "YH20260655";
            i.rectifyDueOn = LocalDate.of(2026, 9, 10);
            w.plant(
                    "IMP-04",
                    "INSPECTION",
                    i.no,
                    "important customer's HAZARD due 2026-09-10 not rectified " + "(IMP-04, not INS-06)");
        });

        CustomerPlan water = w.plans.values().stream()
                .filter(p -> p.customer.name.endsWith("城北水厂"))
                .findFirst()
                .orElseThrow();
        ApplicationDraft inc = new ApplicationDraft(
                        w, s1, "HV_INCREASE", LocalDate.of(2026, 10, 19), water.customer.name)
                .customer(water.customer.no)
                .capacity(400, "10")
                .supply("SINGLE")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .open("PLAN_REPLY");
        w.plant(
                "IMP-07",
                "APPLICATION",
                inc.app.no,
                "HV_INCREASE of an important customer (SECOND grade water "
                        + "works) with supply_mode SINGLE, in progress");
    }

    // ------------------------------------------- planted when their rules shipped (BIL-07, 09, INS-01, MET-04, 08,
    // IMP-03)

    private void casesAddedWithTheRules() {
        CustomerPlan spike = population.shop(s2, TariffBook.COM04, 60);
        spike.plannedKwh.put(AUDITED, spike.plannedKwh.get(AUDITED).multiply(dec(3)));
        w.plant(
                "BIL-07",
                "CUSTOMER",
                spike.customer.no,
                "shop of 60 kVA consumed three times its usual energy in " + AUDITED
                        + " (history average and same month last year both exceeded by > 50 %), no capacity change");

        CustomerPlan relay = population.institution(
                s3,
                World.COUNTY_NAME + "县广播电视转播站",
                "10",
                TariffBook.COM04,
                80,
                null,
                LocalDate.of(2012, 5, 16),
                "8700");
        afterHistory.add(
                () -> w.plant(
                        "BIL-09",
                        "BILL",
                        shipped.bill(relay.customer.no, AUDITED).no,
                        "10 kV relay station contracted and billed on the 0.4 kV tariff COM04 (category matches, voltage does not)"));

        CustomerPlan untested = population.factory(s1, "10", TariffBook.LI10, 400, "CAPACITY");
        afterHistory.add(() -> {
            Batch.Meter m = untested.mainMeter().meter;
            w.batch.meterEvents.removeIf(e -> e.meterId.equals(m.id)
                    && "FIELD_TEST".equals(e.kind)
                    && e.occurredOn.isAfter(LocalDate.of(2025, 9, 30)));
            LocalDate last = w.batch.meterEvents.stream()
                    .filter(e -> e.meterId.equals(m.id) && "FIELD_TEST".equals(e.kind))
                    .map(e -> e.occurredOn)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            m.lastVerifiedOn = last;
            w.plant(
                    "MET-04",
                    "METER",
                    m.id,
                    "class " + m.meteringClass + " meter last field-tested " + last
                            + " (> 12 months before the as-of date)");
        });

        CustomerPlan pausedRemoved = population.factory(s3, "10", TariffBook.LI10, 500, "CAPACITY");
        new ApplicationDraft(w, s3, "PAUSE", LocalDate.of(2026, 8, 3), pausedRemoved.customer.name)
                .customer(pausedRemoved.customer.no)
                .capacity(500, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        pausedRemoved.customer.status = "SUSPENDED";
        pausedRemoved.customer.runningKva = BigDecimal.ZERO;
        pausedRemoved.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(500), dec(500)});
        pausedRemoved.capacity.put(YearMonth.of(2026, 9), new BigDecimal[] {dec(500), BigDecimal.ZERO});
        for (YearMonth p = YearMonth.of(2026, 9); !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            pausedRemoved.plannedKwh.put(p, BigDecimal.ZERO);
            pausedRemoved.unbilled.add(p);
        }
        Batch.Meter removed = pausedRemoved.mainMeter().meter;
        removed.status = "REMOVED";
        removed.removedOn = LocalDate.of(2026, 8, 20);
        w.plant(
                "MET-08",
                "METER",
                removed.id,
                "meter removed 2026-08-20 during the pause, yet readings were " + "entered for 2026-09 and " + AUDITED);

        CustomerPlan neglected = population.shop(s3, TariffBook.COM04, 50);
        afterHistory.add(() -> {
            w.batch.inspections.removeIf(i -> i.customerNo.equals(neglected.customer.no));
            fieldWork.inspection(neglected.customer, s3, LocalDate.of(2024, 6, 20), "PERIODIC", "NORMAL");
            w.plant(
                    "INS-01",
                    "CUSTOMER",
                    neglected.customer.no,
                    "0.4 kV shop (inspection cycle "
                            + (neglected.customer.inspectionCycleMonths == null
                                    ? 24
                                    : neglected.customer.inspectionCycleMonths)
                            + " months) last inspected 2024-06-20");
        });

        CustomerPlan school = population.institution(
                s1, World.COUNTY_NAME + "县第一中学", "10", TariffBook.COM10, 250, null, LocalDate.of(2009, 8, 20), "8300");
        population.important(school, "SECOND", 2, true, LocalDate.of(2026, 3, 12), LocalDate.of(2026, 3, 20));
        afterHistory.add(() -> {
            w.batch.inspections.removeIf(i -> i.customerNo.equals(school.customer.no));
            LocalDate last = LocalDate.of(2026, 3, 18);
            fieldWork.inspection(school.customer, s1, last, "PERIODIC", "NORMAL");
            w.plant(
                    "IMP-03",
                    "CUSTOMER",
                    school.customer.no,
                    "SECOND-grade important customer last inspected " + last + " (> 6 months before the as-of date)");
        });
    }
}
