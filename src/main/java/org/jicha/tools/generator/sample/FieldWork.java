package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AS_OF;

import java.time.LocalDate;
import java.util.List;
import org.jicha.tools.generator.Organisation.TeamKind;

/**
 * Inspections (用电检查) within every customer's cycle, field tests of class I-III meters, seal changes and
 * faults resolved in time: the clean routine work of the stations.
 */
final class FieldWork {

    private static final List<String> HAZARDS =
            List.of("配电房防小动物措施缺失", "计量箱门锁损坏", "电缆沟积水", "变压器油位偏低", "接地电阻超标", "开关柜五防闭锁失效", "应急照明损坏");

    private final World w;
    private final Metering metering;

    FieldWork(World w, Metering metering) {
        this.w = w;
        this.metering = metering;
    }

    void build() {
        for (CustomerPlan plan : w.plans.values()) {
            Batch.Customer c = plan.customer;
            World.Station st = station(c.stationCode);
            if (c.inspectionCycleMonths != null && !"CLOSED".equals(c.status)) {
                periodicInspections(plan, st);
            }
            for (CustomerPlan.MeterPlan mp : plan.meters) {
                if ("IN_SERVICE".equals(mp.meter.status)) {
                    metering.fieldTests(mp.meter, st);
                    routineEvents(mp.meter, st);
                }
            }
        }
    }

    private void periodicInspections(CustomerPlan plan, World.Station st) {
        Batch.Customer c = plan.customer;
        int cycleDays = c.inspectionCycleMonths * 30;
        if (plan.important) {
            cycleDays = Math.min(cycleDays, 85);
        }
        LocalDate last = w.calendar.onOrNextWorkingDay(AS_OF.minusDays(w.between(15, cycleDays - 15)));
        if (last.isBefore(c.openedOn.plusDays(3))) {
            last = w.calendar.onOrNextWorkingDay(c.openedOn.plusDays(w.between(5, 15)));
        }
        if (last.isAfter(AS_OF.minusDays(2))) {
            return;
        }
        LocalDate previous = w.calendar.onOrNextWorkingDay(last.minusDays(cycleDays - w.between(10, 40)));
        if (!previous.isBefore(c.openedOn.plusDays(3)) && previous.isAfter(LocalDate.of(2024, 6, 1))) {
            routineInspection(c, st, previous);
        }
        routineInspection(c, st, last);
    }

    Batch.Inspection routineInspection(Batch.Customer c, World.Station st, LocalDate on) {
        Batch.Inspection i = inspection(c, st, on, "PERIODIC", "NORMAL");
        if (w.chance(0.15)) {
            i.result = "HAZARD";
            i.hazardNote = w.pick(HAZARDS);
            i.noticeNo = "YH" + on.getYear() + String.format("%04d", w.next("YH" + on.getYear()));
            i.rectifyDueOn = on.plusDays(30);
            LocalDate rectified = on.plusDays(w.between(5, 28));
            i.rectifiedOn = rectified.isAfter(AS_OF) ? null : rectified;
        }
        return i;
    }

    Batch.Inspection inspection(Batch.Customer c, World.Station st, LocalDate on, String kind, String result) {
        Batch.Inspection i = new Batch.Inspection();
        String day = on.toString().replace("-", "");
        i.no = "JC" + day + String.format("%03d", w.next("JC" + day));
        i.customerNo = c.no;
        i.inspectedOn = on;
        int first = w.random.nextInt(3);
        i.inspectorIds = st.member(TeamKind.INSPECTION, first) + ";" + st.member(TeamKind.INSPECTION, first + 1);
        i.kind = kind;
        i.result = result;
        i.conclusionSigned = true;
        i.photoCount = w.between(1, 6);
        w.batch.inspections.add(i);
        return i;
    }

    /** Now and then a seal change after a visit, or a collection fault fixed within a few working days. */
    private void routineEvents(Batch.Meter m, World.Station st) {
        if (w.chance(0.04)) {
            LocalDate on = w.calendar.onOrNextWorkingDay(LocalDate.of(2026, w.between(1, 9), w.between(1, 28)));
            if (!on.isBefore(m.installedOn)) {
                Batch.MeterEvent e = metering.event(m, "SEAL_CHANGE", on, st);
                e.resolvedOn = on;
            }
        }
        if (w.chance(0.03)) {
            LocalDate on = w.calendar.onOrNextWorkingDay(LocalDate.of(2026, w.between(1, 9), w.between(1, 28)));
            if (!on.isBefore(m.installedOn)) {
                Batch.MeterEvent e = metering.event(m, "FAULT", on, st);
                e.resolvedOn = w.calendar.plusWorkingDays(on, w.between(0, 4));
            }
        }
    }

    World.Station station(String code) {
        return w.stations.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }
}
