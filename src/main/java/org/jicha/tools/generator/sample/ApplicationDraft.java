package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.jicha.tools.generator.Organisation.TeamKind;

/**
 * Builds one application (業擴/變更工單) and its steps on working days. Each step runs for a given number of
 * working days (the catalogue's wd); the next step starts on the next working day, so the time between steps
 * never counts.
 */
final class ApplicationDraft {

    private final World w;
    private final World.Station station;
    final Batch.Application app;
    private LocalDate cursor;
    private LocalDate lastFinish;
    private LocalDate connectedOn;

    ApplicationDraft(World w, World.Station station, String type, LocalDate acceptedOn, String applicant) {
        this.w = w;
        this.station = station;
        if (!w.calendar.isWorkingDay(acceptedOn)) {
            throw new IllegalArgumentException(type + " accepted on a day off: " + acceptedOn);
        }
        app = new Batch.Application();
        String day = acceptedOn.toString().replace("-", "");
        app.no = "YK" + day + String.format("%03d", w.next("YK" + day));
        app.applicantName = applicant;
        app.type = type;
        app.stationCode = station.code;
        app.status = "IN_PROGRESS";
        app.greenChannel = false;
        app.feeCharged = BigDecimal.ZERO.setScale(2);
        app.feeStandard = BigDecimal.ZERO.setScale(2);
        cursor = acceptedOn;
        w.batch.applications.add(app);
    }

    ApplicationDraft customer(String customerNo) {
        app.customerNo = customerNo;
        return this;
    }

    ApplicationDraft capacity(int kva, String kv) {
        app.capacityKva = BigDecimal.valueOf(kva);
        app.voltageKv = new BigDecimal(kv);
        return this;
    }

    ApplicationDraft supply(String mode) {
        app.supplyMode = mode;
        return this;
    }

    ApplicationDraft green() {
        app.greenChannel = true;
        return this;
    }

    ApplicationDraft fee(String charged, String standard) {
        app.feeCharged = new BigDecimal(charged);
        app.feeStandard = new BigDecimal(standard);
        return this;
    }

    /** A step that passes after {@code wd} working days. */
    ApplicationDraft step(String step, int wd) {
        return attempt(step, wd, "PASS");
    }

    /** A step returned after {@code wd} working days; the caller redoes it with another {@link #step}. */
    ApplicationDraft returned(String step, int wd) {
        return attempt(step, wd, "RETURNED");
    }

    /** Extra working days before the next step starts (waiting for the customer, not counted). */
    ApplicationDraft pause(int wd) {
        cursor = w.calendar.plusWorkingDays(cursor, wd);
        return this;
    }

    /** A step still open at the as-of date. */
    ApplicationDraft open(String step) {
        Batch.Step s = newStep(step, cursor);
        s.finishedAt = null;
        s.outcome = null;
        return this;
    }

    ApplicationDraft archive(int wd) {
        attempt("ARCHIVE", wd, "PASS");
        app.status = "ARCHIVED";
        app.archivedAt = last().finishedAt;
        return this;
    }

    ApplicationDraft cancel() {
        app.status = "CANCELLED";
        return this;
    }

    /** The day CONNECT finished (the new account's opened_on). */
    LocalDate connectedOn() {
        if (connectedOn == null) {
            throw new IllegalStateException(app.no + " is not connected");
        }
        return connectedOn;
    }

    LocalDate lastFinish() {
        return lastFinish;
    }

    private ApplicationDraft attempt(String step, int wd, String outcome) {
        Batch.Step s = newStep(step, cursor);
        LocalDate finish = w.calendar.plusWorkingDays(cursor, wd);
        s.finishedAt = LocalDateTime.of(finish, LocalTime.of(w.between(14, 17), w.between(0, 59)));
        s.outcome = outcome;
        lastFinish = finish;
        if ("CONNECT".equals(step) && "PASS".equals(outcome)) {
            connectedOn = finish;
        }
        cursor = w.calendar.plusWorkingDays(finish, 1);
        return this;
    }

    private Batch.Step newStep(String step, LocalDate day) {
        Batch.Step s = new Batch.Step();
        s.appNo = app.no;
        s.step = step;
        s.startedAt = LocalDateTime.of(day, LocalTime.of(w.between(8, 10), w.between(0, 59)));
        s.handlerId = handler(step);
        if ("ACCEPT".equals(step) && app.acceptedAt == null) {
            app.acceptedAt = s.startedAt;
        }
        w.batch.steps.add(s);
        return s;
    }

    private Batch.Step last() {
        return w.batch.steps.get(w.batch.steps.size() - 1);
    }

    private String handler(String step) {
        TeamKind kind = switch (step) {
            case "ACCEPT", "CONTRACT", "ARCHIVE" -> TeamKind.BUSINESS;
            case "CONNECT" -> TeamKind.INSTALLATION;
            case "MID_CHECK", "COMPLETION_CHECK" -> TeamKind.INSPECTION;
            default -> TeamKind.EXPANSION;
        };
        return station.member(kind, w.random.nextInt(6));
    }
}
