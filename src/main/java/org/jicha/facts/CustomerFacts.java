package org.jicha.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jicha.facts.StoredRecords.Application;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Inspection;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;
import org.jicha.facts.StoredRecords.Tariff;

/**
 * Builds a customer's {@link CustomerFact}: its account and important-customer grade, its consumption history
 * (per period, the 12 before the audited one, the same month last year, the zero streak), its unpaid bills and
 * the records dated after it closed, its contract tariff, maximum demand per period, meter replacements and pauses.
 */
final class CustomerFacts {

    private final TariffCatalogue tariffs;

    CustomerFacts(TariffCatalogue tariffs) {
        this.tariffs = tariffs;
    }

    CustomerFact of(CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        CustomerFact f = new CustomerFact();
        f.customerNo = c.customerNo();
        f.customerName = c.customerName();
        f.category = c.category();
        f.voltageKv = c.voltageKv();
        f.tariffCode = c.tariffCode();
        f.contractKva = c.contractKva();
        f.runningKvaRecorded = c.runningKva();
        f.status = c.status();
        f.stationCode = c.stationCode();
        f.readingDay = c.readingDay();
        f.readerId = c.readerId();
        f.openedOn = c.openedOn();
        f.closedOn = c.closedOn();
        f.tradeCode = c.tradeCode();
        f.temporaryUntil = c.temporaryUntil();
        f.inspectionCycleMonths = c.inspectionCycleMonths();
        f.basicChargeMode = c.basicChargeMode();
        f.demandKw = c.demandKw();
        f.fixedRatioPct = c.fixedRatioPct();
        f.fixedDeductionKwh = c.fixedDeductionKwh();
        f.fixedApprovedOn = c.fixedApprovedOn();
        if (bundle.important() != null) {
            f.importantGrade = bundle.important().grade();
            f.supplySources = bundle.important().supplySources();
            f.selfGenerator = Boolean.TRUE.equals(bundle.important().selfGenerator());
            f.guaranteePlanOn = bundle.important().guaranteePlanOn();
            f.reportedToAuthorityOn = bundle.important().reportedToAuthorityOn();
        }
        String audited = ctx.getAuditedPeriod();
        f.auditedPeriod = audited;
        TreeMap<String, Double> byPeriod = new TreeMap<>();
        for (Reading r : bundle.readings()) {
            // A MISSED reading (未抄) carries no measured value: like a period without reading, it has no value.
            if (r.period().compareTo(audited) <= 0 && !"MISSED".equals(r.readType())) {
                byPeriod.merge(r.period(), r.consumptionKwh(), Double::sum);
            }
        }
        f.consumptionByPeriod = byPeriod;
        f.periodKwh = byPeriod.get(audited);
        double sum = 0;
        int months = 0;
        for (int back = 1; back <= 12; back++) {
            Double v = byPeriod.get(Periods.minus(audited, back));
            if (v != null) {
                sum += v;
                months++;
            }
        }
        f.historyMonths = months;
        f.historyAverageKwh = months == 0 ? null : sum / months;
        f.sameMonthLastYearKwh = byPeriod.get(Periods.minus(audited, 12));
        int streak = 0;
        String from = null;
        for (String p = audited; ; p = Periods.minus(p, 1)) {
            Double v = byPeriod.get(p);
            if (v == null || v != 0.0) {
                break;
            }
            streak++;
            from = p;
        }
        f.zeroStreak = streak;
        f.zeroStreakFrom = from;
        f.lastInspectionOn = bundle.inspections().stream()
                .map(Inspection::inspectedOn)
                .max(LocalDate::compareTo)
                .orElse(null);
        f.inServiceMeters = (int) bundle.meters().stream()
                .filter(m -> "IN_SERVICE".equals(m.status()))
                .count();
        f.meterCount = bundle.meters().size();
        f.applications = bundle.applications().stream()
                .map(a -> new CustomerFact.ApplicationBrief(
                        a.appNo(),
                        a.appType(),
                        a.status(),
                        a.acceptedAt().toLocalDate(),
                        a.archivedAt() == null ? null : a.archivedAt().toLocalDate()))
                .toList();
        unpaidBillsAndRecordsAfterClosing(f, bundle, ctx);
        contractTariffDemandAndPauses(f, bundle, ctx);
        return f;
    }

    /** The bills unpaid at the as-of date (the oldest named), and the bills and readings of periods after closed_on. */
    private static void unpaidBillsAndRecordsAfterClosing(CustomerFact f, CustomerBundle bundle, AuditContext ctx) {
        for (Bill b : bundle.bills()) {
            boolean paid = b.paidOn() != null
                    && !b.paidOn().isAfter(ctx.getAsOf())
                    && (b.paidAmount() == null || cents(b.paidAmount()) >= cents(b.totalAmount()));
            if (paid) {
                continue;
            }
            f.unpaidBills++;
            if (f.oldestUnpaidDueOn == null || b.dueOn().isBefore(f.oldestUnpaidDueOn)) {
                f.oldestUnpaidDueOn = b.dueOn();
                f.oldestUnpaidBillNo = b.billNo();
                f.oldestUnpaidPeriod = b.period();
                boolean partlyPaid = b.paidOn() != null && !b.paidOn().isAfter(ctx.getAsOf()) && b.paidAmount() != null;
                f.oldestUnpaidOutstanding = partlyPaid ? b.totalAmount() - b.paidAmount() : b.totalAmount();
            }
        }
        LocalDate closedOn = bundle.customer().closedOn();
        if (closedOn == null) {
            return;
        }
        String audited = ctx.getAuditedPeriod();
        TreeMap<String, List<String>> after = new TreeMap<>();
        for (Bill b : bundle.bills()) {
            if (b.period().compareTo(audited) <= 0 && Periods.start(b.period()).isAfter(closedOn)) {
                after.computeIfAbsent(b.period(), k -> new ArrayList<>())
                        .add("账单 " + b.billNo() + "（" + b.period() + "）");
            }
        }
        for (Reading r : bundle.readings()) {
            if (r.period().compareTo(audited) <= 0 && Periods.start(r.period()).isAfter(closedOn)) {
                after.computeIfAbsent(r.period(), k -> new ArrayList<>()).add("抄表 " + r.meterId() + ":" + r.period());
            }
        }
        if (!after.isEmpty()) {
            f.firstPeriodAfterClosing = after.firstKey();
            f.recordsAfterClosing = String.join(
                    "、", after.values().stream().flatMap(List::stream).toList());
        }
    }

    private static long cents(double yuan) {
        return Math.round(yuan * 100);
    }

    /** The contract tariff's kind (two-part or not), maximum demand per period, meter replacements and pauses. */
    private void contractTariffDemandAndPauses(CustomerFact f, CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        Tariff contracted = tariffs.validOn(c.tariffCode(), ctx.getAsOf())
                .orElseGet(() -> tariffs.validIn(c.tariffCode(), ctx.getAuditedPeriod()));
        if (contracted != null) {
            f.contractTariffFound = true;
            f.contractTariffTwoPart = positive(contracted.basicPriceKva()) || positive(contracted.basicPriceKw());
        }
        TreeMap<String, Double> demand = new TreeMap<>();
        for (Reading r : bundle.readings()) {
            if (r.maxDemandKw() != null
                    && !"MISSED".equals(r.readType())
                    && r.period().compareTo(ctx.getAuditedPeriod()) <= 0) {
                demand.merge(r.period(), r.maxDemandKw(), Double::sum);
            }
        }
        f.maxDemandByPeriod = demand;
        f.meterReplacementDates = bundle.meterEvents().stream()
                .filter(e -> "REPLACEMENT".equals(e.kind()))
                .map(MeterEvent::occurredOn)
                .sorted()
                .toList();
        pauses(f, bundle.applications(), ctx);
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }

    /**
     * Pauses: from an ARCHIVED PAUSE application's archived date to the accepted date of the next RESUME
     * (not CANCELLED) accepted on or after it, or to the as-of date while none; each day counted once per year.
     */
    private static void pauses(CustomerFact f, List<Application> applications, AuditContext ctx) {
        Set<LocalDate> pausedDays = new TreeSet<>();
        for (Application pause : applications) {
            if (!"PAUSE".equals(pause.appType()) || !"ARCHIVED".equals(pause.status()) || pause.archivedAt() == null) {
                continue;
            }
            LocalDate from = pause.archivedAt().toLocalDate();
            LocalDate resumedOn = ApplicationFacts.nextResumeAcceptedOn(applications, from);
            LocalDate to = resumedOn != null ? resumedOn : ctx.getAsOf();
            if (resumedOn != null) {
                int days = (int) ChronoUnit.DAYS.between(from, resumedOn);
                if (f.shortestEndedPauseDays == null || days < f.shortestEndedPauseDays) {
                    f.shortestEndedPauseDays = days;
                    f.shortestEndedPauseFrom = from;
                    f.shortestEndedPauseTo = resumedOn;
                }
            }
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
                pausedDays.add(d);
            }
        }
        Map<Integer, Integer> byYear = new TreeMap<>();
        for (LocalDate d : pausedDays) {
            byYear.merge(d.getYear(), 1, Integer::sum);
        }
        for (Map.Entry<Integer, Integer> e : byYear.entrySet()) {
            if (e.getValue() > f.mostPauseDaysInAYear) {
                f.mostPauseDaysInAYear = e.getValue();
                f.mostPauseDaysYear = e.getKey();
            }
        }
    }
}
