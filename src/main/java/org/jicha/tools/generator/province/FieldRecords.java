package org.jicha.tools.generator.province;

import static org.jicha.tools.generator.province.Draws.between;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.CsvFile;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.province.Profile.Category;

/**
 * The field work of one customer: periodic inspections within their cycles (INS-01, IMP-03), hazards rectified
 * in time (INS-06, IMP-04), field tests within each metering class's interval and error (MET-04, MET-05), faults
 * and seal changes (MET-07, MET-10).
 */
final class FieldRecords {

    private static final String[] HAZARDS = {"配电房未设挡鼠板", "电缆沟积水", "接地电阻超标", "无功补偿装置故障", "安全工器具未定期试验"};

    private final WorkingDayCalendar calendar;
    private final BatchFiles out;
    private final LocalDate windowStart;
    private final LocalDate asOf;

    FieldRecords(Window window, WorkingDayCalendar calendar, BatchFiles out) {
        this.calendar = calendar;
        this.out = out;
        this.windowStart = window.windowStart;
        this.asOf = window.asOf;
    }

    void inspections(Profile p, SplittableRandom r, Deviation deviation, Station station) {
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
        for (LocalDate d = last;
                !d.isBefore(p.openedOn) && !d.isBefore(earliest);
                d = d.minusDays(cycleDays - between(r, 0, 20))) {
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
        String inspectors =
                station.member(TeamKind.INSPECTION, first) + ";" + station.member(TeamKind.INSPECTION, first + 1);
        CsvFile f = out.inspections
                .text("JC" + p.customerNo + (seq < 10 ? "0" : "") + seq)
                .text(p.customerNo)
                .date(on)
                .text(inspectors)
                .text(kind)
                .text(result);
        switch (result) {
            case "HAZARD" -> {
                // INS-06, IMP-04: rectified by the due date, or the due date not yet reached
                LocalDate dueOn = on.plusDays(30);
                LocalDate rectified = on.plusDays(between(r, 3, 25));
                f.text(HAZARDS[r.nextInt(HAZARDS.length)])
                        .empty()
                        .date(dueOn)
                        .date(rectified.isAfter(asOf) ? null : rectified);
            }
            case "VIOLATION" ->
                f.text("私自增加用电容量").text("TZ" + p.customerNo + seq).empty().empty(); // INS-08
            default -> f.empty().empty().empty().empty();
        }
        f.yesNo(true)
                .integer("NORMAL".equals(result) ? between(r, 0, 4) : between(r, 1, 6))
                .endRow(); // INS-07
    }

    void meterEvents(Profile p, SplittableRandom r, Deviation deviation, Station station) {
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
            for (LocalDate d = p.installedOn.plusDays(between(r, 5, 25));
                    d.isBefore(asOf);
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
                event(
                        p,
                        station,
                        ++seq,
                        "FAULT",
                        on,
                        calendar.plusWorkingDays(on, (int) between(r, 1, 3)),
                        Long.MIN_VALUE,
                        true);
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

    private void event(
            Profile p,
            Station station,
            int seq,
            String kind,
            LocalDate on,
            LocalDate resolved,
            long errorMilli,
            boolean workOrder) {
        String no = "SJ" + p.meterId + (seq < 10 ? "0" : "") + seq;
        CsvFile f = out.meterEvents.text(no).text(p.meterId).text(kind).date(on).date(resolved);
        if (errorMilli == Long.MIN_VALUE) {
            f.empty();
        } else {
            f.thousandths(errorMilli);
        }
        f.text(workOrder ? "GD" + p.meterId + seq : null)
                .text(station.member(TeamKind.METERING, seq))
                .endRow();
    }
}
