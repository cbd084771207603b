package org.jicha.tools.generator.province;

import static org.jicha.tools.generator.province.Draws.between;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.Names;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.province.Profile.Category;

/**
 * New connections of one customer: the application of a customer connected within the window with its steps
 * (EXP-01 .. EXP-09 within their working-day limits unless planted) and, now and then, a household's request
 * accepted in the last days with no account yet.
 */
final class Connections {

    private final WorkingDayCalendar calendar;
    private final BatchFiles out;
    private final LocalDate asOf;

    Connections(Window window, WorkingDayCalendar calendar, BatchFiles out) {
        this.calendar = calendar;
        this.out = out;
        this.asOf = window.asOf;
    }

    /** A new connection's application: the account opens on the day the meter is connected. */
    record Connection(
            String appNo, String type, LocalDateTime acceptedAt, LocalDateTime archivedAt, List<Object[]> steps) {}

    Connection connection(Profile p, SplittableRandom r, Deviation deviation, Station station) {
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
            LocalDateTime start =
                    i == 0 ? acceptedAt : calendar.plusWorkingDays(day, 1).atTime(9, r.nextInt(50));
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
        p.rotationDueOn = CustomerProfiles.rotation(connected);
        return new Connection("YK" + p.customerNo, type, acceptedAt, archivedAt, steps);
    }

    void connectionRows(Profile p, Connection c, Station station) {
        out.applications
                .text(c.appNo())
                .text(p.customerNo)
                .text(p.name)
                .text(c.type())
                .text("HV_NEW".equals(c.type()) ? (p.importantGrade != null ? "DUAL" : "SINGLE") : null) // IMP-07
                .integer(p.contractKva)
                .text(p.voltageKv)
                .yesNo(false)
                .text(station.code())
                .timestamp(c.acceptedAt())
                .text("ARCHIVED")
                .timestamp(c.archivedAt())
                .hundredths(0)
                .hundredths(0)
                .endRow(); // BUS-01
        for (Object[] s : c.steps()) {
            out.steps
                    .text(c.appNo())
                    .text((String) s[0])
                    .timestamp((LocalDateTime) s[1])
                    .timestamp((LocalDateTime) s[2])
                    .text((String) s[3])
                    .text("PASS")
                    .endRow();
        }
    }

    private static String[] step(String name, long wd, TeamKind team) {
        return new String[] {name, Long.toString(wd), team.name()};
    }

    /** A household's connection request accepted in the last days, no account yet: ACCEPT done, SURVEY open. */
    void pendingApplication(Profile p, SplittableRandom r, Station station) {
        String appNo = "YK" + p.customerNo + "P";
        LocalDate accepted = asOf.minusDays(1);
        while (!calendar.isWorkingDay(accepted)) {
            accepted = accepted.minusDays(1);
        }
        LocalDateTime acceptedAt = accepted.atTime(9, r.nextInt(60));
        out.applications
                .text(appNo)
                .empty()
                .text(Names.anyPerson(r))
                .text("RES_NEW")
                .empty()
                .integer(8)
                .text("0.22")
                .yesNo(false)
                .text(station.code())
                .timestamp(acceptedAt)
                .text("IN_PROGRESS")
                .empty()
                .hundredths(0)
                .hundredths(0)
                .endRow();
        out.steps
                .text(appNo)
                .text("ACCEPT")
                .timestamp(acceptedAt)
                .timestamp(acceptedAt.plusHours(2))
                .text(station.member(TeamKind.BUSINESS, 0))
                .text("PASS")
                .endRow();
        out.steps
                .text(appNo)
                .text("SURVEY")
                .timestamp(acceptedAt.plusHours(3))
                .empty()
                .text(station.member(TeamKind.EXPANSION, 0))
                .empty()
                .endRow();
    }
}
