package org.jicha.facts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.Meter;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;

/**
 * Builds a {@link MeterFact}: the meter with its customer's account, its read types around the audited period, its
 * last actual reading, and its device history (field tests, out-of-tolerance results and their replacement,
 * faults and how long they stayed open, seal changes without a work order).
 */
final class MeterFacts {

    private MeterFacts() {}

    static MeterFact of(Customer c, Meter m, List<Reading> readings, List<MeterEvent> events, AuditContext ctx) {
        MeterFact f = new MeterFact();
        f.meterId = m.meterId();
        f.customerNo = c.customerNo();
        f.stationCode = c.stationCode();
        f.meterKind = m.meterKind();
        f.meteringClass = m.meteringClass();
        f.accuracyClass = m.accuracyClass();
        f.ctRatio = m.ctRatio() == null ? 1.0 : m.ctRatio();
        f.ptRatio = m.ptRatio() == null ? 1.0 : m.ptRatio();
        f.multiplier = m.multiplier();
        f.installedOn = m.installedOn();
        f.lastVerifiedOn = m.lastVerifiedOn();
        f.rotationDueOn = m.rotationDueOn();
        f.sealNo = m.sealNo();
        f.status = m.status();
        f.removedOn = m.removedOn();
        f.customerActive = "ACTIVE".equals(c.status());
        f.customerCategory = c.category();
        f.customerOpenedOn = c.openedOn();
        String audited = ctx.getAuditedPeriod();
        String preceding = Periods.minus(audited, 1);
        for (Reading r : readings) {
            if (r.period().equals(audited)) {
                f.auditedReadType = r.readType();
            } else if (r.period().equals(preceding)) {
                f.precedingReadType = r.readType();
            }
            boolean actual = "ACTUAL".equals(r.readType()) || "REMOTE".equals(r.readType());
            if (actual
                    && !r.readOn().isAfter(ctx.getAsOf())
                    && (f.lastActualReadOn == null || r.readOn().isAfter(f.lastActualReadOn))) {
                f.lastActualReadOn = r.readOn();
            }
            if (m.removedOn() != null
                    && Periods.start(r.period()).isAfter(m.removedOn())
                    && f.firstPeriodReadAfterRemoval == null) {
                f.firstPeriodReadAfterRemoval = r.period();
            }
        }
        for (MeterEvent e : events) {
            if ("FIELD_TEST".equals(e.kind())
                    && (f.lastFieldTestOn == null || e.occurredOn().isAfter(f.lastFieldTestOn))) {
                f.lastFieldTestOn = e.occurredOn();
            }
            if ("SEAL_CHANGE".equals(e.kind())
                    && (e.workOrderNo() == null || e.workOrderNo().isBlank())) {
                f.sealChangesWithoutWorkOrder++;
                String on = e.occurredOn().toString();
                if (f.sealChangeWithoutWorkOrderOn == null || on.compareTo(f.sealChangeWithoutWorkOrderOn) > 0) {
                    f.sealChangeWithoutWorkOrderOn = on;
                }
            }
        }
        deviceHistory(f, c, m, events, ctx);
        return f;
    }

    /** Field tests, out-of-tolerance handling, faults and seal changes of a meter. */
    private static void deviceHistory(MeterFact f, Customer c, Meter m, List<MeterEvent> events, AuditContext ctx) {
        f.customerContractKva = c.contractKva();
        f.customerVoltageKv = c.voltageKv();
        f.accuracyLimitPct = MeterFact.accuracyLimit(m.accuracyClass());
        f.lastTestOn = f.lastFieldTestOn;
        if (m.lastVerifiedOn() != null
                && (f.lastTestOn == null || m.lastVerifiedOn().isAfter(f.lastTestOn))) {
            f.lastTestOn = m.lastVerifiedOn();
        }
        List<MeterEvent> sorted = events.stream()
                .sorted(Comparator.comparing(MeterEvent::occurredOn))
                .toList();
        for (MeterEvent e : sorted) {
            if ("FIELD_TEST".equals(e.kind())) {
                if (!e.occurredOn().isBefore(m.installedOn())) {
                    f.fieldTestSinceInstallation = true;
                }
                if (e.errorPct() != null
                        && f.accuracyLimitPct != null
                        && Math.abs(e.errorPct()) > f.accuracyLimitPct + 1e-9) {
                    LocalDate replaced = sorted.stream()
                            .filter(x -> "REPLACEMENT".equals(x.kind())
                                    && !x.occurredOn().isBefore(e.occurredOn()))
                            .map(MeterEvent::occurredOn)
                            .findFirst()
                            .orElse(null);
                    int wd = ctx.workingDays(e.occurredOn(), replaced == null ? ctx.getAsOf() : replaced);
                    if (wd > f.outOfToleranceUnreplacedWd) {
                        f.outOfToleranceUnreplacedWd = wd;
                        f.outOfToleranceTestNo = e.eventNo();
                        f.outOfToleranceTestOn = e.occurredOn();
                        f.outOfToleranceErrorPct = e.errorPct();
                        f.outOfToleranceReplacedOn = replaced;
                    }
                }
            }
            if ("FAULT".equals(e.kind())) {
                int wd = ctx.workingDays(e.occurredOn(), e.resolvedOn() == null ? ctx.getAsOf() : e.resolvedOn());
                if (wd > f.slowestFaultWd) {
                    f.slowestFaultWd = wd;
                    f.slowestFaultNo = e.eventNo();
                    f.slowestFaultOn = e.occurredOn();
                    f.slowestFaultResolvedOn = e.resolvedOn();
                }
            }
            if ("SEAL_CHANGE".equals(e.kind())
                    && (e.workOrderNo() == null || e.workOrderNo().isBlank())) {
                f.sealChangeWithoutWorkOrderNo = e.eventNo();
            }
        }
    }

    /** Gives every meter fact of a customer the customer's consumption in the audited period. */
    static void shareCustomerPeriodKwh(List<Object> facts) {
        Double kwh = facts.stream()
                .filter(CustomerFact.class::isInstance)
                .map(CustomerFact.class::cast)
                .findFirst()
                .map(CustomerFact::getPeriodKwh)
                .orElse(null);
        facts.stream()
                .filter(MeterFact.class::isInstance)
                .map(MeterFact.class::cast)
                .forEach(m -> m.customerPeriodKwh = kwh);
    }
}
