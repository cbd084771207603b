package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AS_OF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.jicha.tools.generator.Organisation.TeamKind;

/**
 * Fits each customer with a metering installation that DL/T 448 would accept (MET-03): the metering class
 * the customer implies, an accuracy class at least as fine, current/voltage transformers sized for the
 * capacity with multiplier = ct x pt, and field tests (现场检验) within the class's cycle (MET-04).
 */
final class Metering {

    private static final int[] LV_CT_PRIMARIES = {50, 75, 100, 150, 200, 300, 400, 500, 600, 800};
    private static final int[] HV_CT_PRIMARIES = {10, 15, 20, 30, 40, 50, 75, 100, 150, 200, 300, 400};

    private final World w;

    Metering(World w) {
        this.w = w;
    }

    /** Metering class DL/T 448-2000 implies for a capacity and a peak monthly energy. */
    static String impliedClass(Batch.Customer c, double peakMonthlyKwh) {
        double kva = c.contractKva.doubleValue();
        if (kva >= 10000 || peakMonthlyKwh >= 5_000_000) {
            return "I";
        }
        if (kva >= 2000 || peakMonthlyKwh >= 1_000_000) {
            return "II";
        }
        if (kva >= 315 || peakMonthlyKwh >= 100_000) {
            return "III";
        }
        return c.voltageKv.compareTo(new BigDecimal("0.22")) == 0 ? "V" : "IV";
    }

    static String accuracyFor(String meteringClass) {
        return switch (meteringClass) {
            case "I" -> "0.2S";
            case "II", "III" -> "0.5S";
            case "IV" -> "1";
            default -> "2";
        };
    }

    /** Field-test cycle in months (DL/T 448-2000), 0 for classes without one. */
    static int fieldTestCycleMonths(String meteringClass) {
        return switch (meteringClass) {
            case "I" -> 3;
            case "II" -> 6;
            case "III" -> 12;
            default -> 0;
        };
    }

    /** Creates the customer's main meter, installed on {@code installedOn}. */
    CustomerPlan.MeterPlan fit(CustomerPlan plan, LocalDate installedOn, double peakMonthlyKwh) {
        Batch.Customer c = plan.customer;
        Batch.Meter m = new Batch.Meter();
        m.id = "33" + c.no.substring(2) + (plan.meters.size() + 1);
        m.customerNo = c.no;
        double kv = c.voltageKv.doubleValue();
        double kva = c.contractKva.doubleValue();
        if (kv < 0.3) {
            m.kind = "SMART_SINGLE";
        } else {
            m.kind = "SMART_THREE";
            if (kv < 1) {
                double amps = kva * 1000 / (Math.sqrt(3) * 400);
                if (amps > 60) {
                    m.ctRatio = BigDecimal.valueOf(primary(LV_CT_PRIMARIES, amps) / 5);
                }
            } else {
                double amps = kva / (Math.sqrt(3) * kv);
                m.ctRatio = BigDecimal.valueOf(primary(HV_CT_PRIMARIES, amps) / 5);
                m.ptRatio = BigDecimal.valueOf(Math.round(kv * 1000 / 100));
            }
        }
        m.multiplier = one(m.ctRatio).multiply(one(m.ptRatio));
        m.meteringClass = impliedClass(c, peakMonthlyKwh);
        m.accuracyClass = accuracyFor(m.meteringClass);
        m.installedOn = installedOn;
        m.lastVerifiedOn = installedOn.minusDays(w.between(12, 50));
        m.rotationDueOn =
                installedOn.plusYears(8).withDayOfMonth(1).plusMonths(1).minusDays(1);
        m.sealNo = String.format("QCFY%07d", 1000000 + w.next("SEAL") * 7);
        m.status = "IN_SERVICE";
        w.batch.meters.add(m);
        CustomerPlan.MeterPlan mp = new CustomerPlan.MeterPlan(m);
        mp.startValue = BigDecimal.valueOf(w.between(50, 30000) + w.between(0, 99) / 100.0)
                .setScale(2, RoundingMode.HALF_UP);
        if (m.multiplier.compareTo(BigDecimal.valueOf(100)) > 0) {
            mp.startValue = BigDecimal.valueOf(w.between(10, 900) + w.between(0, 99) / 100.0)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        plan.meters.add(mp);
        return mp;
    }

    /** FIELD_TEST events from installation to the as-of date, the last one well inside the cycle. */
    void fieldTests(Batch.Meter m, World.Station station) {
        int cycle = fieldTestCycleMonths(m.meteringClass);
        if (cycle == 0) {
            return;
        }
        int intervalDays = cycle * 30 - 25;
        LocalDate t = m.installedOn.plusDays(w.between(8, 20));
        LocalDate windowStart = LocalDate.of(2024, 6, 1);
        LocalDate last = null;
        while (!t.isAfter(AS_OF.minusDays(6))) {
            LocalDate testDay = w.calendar.onOrNextWorkingDay(t);
            if (!testDay.isBefore(windowStart) && !testDay.isAfter(AS_OF.minusDays(6))) {
                fieldTest(m, testDay, station, withinClass(m.accuracyClass));
                last = testDay;
            }
            t = t.plusDays(intervalDays - w.between(0, 20));
        }
        if (last != null) {
            m.lastVerifiedOn = last;
        }
    }

    Batch.MeterEvent fieldTest(Batch.Meter m, LocalDate on, World.Station station, BigDecimal errorPct) {
        Batch.MeterEvent e = event(m, "FIELD_TEST", on, station);
        e.resolvedOn = on;
        e.errorPct = errorPct;
        return e;
    }

    Batch.MeterEvent event(Batch.Meter m, String kind, LocalDate on, World.Station station) {
        Batch.MeterEvent e = new Batch.MeterEvent();
        String day = on.toString().replace("-", "");
        e.no = "SJ" + day + String.format("%03d", w.next("SJ" + day));
        e.meterId = m.id;
        e.kind = kind;
        e.occurredOn = on;
        e.workOrderNo = "GD" + day + String.format("%04d", w.next("GD" + day));
        e.staffId = station.member(TeamKind.METERING, w.random.nextInt(8));
        w.batch.meterEvents.add(e);
        return e;
    }

    /** A measured error comfortably inside the accuracy class. */
    BigDecimal withinClass(String accuracyClass) {
        double limit = switch (accuracyClass) {
            case "0.2S" -> 0.2;
            case "0.5S" -> 0.5;
            case "1" -> 1.0;
            default -> 2.0;
        };
        double error = (w.random.nextDouble() * 2 - 1) * limit * 0.5;
        return BigDecimal.valueOf(error).setScale(3, RoundingMode.HALF_UP);
    }

    private static int primary(int[] primaries, double amps) {
        for (int p : primaries) {
            if (p >= amps) {
                return p;
            }
        }
        return primaries[primaries.length - 1];
    }

    private static BigDecimal one(BigDecimal v) {
        return v == null ? BigDecimal.ONE : v;
    }

    static List<String> classOrder() {
        return List.of("I", "II", "III", "IV", "V");
    }
}
