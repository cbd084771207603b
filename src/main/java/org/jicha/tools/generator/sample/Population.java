package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AUDITED;
import static org.jicha.tools.generator.sample.World.FIRST_PERIOD;
import static org.jicha.tools.generator.sample.World.dec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.TariffBook;

/**
 * The clean customer base: mostly residential households, shops, 10 kV and 35 kV factories, irrigation,
 * and the county's important customers; each with a fitting meter and planned seasonal energy.
 */
final class Population {

    /** Seasonal shape of monthly energy (index 0 = January). */
    enum Season {
        HOUSEHOLD(1.30, 1.25, 0.95, 0.80, 0.85, 1.05, 1.45, 1.55, 1.15, 0.88, 0.92, 1.15),
        SHOP(1.10, 0.95, 1.00, 0.95, 1.00, 1.10, 1.30, 1.35, 1.10, 1.00, 0.98, 1.08),
        FACTORY(0.95, 0.80, 1.00, 1.02, 1.03, 1.05, 1.08, 1.08, 1.05, 1.00, 1.02, 1.03),
        FARM(0.60, 0.55, 0.80, 1.00, 1.20, 1.40, 1.60, 1.60, 1.20, 0.85, 0.65, 0.60);

        private final double[] factors;

        Season(double... factors) {
            this.factors = factors;
        }

        double in(YearMonth p) {
            return factors[p.getMonthValue() - 1];
        }
    }

    private static final List<String> SHOP_TRADES = List.of("5200", "6200", "6100", "8000");
    private static final List<String> FACTORY_KINDS =
            List.of("建材有限公司", "食品有限公司", "机械制造有限公司", "纺织有限公司", "包装材料有限公司", "木业有限公司", "石材有限公司");
    private static final List<String> FARM_KINDS = List.of("种植专业合作社", "养殖场", "排灌站", "茶叶专业合作社", "水产养殖场");

    private final World w;
    private final Metering metering;

    Population(World w, Metering metering) {
        this.w = w;
        this.metering = metering;
    }

    void build() {
        for (World.Station st : w.stations) {
            for (int i = 0; i < 92; i++) {
                household(st, i);
            }
            for (int i = 0; i < 9; i++) {
                shop(st, TariffBook.COM04, w.pick(List.of(20, 30, 40, 50, 63, 80)));
            }
            for (int i = 0; i < 2; i++) {
                shop(st, TariffBook.COM04P, w.pick(List.of(100, 125, 160, 200)));
            }
            shop(st, TariffBook.COM10, w.pick(List.of(160, 200, 250)));
            factory(st, "10", TariffBook.LI10, w.pick(List.of(400, 500, 630, 800)), "CAPACITY");
            factory(
                    st,
                    "10",
                    TariffBook.LI10,
                    w.pick(List.of(1000, 1250, 1600)),
                    st.index == 1 ? "DEMAND" : "CAPACITY");
            for (int i = 0; i < 3; i++) {
                farm(st, "0.4", TariffBook.AGR04, w.pick(List.of(20, 30, 50, 80)));
            }
            farm(st, "0.4", TariffBook.AGR04P, w.pick(List.of(100, 125, 160)));
        }
        farm(w.stations.get(2), "10", TariffBook.AGR10, 315);
    }

    // ------------------------------------------------------------------ customer kinds

    CustomerPlan household(World.Station st, int i) {
        boolean mechanical = st.index == 3 && i < 25;
        CustomerPlan plan = newCustomer(
                st,
                w.names.person(),
                "RESIDENTIAL",
                "0.22",
                TariffBook.RES22,
                w.pick(List.of(4, 6, 8, 8, 8, 10)),
                date(2003, 2023));
        plan.customer.tradeCode = st.index == 1 ? "9910" : "9920";
        plan.customer.readingDay = mechanical ? 3 : st.index == 3 ? 2 : 1;
        plan.defaultReadType = mechanical ? "ACTUAL" : "REMOTE";
        plan.preferredChannel = w.pick(List.of("ONLINE", "ONLINE", "ONLINE", "BANK", "BANK", "COUNTER", "PREPAID"));
        double base = 60 + w.random.nextDouble() * w.random.nextDouble() * 280;
        planEnergy(plan, base, Season.HOUSEHOLD);
        CustomerPlan.MeterPlan mp = metering.fit(plan, meterInstallDate(plan.customer.openedOn), peak(plan));
        if (mechanical) {
            mp.meter.kind = "SINGLE_PHASE";
            LocalDate installed = date(2017, 2019);
            mp.meter.installedOn = installed.isAfter(plan.customer.openedOn) ? installed : plan.customer.openedOn;
            mp.meter.lastVerifiedOn = mp.meter.installedOn.minusDays(30);
            mp.meter.rotationDueOn = mp.meter.installedOn.plusYears(10);
            mp.digits = 5;
            mp.startValue = BigDecimal.valueOf(w.between(2000, 60000)).setScale(2);
        }
        return plan;
    }

    CustomerPlan shop(World.Station st, String tariff, int kva) {
        String kv = TariffBook.COM10.equals(tariff) ? "10" : "0.4";
        CustomerPlan plan =
                newCustomer(st, w.names.shop(World.COUNTY_NAME), "COMMERCIAL", kv, tariff, kva, date(2006, 2023));
        plan.customer.tradeCode = w.pick(SHOP_TRADES);
        plan.preferredChannel = w.pick(List.of("BANK", "ONLINE", "COUNTER"));
        planEnergy(plan, kva * 720 * (kva >= 100 ? 0.15 : 0.12) * w.jitter(0.2), Season.SHOP);
        fitAndPf(plan, 0.86, 0.93);
        return plan;
    }

    CustomerPlan factory(World.Station st, String kv, String tariff, int kva, String mode) {
        String name = World.COUNTY_NAME + "县" + st.name.substring(0, 2)
                + w.names.person().substring(0, 1) + "氏" + w.pick(FACTORY_KINDS);
        return industrial(st, w.names.fixed(name), kv, tariff, kva, mode, date(2005, 2021), 0.35);
    }

    CustomerPlan industrial(
            World.Station st,
            String name,
            String kv,
            String tariff,
            int kva,
            String mode,
            LocalDate opened,
            double utilisation) {
        CustomerPlan plan = newCustomer(st, name, "LARGE_INDUSTRIAL", kv, tariff, kva, opened);
        plan.customer.tradeCode = w.pick(List.of("3000", "1300", "3400", "1700", "2000"));
        plan.customer.basicChargeMode = mode;
        if ("DEMAND".equals(mode)) {
            plan.customer.demandKw = dec(Math.round(kva * 0.8));
        }
        plan.preferredChannel = "BANK";
        planEnergy(plan, kva * 720 * utilisation * w.jitter(0.1), Season.FACTORY);
        fitAndPf(plan, 0.92, 0.96);
        return plan;
    }

    CustomerPlan farm(World.Station st, String kv, String tariff, int kva) {
        String name = World.COUNTY_NAME + "县" + st.name.substring(0, 2) + w.names.person() + w.pick(FARM_KINDS);
        CustomerPlan plan = newCustomer(st, w.names.fixed(name), "AGRICULTURAL", kv, tariff, kva, date(2008, 2022));
        plan.customer.tradeCode = "0100";
        plan.preferredChannel = w.pick(List.of("BANK", "COUNTER", "ONLINE"));
        planEnergy(plan, kva * 720 * 0.09 * w.jitter(0.2), Season.FARM);
        fitAndPf(plan, 0.81, 0.88);
        return plan;
    }

    /** A commercial customer on a named tariff (hospital, water works, ...). */
    CustomerPlan institution(
            World.Station st,
            String name,
            String kv,
            String tariff,
            int kva,
            String mode,
            LocalDate opened,
            String trade) {
        CustomerPlan plan = newCustomer(st, w.names.fixed(name), "COMMERCIAL", kv, tariff, kva, opened);
        plan.customer.tradeCode = trade;
        plan.customer.basicChargeMode = mode;
        plan.preferredChannel = "BANK";
        planEnergy(plan, kva * 720 * 0.22 * w.jitter(0.1), Season.SHOP);
        fitAndPf(plan, 0.90, 0.95);
        return plan;
    }

    Batch.ImportantCustomer important(
            CustomerPlan plan, String grade, int sources, boolean generator, LocalDate planOn, LocalDate reportedOn) {
        Batch.ImportantCustomer ic = new Batch.ImportantCustomer();
        ic.customerNo = plan.customer.no;
        ic.grade = grade;
        ic.supplySources = sources;
        ic.selfGenerator = generator;
        ic.guaranteePlanOn = planOn;
        ic.reportedToAuthorityOn = reportedOn;
        w.batch.importantCustomers.add(ic);
        plan.important = true;
        return ic;
    }

    // ------------------------------------------------------------------ building blocks

    CustomerPlan newCustomer(
            World.Station st, String name, String category, String kv, String tariff, int kva, LocalDate opened) {
        Batch.Customer c = new Batch.Customer();
        c.no = st.nextCustomerNo();
        c.name = name;
        c.category = category;
        c.voltageKv = dec(kv);
        c.tariffCode = tariff;
        c.contractKva = dec(kva);
        c.status = "ACTIVE";
        c.stationCode = st.code;
        c.readingDay = 1;
        c.readerId = st.member(TeamKind.READING, st.nextCustomerSeq);
        c.openedOn = opened;
        if (!"RESIDENTIAL".equals(category)) {
            double v = c.voltageKv.doubleValue();
            c.inspectionCycleMonths = v >= 35 ? 6 : v >= 10 ? 12 : 24;
        }
        w.batch.customers.add(c);
        CustomerPlan plan = new CustomerPlan(c);
        YearMonth openedPeriod = YearMonth.from(opened);
        plan.firstPeriod = openedPeriod.isBefore(FIRST_PERIOD) ? FIRST_PERIOD : openedPeriod.plusMonths(1);
        plan.lastPeriod = AUDITED;
        w.plans.put(c.no, plan);
        return plan;
    }

    void planEnergy(CustomerPlan plan, double base, Season season) {
        plan.plannedKwh.clear();
        for (YearMonth p = FIRST_PERIOD; !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            double kwh = base * season.in(p) * w.jitter(0.06);
            plan.plannedKwh.put(p, BigDecimal.valueOf(kwh).setScale(0, RoundingMode.HALF_UP));
        }
    }

    private void fitAndPf(CustomerPlan plan, double pfLow, double pfHigh) {
        metering.fit(plan, meterInstallDate(plan.customer.openedOn), peak(plan));
        if (plan.needsDemandAndReactive()) {
            int low = (int) Math.round(pfLow * 100);
            int high = (int) Math.round(pfHigh * 100);
            int base = w.between(low, high);
            plan.pfTarget = BigDecimal.valueOf(base, 2);
            for (YearMonth p : World.periods()) {
                int pf = Math.min(99, base + w.between(-1, 1));
                plan.pfTargets.put(p, BigDecimal.valueOf(pf, 2));
            }
        }
    }

    static double peak(CustomerPlan plan) {
        return plan.plannedKwh.values().stream()
                        .mapToDouble(BigDecimal::doubleValue)
                        .max()
                        .orElse(0)
                * 1.1;
    }

    LocalDate meterInstallDate(LocalDate opened) {
        LocalDate rotated = date(2019, 2024);
        return rotated.isAfter(opened) ? rotated : opened;
    }

    LocalDate date(int fromYear, int toYear) {
        return LocalDate.of(w.between(fromYear, toYear), w.between(1, 12), w.between(1, 28));
    }
}
