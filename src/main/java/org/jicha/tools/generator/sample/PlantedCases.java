package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AUDITED;
import static org.jicha.tools.generator.sample.World.dec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jicha.tools.generator.TariffBook;

/**
 * Deviations planted on purpose, one named method per case, and the look-alikes that must stay silent.
 * Each case registers its expected finding (rule, subject) with the reason; cases of the 14 shipped rules
 * land in expected-findings.csv, the others in expected-findings-later.csv.
 *
 * <p>Long because it is a catalogue: one small method per planted deviation and look-alike of the
 * sample (sample-data/README.md lists them), in the order of the rule catalogue.
 */
final class PlantedCases {

    private final World w;
    private final Population population;
    private final Expansion expansion;
    private final FieldWork fieldWork;
    private final World.Station s1;
    private final World.Station s2;
    private final World.Station s3;

    PlantedCases(World w, Population population, Expansion expansion, FieldWork fieldWork) {
        this.w = w;
        this.population = population;
        this.expansion = expansion;
        this.fieldWork = fieldWork;
        this.s1 = w.stations.get(0);
        this.s2 = w.stations.get(1);
        this.s3 = w.stations.get(2);
    }

    /** Cases that shape a customer's history: they run before readings and bills are generated. */
    void beforeHistory() {
        plantMissingReading();
        plantMissedReading();
        plantRegisterRunningBackwards();
        plantThreeZeroMonthsOfAnEmptyFlat();
        plantZeroMonthOfA10kVFactory();
        plantWrongMultiplierOn10kVMeter();
        plantWrongMultiplierOnLowVoltageCtMeter();
        plantOverdueRotation();
        plantPlanReplyOverLimit();
        plantMissingSteps();
        plantWrongBusinessFees();
        plantRepeatedReturns();
        plantImportantCustomers();
        lookAlikePausedShopWithZeroConsumption();
        lookAlikeMeterReplacedInThePeriod();
        lookAlikeRegisterRollover();
        lookAlikeSingleEstimatedRead();
        lookAlikeSuspendedFactory();
    }

    /** Cases on rows that exist only once history is generated (bills, inspections). */
    void afterHistory() {
        plantBillOnAnotherTariff();
        plantContractedTariffOfAnotherCategory();
        plantOverdueHazards();
        plantViolationAndTheftWithoutNotice();
        lookAlikeHandledViolationAndTheft();
        lookAlikeHazardNotYetDue();
    }

    // ================================================================== BIL

    private void plantMissingReading() {
        CustomerPlan plan = lowUseHousehold(s3, 48);
        plan.readTypes.put(AUDITED, "NONE");
        w.plant(
                "BIL-01",
                "METER",
                plan.mainMeter().meter.id,
                "户 " + plan.customer.no + " 实抄表计 " + AUDITED + " 无抄表记录 (no reading row at all for the audited period)");
    }

    private void plantMissedReading() {
        CustomerPlan plan = lowUseHousehold(s2, 62);
        plan.readTypes.put(AUDITED, "MISSED");
        w.plant(
                "BIL-01",
                "METER",
                plan.mainMeter().meter.id,
                "户 " + plan.customer.no + " " + AUDITED + " 抄表记录 read_type MISSED (未抄), no bill issued");
    }

    private void plantRegisterRunningBackwards() {
        CustomerPlan plan = lowUseHousehold(s1, 52);
        plan.mainMeter().startValue = new BigDecimal("3862.00");
        plan.plannedKwh.put(AUDITED, BigDecimal.ZERO);
        postEdit.add(() -> {
            Batch.Reading r = reading(plan.mainMeter().meter.id, AUDITED);
            r.currentValue = r.previousValue.subtract(new BigDecimal("0.50"));
            w.plant(
                    "BIL-03",
                    "READING",
                    r.subjectId(),
                    "示数倒走: current " + r.currentValue + " < previous "
                            + r.previousValue
                            + ", no REPLACEMENT, 4-digit register far from rollover; consumption 0 so "
                            + "BIL-04 stays within 1 kWh");
        });
    }

    private void plantThreeZeroMonthsOfAnEmptyFlat() {
        CustomerPlan plan = lowUseHousehold(s2, 45);
        for (YearMonth p = AUDITED.minusMonths(2); !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            plan.plannedKwh.put(p, BigDecimal.ZERO);
        }
        w.plant(
                "BIL-06",
                "CUSTOMER",
                plan.customer.no,
                "0.22 kV ACTIVE household, consumption 0 kWh in "
                        + AUDITED.minusMonths(2) + ", " + AUDITED.minusMonths(1) + ", " + AUDITED
                        + " (3 periods), no pause; history average < 100 kWh so BIL-07/INS-09 stay silent");
    }

    private void plantZeroMonthOfA10kVFactory() {
        CustomerPlan plan = population.factory(s3, "10", TariffBook.LI10, 630, "CAPACITY");
        plan.plannedKwh.put(AUDITED, BigDecimal.ZERO);
        ApplicationDraft a = new ApplicationDraft(w, s3, "HV_INCREASE", LocalDate.of(2026, 10, 12), plan.customer.name)
                .customer(plan.customer.no)
                .capacity(1000, "10")
                .supply("SINGLE")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 6)
                .open("DESIGN_REVIEW");
        w.plant(
                "BIL-06",
                "CUSTOMER",
                plan.customer.no,
                "10 kV ACTIVE factory, 0 kWh in " + AUDITED
                        + " (>= 10 kV: one period suffices); production stopped for the transformer upgrade of "
                        + a.app.no
                        + " (HV_INCREASE in progress, which keeps BIL-07 silent but does not excuse BIL-06)");
    }

    private void plantBillOnAnotherTariff() {
        CustomerPlan plan = w.plan(wrongTariffShop);
        Batch.Bill b = bill(plan.customer.no, AUDITED);
        reprice(plan, b, TariffBook.AGR04);
        w.plant(
                "BIL-08",
                "BILL",
                b.no,
                "一般工商业 customer " + plan.customer.no + " (contract COM04) billed " + AUDITED
                        + " at the agricultural tariff AGR04");
    }

    private CustomerPlan restaurantOnFarmTariff;

    private void plantContractedTariffOfAnotherCategory() {
        Batch.Bill b = bill(restaurantOnFarmTariff.customer.no, AUDITED);
        w.plant(
                "BIL-08",
                "BILL",
                b.no,
                "农家乐 restaurant " + restaurantOnFarmTariff.customer.no
                        + " is COMMERCIAL but contracted (and billed) on AGR04 (AGRICULTURAL): category mismatch");
    }

    // ================================================================== MET

    private void plantWrongMultiplierOn10kVMeter() {
        CustomerPlan plan = population.factory(s2, "10", TariffBook.LI10, 1000, "CAPACITY");
        Batch.Meter m = plan.mainMeter().meter;
        m.ctRatio = dec(15);
        m.ptRatio = dec(100);
        m.multiplier = dec(1000);
        w.plant(
                "MET-01",
                "METER",
                m.id,
                "CT 75/5 (15) x PT 10000/100 (100) = 1500, billing system multiplier 1000 "
                        + "(readings use 1000 consistently, so MET-02 and BIL-04 stay silent)");
    }

    private void plantWrongMultiplierOnLowVoltageCtMeter() {
        CustomerPlan plan = population.shop(s1, TariffBook.COM04P, 160);
        Batch.Meter m = plan.mainMeter().meter;
        m.ctRatio = dec(60);
        m.multiplier = dec(40);
        w.plant("MET-01", "METER", m.id, "0.4 kV CT 300/5 (60), no PT, multiplier still 40 from the former 200/5 CT");
    }

    private void plantOverdueRotation() {
        CustomerPlan household = population.household(s1, 50);
        household.mainMeter().meter.installedOn = LocalDate.of(2018, 6, 12);
        household.mainMeter().meter.lastVerifiedOn = LocalDate.of(2018, 5, 20);
        household.mainMeter().meter.rotationDueOn = LocalDate.of(2026, 6, 30);
        w.plant(
                "MET-06",
                "METER",
                household.mainMeter().meter.id,
                "in-service single-phase meter, rotation due " + "2026-06-30, before the as-of date");
        CustomerPlan shop = shopOnCom04(s3, 30);
        shop.mainMeter().meter.installedOn = LocalDate.of(2018, 9, 3);
        shop.mainMeter().meter.lastVerifiedOn = LocalDate.of(2018, 8, 10);
        shop.mainMeter().meter.rotationDueOn = LocalDate.of(2026, 9, 30);
        w.plant(
                "MET-06",
                "METER",
                shop.mainMeter().meter.id,
                "in-service three-phase meter (class IV), rotation " + "due 2026-09-30");
    }

    // ================================================================== EXP / BUS

    private void plantPlanReplyOverLimit() {
        String applicant = w.names.person();
        ApplicationDraft res = new ApplicationDraft(w, s3, "RES_NEW", LocalDate.of(2026, 6, 15), applicant)
                .capacity(8, "0.22")
                .step("ACCEPT", 0)
                .step("SURVEY", 0)
                .step("PLAN_REPLY", 4)
                .step("CONTRACT", 0)
                .step("CONNECT", 1)
                .archive(1);
        openResidential(s3, res, applicant);
        w.plant(
                "EXP-01",
                "APPLICATION",
                res.app.no,
                "RES_NEW: PLAN_REPLY took 4 wd (limit 3); whole process " + "0+0+4+0+1 = 5 wd, exactly at its limit 5");
        ApplicationDraft hv = new ApplicationDraft(
                        w, s1, "HV_NEW", LocalDate.of(2026, 4, 7), w.names.fixed(World.COUNTY_NAME + "县城关鑫源塑业有限公司"))
                .capacity(800, "10")
                .supply("SINGLE");
        Expansion.hvSteps(hv, new int[] {1, 16, 1, 1, 1, 0, 1}).archive(1);
        openHighVoltage(s1, hv, 800);
        w.plant(
                "EXP-01",
                "APPLICATION",
                hv.app.no,
                "HV_NEW single source: PLAN_REPLY took 16 wd (limit 15); " + "whole process 21 wd (limit 22)");
    }

    private void plantMissingSteps() {
        CustomerPlan factory = population.factory(s3, "10", TariffBook.LI10, 800, "CAPACITY");
        ApplicationDraft hv = new ApplicationDraft(
                        w, s3, "HV_INCREASE", LocalDate.of(2026, 5, 18), factory.customer.name)
                .customer(factory.customer.no)
                .capacity(800, "10")
                .supply("SINGLE")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 5)
                .step("DESIGN_REVIEW", 4)
                .step("COMPLETION_CHECK", 2)
                .step("CONTRACT", 1)
                .step("CONNECT", 2)
                .archive(1);
        increaseFrom(factory, hv, 500, true);
        w.plant("EXP-09", "APPLICATION", hv.app.no, "ARCHIVED HV_INCREASE without MID_CHECK (中间检查)");
        String shop = w.names.shop(World.COUNTY_NAME);
        ApplicationDraft lv = new ApplicationDraft(w, s2, "LV_NEW", LocalDate.of(2026, 3, 16), shop)
                .capacity(30, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 2)
                .step("CONTRACT", 0)
                .step("CONNECT", 1)
                .archive(1);
        expansion.openLowVoltage(s2, lv, shop, "COMMERCIAL", TariffBook.COM04, 30);
        w.plant("EXP-09", "APPLICATION", lv.app.no, "ARCHIVED LV_NEW without COMPLETION_CHECK (竣工检验)");
    }

    private void plantWrongBusinessFees() {
        String shop = w.names.shop(World.COUNTY_NAME);
        ApplicationDraft lv = new ApplicationDraft(w, s2, "LV_NEW", LocalDate.of(2026, 7, 6), shop)
                .capacity(40, "0.4")
                .fee("320.00", "0.00");
        Expansion.lowVoltageSteps(lv).archive(1);
        expansion.openLowVoltage(s2, lv, shop, "COMMERCIAL", TariffBook.COM04, 40);
        w.plant("BUS-01", "APPLICATION", lv.app.no, "LV_NEW charged 320.00 (计量装置费) where the standard fee is 0.00");
        String site = w.names.fixed(World.COUNTY_NAME + "县石桥中学食堂改建项目部");
        ApplicationDraft temp = new ApplicationDraft(w, s3, "TEMP_NEW", LocalDate.of(2026, 9, 14), site)
                .capacity(50, "0.4")
                .fee("3000.00", "2500.00");
        Expansion.lowVoltageSteps(temp).archive(1);
        CustomerPlan plan = expansion.openLowVoltage(s3, temp, site, "COMMERCIAL", TariffBook.COM04, 50);
        plan.customer.tradeCode = "4700";
        plan.customer.temporaryUntil = LocalDate.of(2027, 3, 31);
        w.plant("BUS-01", "APPLICATION", temp.app.no, "TEMP_NEW 50 kVA charged 3000.00, standard 临时接电费 2500.00");
    }

    private void plantRepeatedReturns() {
        ApplicationDraft hv = new ApplicationDraft(
                        w, s2, "HV_NEW", LocalDate.of(2026, 6, 1), w.names.fixed(World.COUNTY_NAME + "县河口宏达冷链物流有限公司"))
                .capacity(630, "10")
                .supply("SINGLE")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 4)
                .returned("DESIGN_REVIEW", 2)
                .returned("DESIGN_REVIEW", 2)
                .step("DESIGN_REVIEW", 2)
                .step("MID_CHECK", 2)
                .step("COMPLETION_CHECK", 2)
                .step("CONTRACT", 1)
                .step("CONNECT", 2)
                .archive(1);
        openHighVoltage(s2, hv, 630);
        w.plant(
                "BUS-04",
                "APPLICATION",
                hv.app.no,
                "DESIGN_REVIEW returned twice before passing (2 RETURNED "
                        + "steps); first start to last finish 8 wd (limit 10), whole process 20 wd (limit 22)");
        CustomerPlan farm = population.farm(s3, "0.4", TariffBook.AGR04, 40);
        ApplicationDraft lv = new ApplicationDraft(w, s3, "LV_INCREASE", LocalDate.of(2026, 8, 3), farm.customer.name)
                .customer(farm.customer.no)
                .capacity(40, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 0)
                .returned("PLAN_REPLY", 0)
                .step("PLAN_REPLY", 1)
                .returned("COMPLETION_CHECK", 0)
                .step("COMPLETION_CHECK", 1)
                .step("CONTRACT", 0)
                .step("CONNECT", 1)
                .archive(1);
        increaseFrom(farm, lv, 20, false);
        w.plant(
                "BUS-04",
                "APPLICATION",
                lv.app.no,
                "PLAN_REPLY and COMPLETION_CHECK each returned once (2 RETURNED "
                        + "steps); whole process 0+0+2+2+0+1 = 5 wd (limit 6)");
    }

    // ================================================================== IMP

    private void plantImportantCustomers() {
        LocalDate recentPlan = LocalDate.of(2026, 3, 18);
        LocalDate reported = LocalDate.of(2026, 4, 10);
        CustomerPlan hospital = population.institution(
                s1,
                World.COUNTY_NAME + "县人民医院",
                "10",
                TariffBook.COM10D,
                1250,
                "CAPACITY",
                LocalDate.of(2009, 5, 20),
                "8400");
        population.important(hospital, "FIRST", 2, true, recentPlan, reported);
        CustomerPlan chemical = population.industrial(
                s2,
                w.names.fixed(World.COUNTY_NAME + "县河口化工有限公司"),
                "35",
                TariffBook.LI35,
                8000,
                "DEMAND",
                LocalDate.of(2011, 9, 1),
                0.4);
        chemical.customer.tradeCode = "2600";
        population.important(chemical, "SPECIAL", 3, true, LocalDate.of(2026, 1, 8), reported);
        CustomerPlan water = population.institution(
                s1,
                World.COUNTY_NAME + "县自来水公司城北水厂",
                "10",
                TariffBook.COM10,
                250,
                null,
                LocalDate.of(2012, 3, 15),
                "4600");
        population.important(water, "SECOND", 1, true, LocalDate.of(2026, 5, 6), reported);

        CustomerPlan chineseMedicine = population.institution(
                s2,
                World.COUNTY_NAME + "县中医院",
                "10",
                TariffBook.COM10D,
                630,
                "CAPACITY",
                LocalDate.of(2014, 7, 1),
                "8400");
        population.important(chineseMedicine, "FIRST", 1, true, recentPlan, reported);
        w.plant(
                "IMP-01",
                "CUSTOMER",
                chineseMedicine.customer.no,
                "FIRST grade (一级) hospital with 1 supply source (needs 2)");
        CustomerPlan dataCentre = population.industrial(
                s1,
                w.names.fixed(World.COUNTY_NAME + "县政务云数据中心"),
                "10",
                TariffBook.LI10,
                2000,
                "DEMAND",
                LocalDate.of(2019, 11, 1),
                0.4);
        dataCentre.customer.tradeCode = "6450";
        population.important(dataCentre, "SPECIAL", 2, true, LocalDate.of(2026, 2, 26), reported);
        w.plant(
                "IMP-01",
                "CUSTOMER",
                dataCentre.customer.no,
                "SPECIAL grade (特级) data centre with 2 supply sources (needs 3)");

        CustomerPlan broadcaster = population.institution(
                s3,
                World.COUNTY_NAME + "县融媒体中心发射台",
                "10",
                TariffBook.COM10,
                200,
                null,
                LocalDate.of(2010, 10, 12),
                "8700");
        population.important(broadcaster, "SECOND", 1, true, null, reported);
        w.plant("IMP-05", "CUSTOMER", broadcaster.customer.no, "SECOND grade, guarantee_plan_on missing (no 保供电预案)");
        CustomerPlan busStation = population.institution(
                s1, World.COUNTY_NAME + "县汽车客运站", "10", TariffBook.COM10, 250, null, LocalDate.of(2008, 4, 2), "5400");
        population.important(busStation, "FIRST", 2, true, LocalDate.of(2025, 9, 20), reported);
        w.plant(
                "IMP-05",
                "CUSTOMER",
                busStation.customer.no,
                "FIRST grade, guarantee plan issued 2025-09-20, more " + "than 12 months before 2026-11-05");
    }

    // ================================================================== INS

    private void plantOverdueHazards() {
        CustomerPlan shop = w.plan(hazardShop);
        Batch.Inspection a = fieldWork.inspection(shop.customer, s1, LocalDate.of(2026, 8, 20), "PERIODIC", "HAZARD");
        a.hazardNote = "计量箱锈蚀，进线电缆绝缘老化";
        a.noticeNo = "YH2026" + String.format("%04d", 900 + w.next("YH-PLANT"));
        a.rectifyDueOn = LocalDate.of(2026, 9, 30);
        w.plant(
                "INS-06",
                "INSPECTION",
                a.no,
                "HAZARD found 2026-08-20, rectify due 2026-09-30, not rectified by "
                        + "2026-11-05 (not an important customer, so INS-06 rather than IMP-04)");
        CustomerPlan factory = w.plan(hazardFactory);
        Batch.Inspection b = fieldWork.inspection(factory.customer, s3, LocalDate.of(2026, 7, 15), "SPECIAL", "HAZARD");
        b.hazardNote = "配电室无挡鼠板，电缆沟积水";
        b.noticeNo = "YH2026" + String.format("%04d", 900 + w.next("YH-PLANT"));
        b.rectifyDueOn = LocalDate.of(2026, 8, 31);
        w.plant("INS-06", "INSPECTION", b.no, "HAZARD found 2026-07-15, rectify due 2026-08-31, still open");
    }

    private String hazardShop;
    private String hazardFactory;

    private void plantViolationAndTheftWithoutNotice() {
        CustomerPlan shop = w.plan(violationShop);
        Batch.Inspection v = fieldWork.inspection(shop.customer, s2, LocalDate.of(2026, 9, 22), "SPECIAL", "VIOLATION");
        v.hazardNote = "私自增加用电设备，超合同容量用电";
        w.plant("INS-08", "INSPECTION", v.no, "VIOLATION (违约用电) recorded without a notice number (违约用电通知书)");
        CustomerPlan household = w.plan(theftHousehold);
        Batch.Inspection t =
                fieldWork.inspection(household.customer, s3, LocalDate.of(2026, 10, 14), "THEFT_CHECK", "THEFT");
        t.hazardNote = "表前接线绕越计量";
        w.plant("INS-08", "INSPECTION", t.no, "THEFT (窃电) recorded without a notice number (窃电通知书)");
    }

    private String theftHousehold;

    // ================================================================== look-alikes

    private void lookAlikePausedShopWithZeroConsumption() {
        CustomerPlan plan = population.shop(s3, TariffBook.COM04, 80);
        plan.customer.name = w.names.fixed(World.COUNTY_NAME + "县石桥青峰石料加工厂");
        plan.customer.tradeCode = "1000";
        for (YearMonth p = AUDITED.minusMonths(2); !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            plan.plannedKwh.put(p, BigDecimal.ZERO);
        }
        ApplicationDraft pause = new ApplicationDraft(w, s3, "PAUSE", LocalDate.of(2026, 9, 3), plan.customer.name)
                .customer(plan.customer.no)
                .capacity(80, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        plan.customer.runningKva = BigDecimal.ZERO;
        w.lookAlike(
                "zero consumption explained by a pause",
                "CUSTOMER",
                plan.customer.no,
                "BIL-06, BIL-07, INS-09, " + "BUS-05, BUS-06",
                "0.4 kV quarry plant, 0 kWh in 2026-08..2026-10, but PAUSE " + pause.app.no
                        + " (ARCHIVED, running_kva 80 -> 0) was accepted 2026-09-03, inside the zero periods and within 30 days "
                        + "before 2026-10; the pause is ongoing (64 days, < 183) and running_kva differs from contract_kva");
    }

    private void lookAlikeMeterReplacedInThePeriod() {
        CustomerPlan plan = shopOnCom04(s1, 30);
        Batch.Meter m = plan.mainMeter().meter;
        plan.mainMeter().startValue = new BigDecimal("18230.40");
        plan.mainMeter().restartValues.put(AUDITED, new BigDecimal("0.00"));
        LocalDate replaced = AUDITED.atDay(1);
        m.installedOn = replaced;
        m.lastVerifiedOn = LocalDate.of(2026, 9, 8);
        m.rotationDueOn = LocalDate.of(2034, 10, 31);
        postEdit.add(() -> {
            Batch.MeterEvent e = new Metering(w).event(m, "REPLACEMENT", replaced, s1);
            e.resolvedOn = replaced;
            Batch.Reading r = reading(m.id, AUDITED);
            w.lookAlike(
                    "register lower than last period after a replacement",
                    "READING",
                    r.subjectId(),
                    "BIL-03, BIL-05, BIL-04",
                    "meter replaced on " + replaced + " right after the 2026-09 read ("
                            + reading(m.id, AUDITED.minusMonths(1)).currentValue + "); REPLACEMENT event " + e.no
                            + " in the period; the new device starts at " + r.previousValue + " and reads "
                            + r.currentValue);
        });
    }

    private void lookAlikeRegisterRollover() {
        CustomerPlan plan = population.household(s3, 0);
        population.planEnergy(plan, 300, Population.Season.HOUSEHOLD);
        CustomerPlan.MeterPlan mp = plan.mainMeter();
        plan.plannedKwh.put(AUDITED, BigDecimal.valueOf(270));
        BigDecimal before = BigDecimal.ZERO;
        for (YearMonth p = plan.firstPeriod; p.isBefore(AUDITED); p = p.plusMonths(1)) {
            before = before.add(plan.plannedKwh.get(p));
        }
        mp.startValue = new BigDecimal("99850.00").subtract(before);
        postEdit.add(() -> {
            Batch.Reading r = reading(mp.meter.id, AUDITED);
            w.lookAlike(
                    "register rollover",
                    "READING",
                    r.subjectId(),
                    "BIL-03, BIL-04, BIL-05",
                    "5-digit mechanical register: previous " + r.previousValue + " (>= 90 % of 100000), current "
                            + r.currentValue + ", consumption (" + r.currentValue + " + 100000 - " + r.previousValue
                            + ") x 1 = " + r.consumptionKwh);
        });
    }

    private void lookAlikeSingleEstimatedRead() {
        CustomerPlan plan = population.household(s1, 60);
        plan.readTypes.put(AUDITED, "ESTIMATED");
        w.lookAlike(
                "one estimated read",
                "METER",
                plan.mainMeter().meter.id,
                "BIL-02",
                "ESTIMATED only in " + AUDITED + " (2026-09 was REMOTE, last real read 2026-10-01 < 60 days)");
    }

    private void lookAlikeSuspendedFactory() {
        CustomerPlan plan = population.factory(s2, "10", TariffBook.LI10, 630, "CAPACITY");
        ApplicationDraft pause = new ApplicationDraft(w, s2, "PAUSE", LocalDate.of(2026, 7, 1), plan.customer.name)
                .customer(plan.customer.no)
                .capacity(630, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        plan.customer.status = "SUSPENDED";
        plan.customer.runningKva = BigDecimal.ZERO;
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(630), dec(630)});
        plan.capacity.put(YearMonth.of(2026, 8), new BigDecimal[] {dec(630), BigDecimal.ZERO});
        YearMonth july = YearMonth.of(2026, 7);
        plan.plannedKwh.put(july, plan.plannedKwh.get(july).divide(BigDecimal.TEN, 0, RoundingMode.HALF_UP));
        for (YearMonth p = july.plusMonths(1); !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            plan.plannedKwh.put(p, BigDecimal.ZERO);
            plan.unbilled.add(p);
        }
        w.lookAlike(
                "zero consumption of a suspended 10 kV customer",
                "CUSTOMER",
                plan.customer.no,
                "BIL-06, BIL-07, INS-09, BUS-06",
                "status SUSPENDED after PAUSE " + pause.app.no
                        + " of the whole 630 kVA (running_kva 0) from 2026-07; meters still read, 0 kWh, no bills while paused");
    }

    private void lookAlikeHandledViolationAndTheft() {
        CustomerPlan shop = w.plan(handledViolationShop);
        Batch.Inspection v = fieldWork.inspection(shop.customer, s1, LocalDate.of(2026, 6, 18), "SPECIAL", "VIOLATION");
        v.hazardNote = "擅自将一般工商业用电转供居民";
        v.noticeNo = "WY20260012";
        w.lookAlike("violation with its notice", "INSPECTION", v.no, "INS-08", "VIOLATION with notice WY20260012");
    }

    private void lookAlikeHazardNotYetDue() {
        CustomerPlan plan = w.plan(hazardShopNotDue);
        Batch.Inspection i = fieldWork.inspection(plan.customer, s2, LocalDate.of(2026, 10, 20), "PERIODIC", "HAZARD");
        i.hazardNote = "无功补偿装置电容器鼓包";
        i.noticeNo = "YH20260877";
        i.rectifyDueOn = LocalDate.of(2026, 11, 20);
        w.lookAlike(
                "open hazard not yet due",
                "INSPECTION",
                i.no,
                "INS-06",
                "HAZARD of 2026-10-20 not rectified yet, " + "but rectify_due_on 2026-11-20 is after the as-of date");
    }

    private String hazardShopNotDue;

    // ================================================================== helpers

    final List<Runnable> postEdit = new ArrayList<>();

    /** Customers that the after-history cases need, created before history so they get readings and bills. */
    void prepareAfterHistoryCustomers() {
        hazardShop = population.shop(s1, TariffBook.COM04P, 125).customer.no;
        hazardFactory = population.factory(s3, "10", TariffBook.LI10, 500, "CAPACITY").customer.no;
        hazardShopNotDue = population.shop(s2, TariffBook.COM04P, 100).customer.no;
        theftHousehold = population.household(s3, 70).customer.no;
        restaurantOnFarmTariff = shopOnCom04(s3, 50);
        restaurantOnFarmTariff.customer.name = w.names.fixed(World.COUNTY_NAME + "县石桥山水间农家乐");
        restaurantOnFarmTariff.customer.tariffCode = TariffBook.AGR04;
        restaurantOnFarmTariff.customer.tradeCode = "6200";
        wrongTariffShop = shopOnCom04(s1, 40).customer.no;
        violationShop = shopOnCom04(s2, 30).customer.no;
        handledViolationShop = shopOnCom04(s1, 20).customer.no;
    }

    private String wrongTariffShop;
    private String violationShop;
    private String handledViolationShop;

    private CustomerPlan lowUseHousehold(World.Station st, double base) {
        CustomerPlan plan = population.household(st, 40);
        population.planEnergy(plan, base, Population.Season.HOUSEHOLD);
        return plan;
    }

    private CustomerPlan shopOnCom04(World.Station st, int kva) {
        return population.shop(st, TariffBook.COM04, kva);
    }

    private CustomerPlan openResidential(World.Station st, ApplicationDraft a, String name) {
        CustomerPlan plan =
                population.newCustomer(st, name, "RESIDENTIAL", "0.22", TariffBook.RES22, 8, a.connectedOn());
        plan.customer.tradeCode = "9920";
        plan.customer.readingDay = 2;
        population.planEnergy(plan, 150, Population.Season.HOUSEHOLD);
        new Metering(w).fit(plan, a.connectedOn(), Population.peak(plan));
        a.customer(plan.customer.no);
        return plan;
    }

    CustomerPlan openHighVoltage(World.Station st, ApplicationDraft a, int kva) {
        CustomerPlan plan = population.newCustomer(
                st, a.app.applicantName, "LARGE_INDUSTRIAL", "10", TariffBook.LI10, kva, a.connectedOn());
        plan.customer.tradeCode = "3400";
        plan.customer.basicChargeMode = "CAPACITY";
        plan.preferredChannel = "BANK";
        population.planEnergy(plan, kva * 720 * 0.3, Population.Season.FACTORY);
        new Metering(w).fit(plan, a.connectedOn(), Population.peak(plan));
        plan.pfTarget = new BigDecimal("0.93");
        a.customer(plan.customer.no);
        return plan;
    }

    /** The customer's capacity before the increase; its energy grows with it only when {@code energyFollows}. */
    static void increaseFrom(CustomerPlan plan, ApplicationDraft a, int fromKva, boolean energyFollows) {
        BigDecimal to = plan.customer.contractKva;
        YearMonth from = YearMonth.from(a.connectedOn()).plusMonths(1);
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(fromKva), dec(fromKva)});
        plan.capacity.put(from, new BigDecimal[] {to, to});
        if (energyFollows) {
            Expansion.scaleEnergyBefore(plan, from, fromKva / to.doubleValue());
        }
    }

    void reprice(CustomerPlan plan, Batch.Bill b, String tariffCode) {
        b.tariffCode = tariffCode;
        TariffBook.Tariff t = w.tariffs.valid(tariffCode, b.period);
        HistoryBuilder.price(
                b,
                t,
                t.category(),
                plan.customer.basicChargeMode,
                plan.capacityIn(b.period)[1],
                BigDecimal.ZERO,
                b.energyKwh,
                BigDecimal.ZERO);
        if (b.paidOn != null) {
            b.paidAmount = b.totalAmount;
        }
    }

    Batch.Reading reading(String meterId, YearMonth period) {
        return w.batch.readings.stream()
                .filter(r -> r.meterId.equals(meterId) && r.period.equals(period))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no reading " + meterId + ":" + period));
    }

    Batch.Bill bill(String customerNo, YearMonth period) {
        return w.batch.bills.stream()
                .filter(b -> b.customerNo.equals(customerNo) && b.period.equals(period))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no bill " + customerNo + " " + period));
    }
}
