package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.dec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jicha.tools.generator.TariffBook;

/**
 * Clean business-expansion and change applications (業擴, 變更), every step within the catalogue's EXP limits,
 * each new connection opening its customer on the day CONNECT finished.
 *
 * <p>Long because it is a catalogue: one small method per kind of business-expansion application in the
 * sample, with its steps and their time limits.
 */
final class Expansion {

    private final World w;
    private final Population population;

    Expansion(World w, Population population) {
        this.w = w;
        this.population = population;
    }

    void build() {
        World.Station s1 = w.stations.get(0);
        World.Station s2 = w.stations.get(1);
        World.Station s3 = w.stations.get(2);
        for (String day : List.of("2025-10-13", "2026-01-12", "2026-04-14", "2026-07-07", "2026-09-08")) {
            residentialConnection(s1, LocalDate.parse(day));
        }
        for (String day : List.of("2025-11-17", "2026-05-18")) {
            residentialConnection(s2, LocalDate.parse(day));
        }
        for (String day : List.of("2026-02-02", "2026-08-10")) {
            residentialConnection(s3, LocalDate.parse(day));
        }
        new ApplicationDraft(w, s1, "RES_NEW", d("2026-11-03"), w.names.person())
                .capacity(8, "0.22")
                .step("ACCEPT", 0)
                .open("SURVEY");
        new ApplicationDraft(w, s2, "RES_NEW", d("2026-11-02"), w.names.person())
                .capacity(8, "0.22")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .open("PLAN_REPLY");

        lowVoltageConnection(s1, d("2025-11-10"), TariffBook.COM04, 50, "COMMERCIAL");
        lowVoltageConnection(s1, d("2026-03-09"), TariffBook.COM04P, 160, "COMMERCIAL");
        lowVoltageConnection(s2, d("2026-06-08"), TariffBook.COM04, 30, "COMMERCIAL");
        lowVoltageConnection(s3, d("2025-12-15"), TariffBook.AGR04, 50, "AGRICULTURAL");
        new ApplicationDraft(w, s2, "LV_NEW", d("2026-10-29"), w.names.shop(World.COUNTY_NAME))
                .capacity(40, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 1)
                .open("COMPLETION_CHECK");
        new ApplicationDraft(w, s1, "LV_NEW", d("2026-08-10"), w.names.shop(World.COUNTY_NAME))
                .capacity(30, "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .cancel();

        lowVoltageIncrease(s1, d("2026-05-11"), 20, 40);
        lowVoltageIncrease(s3, d("2026-09-07"), 20, 40);

        hvConnection(
                s1,
                d("2025-12-08"),
                "LARGE_INDUSTRIAL",
                TariffBook.LI10,
                630,
                "SINGLE",
                false,
                new int[] {2, 6, 5, 2, 2, 1, 2},
                "0.00");
        hvConnection(
                s1,
                d("2026-02-02"),
                "COMMERCIAL",
                TariffBook.COM10D,
                1250,
                "DUAL",
                false,
                new int[] {2, 12, 6, 3, 3, 1, 3},
                "187500.00");
        hvConnection(
                s2,
                d("2026-05-11"),
                "LARGE_INDUSTRIAL",
                TariffBook.LI10,
                800,
                "SINGLE",
                true,
                new int[] {1, 6, 4, 2, 2, 1, 2},
                "0.00");
        new ApplicationDraft(w, s3, "HV_NEW", d("2026-10-12"), w.names.fixed(World.COUNTY_NAME + "县石桥恒达新材料有限公司"))
                .capacity(1000, "10")
                .supply("SINGLE")
                .step("ACCEPT", 0)
                .step("SURVEY", 2)
                .step("PLAN_REPLY", 6)
                .open("DESIGN_REVIEW");

        hvIncrease(s1, d("2026-03-02"), 630, 1000, new int[] {1, 5, 4, 2, 2, 1, 2});
        hvIncrease(s2, d("2025-10-20"), 1000, 1250, new int[] {2, 6, 5, 2, 3, 1, 2});

        temporaryConnection(s1, d("2026-04-13"), 80, LocalDate.of(2027, 4, 30));
        temporaryConnection(s3, d("2026-07-13"), 50, LocalDate.of(2027, 1, 31));

        transfer(s1, d("2026-06-15"));
        transfer(s2, d("2026-08-17"));
        transfer(s3, d("2026-02-09"));

        close(s1, d("2026-03-16"), "RESIDENTIAL");
        close(s2, d("2025-12-08"), "COMMERCIAL");
        close(s3, d("2026-06-08"), "RESIDENTIAL");

        capacityReduce(s2, d("2026-04-13"));
        pauseAndResume(s2, d("2026-01-05"), d("2026-03-02"));
    }

    // ------------------------------------------------------------------ new connections

    CustomerPlan residentialConnection(World.Station st, LocalDate accepted) {
        String applicant = w.names.person();
        ApplicationDraft a = new ApplicationDraft(w, st, "RES_NEW", accepted, applicant)
                .capacity(8, "0.22")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 1)
                .step("CONTRACT", 0)
                .step("CONNECT", 1)
                .archive(1);
        CustomerPlan plan =
                population.newCustomer(st, applicant, "RESIDENTIAL", "0.22", TariffBook.RES22, 8, a.connectedOn());
        plan.customer.tradeCode = "9910";
        plan.customer.readingDay = st.index == 3 ? 2 : 1;
        population.planEnergy(plan, 90 + w.between(0, 160), Population.Season.HOUSEHOLD);
        new Metering(w).fit(plan, a.connectedOn(), Population.peak(plan));
        a.customer(plan.customer.no);
        return plan;
    }

    CustomerPlan lowVoltageConnection(World.Station st, LocalDate accepted, String tariff, int kva, String category) {
        String applicant = "AGRICULTURAL".equals(category)
                ? w.names.fixed(World.COUNTY_NAME + "县" + st.name.substring(0, 2) + w.names.person() + "家庭农场")
                : w.names.shop(World.COUNTY_NAME);
        ApplicationDraft a = new ApplicationDraft(w, st, "LV_NEW", accepted, applicant).capacity(kva, "0.4");
        lowVoltageSteps(a).archive(1);
        return openLowVoltage(st, a, applicant, category, tariff, kva);
    }

    static ApplicationDraft lowVoltageSteps(ApplicationDraft a) {
        return a.step("ACCEPT", 0)
                .step("SURVEY", 1)
                .step("PLAN_REPLY", 2)
                .step("COMPLETION_CHECK", 1)
                .step("CONTRACT", 0)
                .step("CONNECT", 1);
    }

    CustomerPlan openLowVoltage(
            World.Station st, ApplicationDraft a, String name, String category, String tariff, int kva) {
        CustomerPlan plan = population.newCustomer(st, name, category, "0.4", tariff, kva, a.connectedOn());
        plan.customer.tradeCode = "AGRICULTURAL".equals(category) ? "0100" : "5200";
        Population.Season season = "AGRICULTURAL".equals(category) ? Population.Season.FARM : Population.Season.SHOP;
        population.planEnergy(plan, kva * 720 * 0.12 * w.jitter(0.2), season);
        fitWithPf(plan, a.connectedOn(), 0.88);
        a.customer(plan.customer.no);
        return plan;
    }

    CustomerPlan hvConnection(
            World.Station st,
            LocalDate accepted,
            String category,
            String tariff,
            int kva,
            String mode,
            boolean green,
            int[] wd,
            String fee) {
        String applicant = w.names.fixed(World.COUNTY_NAME + "县" + st.name.substring(0, 2)
                + ("COMMERCIAL".equals(category) ? "万和商业综合体" : w.names.person().substring(0, 1) + "氏精密制造有限公司"));
        ApplicationDraft a = new ApplicationDraft(w, st, "HV_NEW", accepted, applicant)
                .capacity(kva, "10")
                .supply(mode)
                .fee(fee, fee);
        if (green) {
            a.green();
        }
        hvSteps(a, wd).archive(1);
        CustomerPlan plan = population.newCustomer(st, applicant, category, "10", tariff, kva, a.connectedOn());
        plan.customer.tradeCode = "COMMERCIAL".equals(category) ? "5200" : "3400";
        plan.customer.basicChargeMode = "CAPACITY";
        plan.preferredChannel = "BANK";
        population.planEnergy(
                plan,
                kva * 720 * 0.3 * w.jitter(0.1),
                "COMMERCIAL".equals(category) ? Population.Season.SHOP : Population.Season.FACTORY);
        fitWithPf(plan, a.connectedOn(), 0.94);
        a.customer(plan.customer.no);
        return plan;
    }

    /** ACCEPT 0 wd, then SURVEY, PLAN_REPLY, DESIGN_REVIEW, MID_CHECK, COMPLETION_CHECK, CONTRACT, CONNECT. */
    static ApplicationDraft hvSteps(ApplicationDraft a, int[] wd) {
        return a.step("ACCEPT", 0)
                .step("SURVEY", wd[0])
                .step("PLAN_REPLY", wd[1])
                .step("DESIGN_REVIEW", wd[2])
                .step("MID_CHECK", wd[3])
                .step("COMPLETION_CHECK", wd[4])
                .step("CONTRACT", wd[5])
                .step("CONNECT", wd[6]);
    }

    CustomerPlan temporaryConnection(World.Station st, LocalDate accepted, int kva, LocalDate until) {
        String applicant =
                w.names.fixed(World.COUNTY_NAME + "县" + st.name.substring(0, 2) + "安置房" + w.between(1, 9) + "期建设项目部");
        String fee = BigDecimal.valueOf(kva * 50L).setScale(2).toPlainString();
        ApplicationDraft a = new ApplicationDraft(w, st, "TEMP_NEW", accepted, applicant)
                .capacity(kva, "0.4")
                .fee(fee, fee);
        lowVoltageSteps(a).archive(1);
        CustomerPlan plan = openLowVoltage(st, a, applicant, "COMMERCIAL", TariffBook.COM04, kva);
        plan.customer.tradeCode = "4700";
        plan.customer.temporaryUntil = until;
        return plan;
    }

    private void fitWithPf(CustomerPlan plan, LocalDate installed, double pf) {
        Metering metering = new Metering(w);
        metering.fit(plan, installed, Population.peak(plan));
        if (plan.needsDemandAndReactive()) {
            plan.pfTarget = BigDecimal.valueOf(pf);
        }
    }

    // ------------------------------------------------------------------ changes of existing customers

    void lowVoltageIncrease(World.Station st, LocalDate accepted, int fromKva, int toKva) {
        CustomerPlan plan = population.shop(st, TariffBook.COM04, toKva);
        ApplicationDraft a = new ApplicationDraft(w, st, "LV_INCREASE", accepted, plan.customer.name)
                .customer(plan.customer.no)
                .capacity(toKva, "0.4");
        lowVoltageSteps(a).archive(1);
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(fromKva), dec(fromKva)});
        plan.capacity.put(YearMonth.from(a.connectedOn()).plusMonths(1), new BigDecimal[] {dec(toKva), dec(toKva)});
    }

    void hvIncrease(World.Station st, LocalDate accepted, int fromKva, int toKva, int[] wd) {
        CustomerPlan plan = population.factory(st, "10", TariffBook.LI10, toKva, "CAPACITY");
        ApplicationDraft a = new ApplicationDraft(w, st, "HV_INCREASE", accepted, plan.customer.name)
                .customer(plan.customer.no)
                .capacity(toKva, "10")
                .supply("SINGLE");
        hvSteps(a, wd).archive(1);
        YearMonth from = YearMonth.from(a.connectedOn()).plusMonths(1);
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(fromKva), dec(fromKva)});
        plan.capacity.put(from, new BigDecimal[] {dec(toKva), dec(toKva)});
        scaleEnergyBefore(plan, from, (double) fromKva / toKva);
    }

    void transfer(World.Station st, LocalDate accepted) {
        CustomerPlan plan = population.shop(st, TariffBook.COM04, w.pick(List.of(20, 30, 40)));
        String newOwner = w.names.shop(World.COUNTY_NAME);
        plan.customer.name = newOwner;
        new ApplicationDraft(w, st, "TRANSFER", accepted, newOwner)
                .customer(plan.customer.no)
                .capacity(plan.customer.contractKva.intValue(), "0.4")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
    }

    void close(World.Station st, LocalDate accepted, String category) {
        CustomerPlan plan = "RESIDENTIAL".equals(category)
                ? population.household(st, 99)
                : population.shop(st, TariffBook.COM04, 30);
        ApplicationDraft a = new ApplicationDraft(w, st, "CLOSE", accepted, plan.customer.name)
                .customer(plan.customer.no)
                .step("ACCEPT", 0)
                .step("SURVEY", 1);
        LocalDate removed = a.lastFinish();
        a.archive(1);
        closeAccount(plan, removed);
    }

    /** The customer is closed and its meter removed on {@code day}; the final reading is taken that day. */
    static void closeAccount(CustomerPlan plan, LocalDate day) {
        plan.customer.status = "CLOSED";
        plan.customer.closedOn = day;
        plan.lastPeriod = YearMonth.from(day);
        plan.lastReadOn = day;
        for (CustomerPlan.MeterPlan mp : plan.meters) {
            mp.meter.status = "REMOVED";
            mp.meter.removedOn = day;
        }
    }

    void capacityReduce(World.Station st, LocalDate accepted) {
        CustomerPlan plan = population.factory(st, "10", TariffBook.LI10, 1250, "CAPACITY");
        ApplicationDraft a = new ApplicationDraft(w, st, "CAPACITY_REDUCE", accepted, plan.customer.name)
                .customer(plan.customer.no)
                .capacity(1250, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        plan.customer.runningKva = dec(800);
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(1250), dec(1250)});
        plan.capacity.put(YearMonth.from(a.lastFinish()).plusMonths(1), new BigDecimal[] {dec(1250), dec(800)});
    }

    void pauseAndResume(World.Station st, LocalDate pauseOn, LocalDate resumeOn) {
        CustomerPlan plan = population.factory(st, "10", TariffBook.LI10, 1000, "CAPACITY");
        new ApplicationDraft(w, st, "PAUSE", pauseOn, plan.customer.name)
                .customer(plan.customer.no)
                .capacity(500, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        new ApplicationDraft(w, st, "RESUME", resumeOn, plan.customer.name)
                .customer(plan.customer.no)
                .capacity(500, "10")
                .step("ACCEPT", 0)
                .step("SURVEY", 1)
                .archive(1);
        plan.capacity.put(World.FIRST_PERIOD, new BigDecimal[] {dec(1000), dec(1000)});
        plan.capacity.put(YearMonth.from(pauseOn), new BigDecimal[] {dec(1000), dec(500)});
        plan.capacity.put(YearMonth.from(resumeOn), new BigDecimal[] {dec(1000), dec(1000)});
        for (YearMonth p = YearMonth.from(pauseOn); p.isBefore(YearMonth.from(resumeOn)); p = p.plusMonths(1)) {
            plan.plannedKwh.put(
                    p, plan.plannedKwh.get(p).multiply(new BigDecimal("0.55")).setScale(0, RoundingMode.HALF_UP));
        }
    }

    static void scaleEnergyBefore(CustomerPlan plan, YearMonth from, double factor) {
        for (var e : plan.plannedKwh.entrySet()) {
            if (e.getKey().isBefore(from)) {
                e.setValue(e.getValue().multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP));
            }
        }
    }

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }
}
