package org.jicha.tools.generator.province;

import static org.jicha.tools.generator.province.Draws.between;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.CsvFile;
import org.jicha.tools.generator.Organisation;
import org.jicha.tools.generator.Organisation.Station;
import org.jicha.tools.generator.TariffBook;

/**
 * Writes everything of one customer: has {@link CustomerProfiles} draw its profile, writes the customer,
 * important-customer and meter rows and what was planted, and has {@link BillingHistory} write the readings and
 * bills, {@link Connections} the applications and {@link FieldRecords} the inspections and meter events.
 * Each customer draws from its own random source ({@link Seeds#forCustomer}), so the bytes depend only on the
 * seed and the customer's index. Clean rows keep every rule of the shipped set quiet by construction (the
 * comments name the rule each choice respects); planted deviations break exactly one.
 */
final class CustomerRecords {

    private final GeneratorOptions options;
    private final Organisation organisation;
    private final BatchFiles out;
    private final LocalDate asOf;
    private final int months;
    private final CustomerProfiles profiles;
    private final BillingHistory billing;
    private final Connections connections;
    private final FieldRecords fieldWork;

    CustomerRecords(GeneratorOptions options, Organisation organisation, WorkingDayCalendar calendar, BatchFiles out) {
        this.options = options;
        this.organisation = organisation;
        this.out = out;
        Window window = new Window(options);
        this.asOf = window.asOf;
        this.months = window.months;
        this.profiles = new CustomerProfiles(window);
        this.billing = new BillingHistory(window, out);
        this.connections = new Connections(window, calendar, out);
        this.fieldWork = new FieldRecords(window, calendar, out);
    }

    static String customerNo(long index) {
        return Long.toString(300_000_000_000L + index + 1);
    }

    void write(long index) {
        SplittableRandom r = Seeds.forCustomer(options.seed(), index);
        Deviation deviation = Deviation.of(index, options.seed(), options.deviationRate(), months);
        Station station = organisation.stationOf(index);
        Profile p = profiles.draw(index, r, deviation, station);
        Connections.Connection connection = p.newConnection ? connections.connection(p, r, deviation, station) : null;
        customerRow(out.customers, p, station, p.name, p.tariffCode);
        if (NextNight.changes(index)) {
            boolean movesTariff = NextNight.movesTariff(index, p.tariffCode);
            customerRow(
                    out.nextNightCustomers,
                    p,
                    station,
                    movesTariff ? p.name : p.name + NextNight.RENAMED,
                    movesTariff ? TariffBook.COM04 : p.tariffCode);
        }
        if (p.importantGrade != null) {
            importantRow(p, r);
        }
        meterRow(p, r, deviation);
        BillingHistory.History h = billing.history(p, r, deviation, station);
        if (connection != null) {
            connections.connectionRows(p, connection, station);
        }
        fieldWork.inspections(p, r, deviation, station);
        fieldWork.meterEvents(p, r, deviation, station);
        if (index % 997 == 500 && months >= 2) {
            connections.pendingApplication(p, r, station);
        }
        plant(p, deviation, h);
    }

    // ---- rows ----

    private static void customerRow(CsvFile f, Profile p, Station station, String name, String tariffCode) {
        f.text(p.customerNo)
                .text(name)
                .text(p.category.name())
                .text(p.voltageKv)
                .text(tariffCode)
                .integer(p.contractKva)
                .empty()
                .text("ACTIVE")
                .text(station.code())
                .integer(p.readingDay)
                .text(p.readerId)
                .date(p.openedOn)
                .empty()
                .text(p.tradeCode)
                .empty()
                .empty()
                .text(p.basicChargeMode);
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
        out.importantCustomers
                .text(p.customerNo)
                .text(p.importantGrade)
                .integer(sources)
                .yesNo(true)
                .date(asOf.minusDays(between(r, 10, 300)))
                .date(asOf.minusDays(between(r, 10, 330)))
                .endRow();
    }

    private void meterRow(Profile p, SplittableRandom r, Deviation deviation) {
        LocalDate rotationDue = p.rotationDueOn;
        if (deviation == Deviation.MET_06) {
            rotationDue = asOf.minusDays(between(r, 1, 120));
        }
        CsvFile m = out.meters
                .text(p.meterId)
                .text(p.customerNo)
                .text(p.meterKind)
                .text(p.meteringClass)
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
        m.integer(p.recordedMultiplier)
                .date(p.installedOn)
                .date(p.installedOn.minusDays(between(r, 5, 40)))
                .date(rotationDue)
                .text("FY" + p.meterId)
                .text("IN_SERVICE")
                .empty()
                .endRow();
    }

    // ---- what was planted ----

    private void plant(Profile p, Deviation deviation, BillingHistory.History h) {
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
        if (deviation == Deviation.BIL_01
                && (h.lastActualReadOn() == null || h.lastActualReadOn().isBefore(asOf.minusDays(60)))) {
            // with a late as-of date, the last actual reading (a month before) is also older than BIL-02's 60 days
            planted("BIL-02", "METER", p.meterId);
        }
    }

    private void planted(String rule, String subjectType, String subjectId) {
        out.planted.text(rule).text(subjectType).text(subjectId).endRow();
    }
}
