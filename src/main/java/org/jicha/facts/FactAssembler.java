package org.jicha.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jicha.facts.StoredRecords.Application;
import org.jicha.facts.StoredRecords.ApplicationStep;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Inspection;
import org.jicha.facts.StoredRecords.Meter;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;
import org.jicha.facts.StoredRecords.Tariff;

/**
 * Turns one customer's stored records into the facts the rules see, computing the derived history once,
 * before rules run. Stateless apart from the tariff catalogue; thread-safe.
 */
public final class FactAssembler {

    /** Periods of history the rules may look at: 12 before the audited one, and the same month last year. */
    public static final int HISTORY_PERIODS = 13;

    private static final List<String> WHOLE_PROCESS_STEPS = List.of(
            "ACCEPT", "SURVEY", "PLAN_REPLY", "DESIGN_REVIEW", "MID_CHECK", "COMPLETION_CHECK", "CONTRACT", "CONNECT");

    private final Map<String, List<Tariff>> tariffsByCode;
    /** tariff code -> period -> the version valid in it (empty: none); the same few answers for every bill. */
    private final Map<String, Map<String, Optional<Tariff>>> validIn = new ConcurrentHashMap<>();

    public FactAssembler(List<Tariff> tariffs) {
        Map<String, List<Tariff>> byCode = new HashMap<>();
        for (Tariff t : tariffs) {
            byCode.computeIfAbsent(t.tariffCode(), k -> new ArrayList<>()).add(t);
        }
        this.tariffsByCode = byCode;
    }

    /** The earliest period whose readings and bills the assembler needs for an audited period. */
    public static String firstHistoryPeriod(AuditContext ctx) {
        return ctx.auditedMonth().minusMonths(HISTORY_PERIODS).toString();
    }

    /** The facts of one bundle: the customer, its meters, audited readings, bills, applications, inspections. */
    public List<Object> assemble(CustomerBundle bundle, AuditContext ctx) {
        List<Object> facts = new ArrayList<>();
        Customer customer = bundle.customer();
        Map<String, List<Reading>> readingsByMeter = new HashMap<>();
        for (Reading r : bundle.readings()) {
            readingsByMeter.computeIfAbsent(r.meterId(), k -> new ArrayList<>()).add(r);
        }
        readingsByMeter.values().forEach(list -> list.sort(Comparator.comparing(Reading::period)));
        Map<String, List<MeterEvent>> eventsByMeter = new HashMap<>();
        for (MeterEvent e : bundle.meterEvents()) {
            eventsByMeter.computeIfAbsent(e.meterId(), k -> new ArrayList<>()).add(e);
        }
        String firstBillPeriod = bundle.bills().stream().map(Bill::period).min(String::compareTo).orElse(null);

        if (customer != null) {
            facts.add(customerFact(bundle, ctx));
            for (Meter m : bundle.meters()) {
                List<Reading> readings = readingsByMeter.getOrDefault(m.meterId(), List.of());
                List<MeterEvent> events = eventsByMeter.getOrDefault(m.meterId(), List.of());
                facts.add(meterFact(customer, m, readings, events, ctx));
                for (int i = 0; i < readings.size(); i++) {
                    Reading r = readings.get(i);
                    if (r.period().equals(ctx.getAuditedPeriod())) {
                        Reading preceding = i > 0 ? readings.get(i - 1) : null;
                        facts.add(readingFact(customer, m, r, preceding, readings, events));
                    }
                }
            }
            for (Bill b : bundle.bills()) {
                facts.add(billFact(customer, b, ctx));
            }
            addPricingAndLateFeeTerms(facts, bundle, ctx);
            addPowerFactorTerms(facts, bundle);
            for (Inspection i : bundle.inspections()) {
                facts.add(inspectionFact(customer, bundle.important() != null, i));
            }
            shareCustomerPeriodKwh(facts);
        }
        for (Application a : bundle.applications()) {
            facts.add(applicationFact(a, bundle, firstBillPeriod, ctx));
        }
        return facts;
    }

    CustomerFact customerFact(CustomerBundle bundle, AuditContext ctx) {
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
        f.lastInspectionOn = bundle.inspections().stream().map(Inspection::inspectedOn)
                .max(LocalDate::compareTo).orElse(null);
        f.inServiceMeters = (int) bundle.meters().stream().filter(m -> "IN_SERVICE".equals(m.status())).count();
        f.meterCount = bundle.meters().size();
        f.applications = bundle.applications().stream()
                .map(a -> new CustomerFact.ApplicationBrief(a.appNo(), a.appType(), a.status(),
                        a.acceptedAt().toLocalDate(), a.archivedAt() == null ? null : a.archivedAt().toLocalDate()))
                .toList();
        collectionAndClosing(f, bundle, ctx);
        addBusInsCustomerDerived(f, bundle, ctx);
        return f;
    }

    MeterFact meterFact(Customer c, Meter m, List<Reading> readings, List<MeterEvent> events, AuditContext ctx) {
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
            if (actual && !r.readOn().isAfter(ctx.getAsOf())
                    && (f.lastActualReadOn == null || r.readOn().isAfter(f.lastActualReadOn))) {
                f.lastActualReadOn = r.readOn();
            }
            if (m.removedOn() != null && Periods.start(r.period()).isAfter(m.removedOn())
                    && f.firstPeriodReadAfterRemoval == null) {
                f.firstPeriodReadAfterRemoval = r.period();
            }
        }
        for (MeterEvent e : events) {
            if ("FIELD_TEST".equals(e.kind()) && (f.lastFieldTestOn == null || e.occurredOn().isAfter(f.lastFieldTestOn))) {
                f.lastFieldTestOn = e.occurredOn();
            }
            if ("SEAL_CHANGE".equals(e.kind()) && (e.workOrderNo() == null || e.workOrderNo().isBlank())) {
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

    ReadingFact readingFact(Customer c, Meter m, Reading r, Reading preceding, List<Reading> meterReadings,
                            List<MeterEvent> events) {
        ReadingFact f = new ReadingFact();
        f.meterId = r.meterId();
        f.customerNo = c.customerNo();
        f.stationCode = c.stationCode();
        f.period = r.period();
        f.readOn = r.readOn();
        f.previousValue = r.previousValue();
        f.currentValue = r.currentValue();
        f.multiplier = r.multiplier();
        f.consumptionKwh = r.consumptionKwh();
        f.readType = r.readType();
        f.readerId = r.readerId();
        f.maxDemandKw = r.maxDemandKw();
        f.reactiveKvarh = r.reactiveKvarh();
        f.meterMultiplier = m.multiplier();
        LocalDate start = Periods.start(r.period());
        LocalDate end = Periods.end(r.period());
        f.replacementInPeriod = events.stream().anyMatch(e -> "REPLACEMENT".equals(e.kind())
                && !e.occurredOn().isBefore(start) && !e.occurredOn().isAfter(end));
        double largest = 0;
        for (Reading x : meterReadings) {
            largest = Math.max(largest, Math.max(x.previousValue(), x.currentValue()));
        }
        f.registerCapacity = registerCapacity(largest);
        f.precedingCurrentValue = preceding == null ? null : preceding.currentValue();
        f.customerActive = "ACTIVE".equals(c.status());
        f.customerClosedOn = c.closedOn();
        f.meterRemovedOn = m.removedOn();
        continuity(f, r, preceding, events);
        return f;
    }

    /** 10^digits where digits is the length of the integer part of {@code largestValue} (at least 1). */
    static double registerCapacity(double largestValue) {
        long integerPart = (long) Math.floor(Math.abs(largestValue));
        int digits = Math.max(1, Long.toString(integerPart).length());
        return Math.pow(10, digits);
    }

    BillFact billFact(Customer c, Bill b, AuditContext ctx) {
        BillFact f = new BillFact();
        f.billNo = b.billNo();
        f.customerNo = c.customerNo();
        f.stationCode = c.stationCode();
        f.period = b.period();
        f.tariffCode = b.tariffCode();
        f.energyKwh = b.energyKwh();
        f.energyCharge = b.energyCharge();
        f.basicCharge = b.basicCharge();
        f.pfActual = b.pfActual();
        f.pfAdjustment = b.pfAdjustment();
        f.surcharge = b.surcharge();
        f.totalAmount = b.totalAmount();
        f.issuedOn = b.issuedOn();
        f.dueOn = b.dueOn();
        f.paidAmount = b.paidAmount();
        f.paidOn = b.paidOn();
        f.channel = b.channel();
        f.lateFeeCharged = b.lateFeeCharged();
        f.lateFeeWaived = Boolean.TRUE.equals(b.lateFeeWaived());
        f.waiverApprover = b.waiverApprover();
        f.clerkId = b.clerkId();
        f.inAuditedPeriod = b.period().equals(ctx.getAuditedPeriod());
        f.customerTariffCode = c.tariffCode();
        f.customerCategory = c.category();
        f.customerVoltageKv = c.voltageKv();
        Tariff applied = tariffValidIn(b.tariffCode(), b.period());
        if (applied != null) {
            f.appliedTariffFound = true;
            f.appliedTariffCategory = applied.customerCategory();
            f.appliedTariffVoltageKv = applied.voltageKv();
            f.appliedPfStandard = applied.pfStandard();
        }
        return f;
    }

    /** The version of a tariff valid in a period: the one valid on its last day, else on its first. */
    public Tariff tariffValidIn(String tariffCode, String period) {
        if (tariffCode == null || period == null) {
            return findValidIn(tariffCode, period);
        }
        return validIn.computeIfAbsent(tariffCode, code -> new ConcurrentHashMap<>())
                .computeIfAbsent(period, p -> Optional.ofNullable(findValidIn(tariffCode, p))).orElse(null);
    }

    private Tariff findValidIn(String tariffCode, String period) {
        List<Tariff> versions = tariffsByCode.getOrDefault(tariffCode, List.of());
        LocalDate end = Periods.end(period);
        LocalDate start = Periods.start(period);
        return versions.stream().filter(t -> t.validOn(end)).findFirst()
                .or(() -> versions.stream().filter(t -> t.validOn(start)).findFirst())
                .orElse(null);
    }

    InspectionFact inspectionFact(Customer c, boolean important, Inspection i) {
        InspectionFact f = new InspectionFact();
        f.inspectionNo = i.inspectionNo();
        f.customerNo = c.customerNo();
        f.stationCode = c.stationCode();
        f.inspectedOn = i.inspectedOn();
        f.inspectorIds = i.inspectorIds();
        f.inspectorCount = (int) java.util.Arrays.stream(i.inspectorIds().split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().count();
        f.kind = i.kind();
        f.result = i.result();
        f.hazardNote = i.hazardNote();
        f.noticeNo = i.noticeNo();
        f.rectifyDueOn = i.rectifyDueOn();
        f.rectifiedOn = i.rectifiedOn();
        f.conclusionSigned = Boolean.TRUE.equals(i.conclusionSigned());
        f.photoCount = i.photoCount() == null ? 0 : i.photoCount();
        f.customerImportant = important;
        return f;
    }

    ApplicationFact applicationFact(Application a, CustomerBundle bundle, String firstBillPeriod, AuditContext ctx) {
        ApplicationFact f = new ApplicationFact();
        f.appNo = a.appNo();
        f.customerNo = a.customerNo();
        f.applicantName = a.applicantName();
        f.appType = a.appType();
        f.supplyMode = a.supplyMode();
        f.capacityKva = a.capacityKva();
        f.voltageKv = a.voltageKv();
        f.greenChannel = Boolean.TRUE.equals(a.greenChannel());
        f.stationCode = a.stationCode();
        f.acceptedAt = a.acceptedAt();
        f.status = a.status();
        f.archivedAt = a.archivedAt();
        f.feeCharged = a.feeCharged();
        f.feeStandard = a.feeStandard();
        Map<String, LocalDateTime> firstStart = new LinkedHashMap<>();
        Map<String, LocalDateTime> lastFinish = new HashMap<>();
        Map<String, Boolean> open = new HashMap<>();
        for (ApplicationStep s : a.steps()) {
            firstStart.merge(s.step(), s.startedAt(), (x, y) -> x.isBefore(y) ? x : y);
            if (s.finishedAt() == null) {
                open.put(s.step(), true);
            } else {
                lastFinish.merge(s.step(), s.finishedAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            if ("RETURNED".equals(s.outcome())) {
                f.returnedSteps++;
            }
        }
        Map<String, Integer> wd = new LinkedHashMap<>();
        for (Map.Entry<String, LocalDateTime> e : firstStart.entrySet()) {
            String step = e.getKey();
            LocalDate end = open.containsKey(step) || !lastFinish.containsKey(step)
                    ? ctx.getAsOf() : lastFinish.get(step).toLocalDate();
            wd.put(step, ctx.workingDays(e.getValue().toLocalDate(), end));
        }
        f.stepWorkingDays = wd;
        f.wholeProcessWorkingDays = WHOLE_PROCESS_STEPS.stream().mapToInt(s -> wd.getOrDefault(s, 0)).sum();
        f.connectFinishedAt = open.containsKey("CONNECT") ? null : lastFinish.get("CONNECT");
        f.archiveFinishedAt = open.containsKey("ARCHIVE") ? null : lastFinish.get("ARCHIVE");
        processDates(f, ctx);
        Customer c = bundle.customer();
        if (c != null) {
            f.customerImportant = bundle.important() != null;
            f.customerName = c.customerName();
            f.customerOpenedOn = c.openedOn();
            f.customerContractKva = c.contractKva();
            f.customerVoltageKv = c.voltageKv();
            f.firstBillPeriod = firstBillPeriod;
        }
        billingSinceArchive(f, a, bundle, ctx);
        addBusApplicationDerived(f, a, bundle, ctx);
        return f;
    }

    /** BIL-10, 11, 14, 15, 16: the applied tariff's prices, the period's max demand and the days paid late. */
    private void addPricingAndLateFeeTerms(List<Object> facts, CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        Map<String, Double> maxDemandByPeriod = new HashMap<>();
        for (Reading r : bundle.readings()) {
            if (r.maxDemandKw() != null && !"MISSED".equals(r.readType())) {
                maxDemandByPeriod.merge(r.period(), r.maxDemandKw(), Double::sum);
            }
        }
        for (Object fact : facts) {
            if (fact instanceof BillFact f) {
                f.customerRunningKva = c.runningKva() == null ? c.contractKva() : c.runningKva();
                f.customerBasicChargeMode = c.basicChargeMode();
                f.customerDemandKw = c.demandKw();
                f.maxDemandKw = maxDemandByPeriod.get(f.period);
                Tariff applied = tariffValidIn(f.tariffCode, f.period);
                if (applied != null) {
                    f.appliedEnergyPrice = applied.energyPrice();
                    f.appliedTier1LimitKwh = applied.tier1LimitKwh();
                    f.appliedTier2LimitKwh = applied.tier2LimitKwh();
                    f.appliedTier2Price = applied.tier2Price();
                    f.appliedTier3Price = applied.tier3Price();
                    f.appliedBasicPriceKva = applied.basicPriceKva();
                    f.appliedBasicPriceKw = applied.basicPriceKw();
                    f.expectedEnergyCharge = BillFact.cents(energyCharge(applied, f.energyKwh));
                }
                f.paidInAuditedPeriod = f.paidOn != null
                        && !f.paidOn.isBefore(ctx.getPeriodStart()) && !f.paidOn.isAfter(ctx.getPeriodEnd());
                if (f.paidOn != null && f.paidOn.isAfter(f.dueOn)) {
                    f.daysLate = (int) java.time.temporal.ChronoUnit.DAYS.between(f.dueOn, f.paidOn);
                    LocalDate yearEnd = LocalDate.of(Periods.start(f.period).getYear(), 12, 31);
                    LocalDate lateFrom = f.dueOn.isAfter(yearEnd) ? f.dueOn : yearEnd;
                    f.daysLateAfterYearEnd = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(lateFrom, f.paidOn));
                }
            }
        }
    }

    /**
     * BIL-12, 13: the customer's contract kVA and the period's metered kWh, kvarh and power factor on each
     * bill, plus one {@link PfStandardCheck} and (where the applied tariff has a pf standard) one
     * {@link PfAdjustmentCheck} per audited bill, for the rules' decision tables to fill in.
     */
    private void addPowerFactorTerms(List<Object> facts, CustomerBundle bundle) {
        Customer c = bundle.customer();
        Map<String, java.math.BigDecimal> kwhByPeriod = new HashMap<>();
        Map<String, java.math.BigDecimal> kvarhByPeriod = new HashMap<>();
        for (Reading r : bundle.readings()) {
            if (!"MISSED".equals(r.readType())) {
                kwhByPeriod.merge(r.period(), java.math.BigDecimal.valueOf(r.consumptionKwh()), java.math.BigDecimal::add);
                kvarhByPeriod.merge(r.period(), r.reactiveKvarh() == null ? java.math.BigDecimal.ZERO
                        : java.math.BigDecimal.valueOf(r.reactiveKvarh()), java.math.BigDecimal::add);
            }
        }
        List<Object> checks = new ArrayList<>();
        for (Object fact : facts) {
            if (fact instanceof BillFact f) {
                f.customerContractKva = c.contractKva();
                f.meteredKwh = kwhByPeriod.getOrDefault(f.period, java.math.BigDecimal.ZERO).doubleValue();
                f.reactiveKvarh = kvarhByPeriod.getOrDefault(f.period, java.math.BigDecimal.ZERO).doubleValue();
                f.actualPf = BillFact.actualPf(f.meteredKwh, f.reactiveKvarh);
                if (f.inAuditedPeriod && f.appliedTariffFound) {
                    checks.add(new PfStandardCheck(f));
                    if (f.appliedPfStandard != null) {
                        checks.add(new PfAdjustmentCheck(f));
                    }
                }
            }
        }
        facts.addAll(checks);
    }

    /**
     * kWh priced with a tariff version: flat energy_price, or monthly tiers (up to tier1_limit_kwh at
     * energy_price, up to tier2_limit_kwh at tier2_price, above at tier3_price; a missing tier price falls
     * back to the tier below, a missing tier-2 bound leaves tier 2 open-ended).
     */
    static double energyCharge(Tariff t, double kwh) {
        if (t.tier1LimitKwh() == null) {
            return kwh * t.energyPrice();
        }
        double t1 = t.tier1LimitKwh();
        double t2 = t.tier2LimitKwh() == null ? Double.POSITIVE_INFINITY : Math.max(t1, t.tier2LimitKwh());
        double p2 = t.tier2Price() == null ? t.energyPrice() : t.tier2Price();
        double p3 = t.tier3Price() == null ? p2 : t.tier3Price();
        return Math.min(kwh, t1) * t.energyPrice()
                + Math.max(0, Math.min(kwh, t2) - t1) * p2
                + (kwh > t2 ? (kwh - t2) * p3 : 0);
    }

    /** Gives every meter fact its customer's audited-period consumption (MET-03). */
    private static void shareCustomerPeriodKwh(List<Object> facts) {
        Double kwh = facts.stream().filter(CustomerFact.class::isInstance).map(CustomerFact.class::cast)
                .findFirst().map(CustomerFact::getPeriodKwh).orElse(null);
        facts.stream().filter(MeterFact.class::isInstance).map(MeterFact.class::cast)
                .forEach(m -> m.customerPeriodKwh = kwh);
    }

    /** Field tests, out-of-tolerance handling, faults and seal changes of a meter (MET-03..05, 07, 10). */
    private static void deviceHistory(MeterFact f, Customer c, Meter m, List<MeterEvent> events, AuditContext ctx) {
        f.customerContractKva = c.contractKva();
        f.customerVoltageKv = c.voltageKv();
        f.accuracyLimitPct = MeterFact.accuracyLimit(m.accuracyClass());
        f.lastTestOn = f.lastFieldTestOn;
        if (m.lastVerifiedOn() != null && (f.lastTestOn == null || m.lastVerifiedOn().isAfter(f.lastTestOn))) {
            f.lastTestOn = m.lastVerifiedOn();
        }
        List<MeterEvent> sorted = events.stream().sorted(Comparator.comparing(MeterEvent::occurredOn)).toList();
        for (MeterEvent e : sorted) {
            if ("FIELD_TEST".equals(e.kind())) {
                if (!e.occurredOn().isBefore(m.installedOn())) {
                    f.fieldTestSinceInstallation = true;
                }
                if (e.errorPct() != null && f.accuracyLimitPct != null
                        && Math.abs(e.errorPct()) > f.accuracyLimitPct + 1e-9) {
                    LocalDate replaced = sorted.stream()
                            .filter(x -> "REPLACEMENT".equals(x.kind()) && !x.occurredOn().isBefore(e.occurredOn()))
                            .map(MeterEvent::occurredOn).findFirst().orElse(null);
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
            if ("SEAL_CHANGE".equals(e.kind()) && (e.workOrderNo() == null || e.workOrderNo().isBlank())) {
                f.sealChangeWithoutWorkOrderNo = e.eventNo();
            }
        }
    }

    /** Acceptance date and month, and the wait from connection to archiving (EXP-07, EXP-08). */
    private static void processDates(ApplicationFact f, AuditContext ctx) {
        f.acceptedOn = f.acceptedAt.toLocalDate();
        f.acceptedPeriod = java.time.YearMonth.from(f.acceptedAt).toString();
        LocalDateTime archived = f.archiveFinishedAt != null ? f.archiveFinishedAt : f.archivedAt;
        f.archiveDoneOn = archived == null ? null : archived.toLocalDate();
        if (f.connectFinishedAt != null) {
            LocalDate connected = f.connectFinishedAt.toLocalDate();
            LocalDate end = f.archiveDoneOn != null ? f.archiveDoneOn : ctx.getAsOf();
            f.connectToArchiveWd = end.isBefore(connected) ? 0 : ctx.workingDays(connected, end);
        }
    }

    /** BIL-17: the bills unpaid at the as-of date; BIL-18: bills and readings of periods after closed_on. */
    private static void collectionAndClosing(CustomerFact f, CustomerBundle bundle, AuditContext ctx) {
        for (Bill b : bundle.bills()) {
            boolean paid = b.paidOn() != null && !b.paidOn().isAfter(ctx.getAsOf())
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
                after.computeIfAbsent(b.period(), k -> new ArrayList<>()).add("账单 " + b.billNo() + "（" + b.period() + "）");
            }
        }
        for (Reading r : bundle.readings()) {
            if (r.period().compareTo(audited) <= 0 && Periods.start(r.period()).isAfter(closedOn)) {
                after.computeIfAbsent(r.period(), k -> new ArrayList<>()).add("抄表 " + r.meterId() + ":" + r.period());
            }
        }
        if (!after.isEmpty()) {
            f.firstPeriodAfterClosing = after.firstKey();
            f.recordsAfterClosing = String.join("、", after.values().stream().flatMap(List::stream).toList());
        }
    }

    private static long cents(double yuan) {
        return Math.round(yuan * 100);
    }

    /** BIL-05: the preceding reading's period, and whether the meter was replaced since that reading. */
    private static void continuity(ReadingFact f, Reading r, Reading preceding, List<MeterEvent> events) {
        if (preceding == null) {
            return;
        }
        f.precedingPeriod = preceding.period();
        LocalDate start = Periods.start(r.period());
        LocalDate end = Periods.end(r.period());
        LocalDate from = preceding.readOn().isBefore(start) ? preceding.readOn() : start;
        LocalDate to = r.readOn().isAfter(end) ? r.readOn() : end;
        f.replacementSincePrecedingRead = events.stream().anyMatch(e -> "REPLACEMENT".equals(e.kind())
                && !e.occurredOn().isBefore(from) && !e.occurredOn().isAfter(to));
    }

    /** BIL-19: the customer's first bill period from the month the application was archived. */
    private static void billingSinceArchive(ApplicationFact f, Application a, CustomerBundle bundle, AuditContext ctx) {
        if (a.archivedAt() == null || bundle.customer() == null) {
            return;
        }
        String archiveMonth = java.time.YearMonth.from(a.archivedAt()).toString();
        String audited = ctx.getAuditedPeriod();
        f.firstBillPeriodSinceArchive = bundle.bills().stream().map(Bill::period)
                .filter(p -> p.compareTo(archiveMonth) >= 0 && p.compareTo(audited) <= 0)
                .min(String::compareTo).orElse(null);
    }

    /** Contract tariff kind, maximum demand per period, meter replacements and pauses (BUS-05, INS-04, 05, 09). */
    private void addBusInsCustomerDerived(CustomerFact f, CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        Tariff contracted = tariffsByCode.getOrDefault(c.tariffCode(), List.of()).stream()
                .filter(t -> t.validOn(ctx.getAsOf())).findFirst()
                .orElseGet(() -> tariffValidIn(c.tariffCode(), ctx.getAuditedPeriod()));
        if (contracted != null) {
            f.contractTariffFound = true;
            f.contractTariffTwoPart = positive(contracted.basicPriceKva()) || positive(contracted.basicPriceKw());
        }
        TreeMap<String, Double> demand = new TreeMap<>();
        for (Reading r : bundle.readings()) {
            if (r.maxDemandKw() != null && !"MISSED".equals(r.readType())
                    && r.period().compareTo(ctx.getAuditedPeriod()) <= 0) {
                demand.merge(r.period(), r.maxDemandKw(), Double::sum);
            }
        }
        f.maxDemandByPeriod = demand;
        f.meterReplacementDates = bundle.meterEvents().stream().filter(e -> "REPLACEMENT".equals(e.kind()))
                .map(MeterEvent::occurredOn).sorted().toList();
        addPauses(f, bundle.applications(), ctx);
    }

    private static boolean positive(Double value) {
        return value != null && value > 0;
    }

    /**
     * Pauses: from an ARCHIVED PAUSE application's archived date to the accepted date of the next RESUME
     * (not CANCELLED) accepted on or after it, or to the as-of date while none; each day counted once per year.
     */
    private static void addPauses(CustomerFact f, List<Application> applications, AuditContext ctx) {
        java.util.Set<LocalDate> pausedDays = new java.util.TreeSet<>();
        for (Application pause : applications) {
            if (!"PAUSE".equals(pause.appType()) || !"ARCHIVED".equals(pause.status()) || pause.archivedAt() == null) {
                continue;
            }
            LocalDate from = pause.archivedAt().toLocalDate();
            LocalDate resumedOn = nextResumeAcceptedOn(applications, from);
            LocalDate to = resumedOn != null ? resumedOn : ctx.getAsOf();
            if (resumedOn != null) {
                int days = (int) java.time.temporal.ChronoUnit.DAYS.between(from, resumedOn);
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

    private static LocalDate nextResumeAcceptedOn(List<Application> applications, LocalDate from) {
        return applications.stream()
                .filter(a -> "RESUME".equals(a.appType()) && !"CANCELLED".equals(a.status()))
                .map(a -> a.acceptedAt().toLocalDate())
                .filter(d -> !d.isBefore(from))
                .min(LocalDate::compareTo).orElse(null);
    }

    /** Time to archive, the customer's running capacity, pause resumed, latest of its kind (BUS-02, 03, 06, 07). */
    private void addBusApplicationDerived(ApplicationFact f, Application a, CustomerBundle bundle, AuditContext ctx) {
        if ("ARCHIVED".equals(a.status()) && a.archivedAt() != null) {
            f.archiveWorkingDays = ctx.workingDays(a.acceptedAt().toLocalDate(), a.archivedAt().toLocalDate());
        } else if ("IN_PROGRESS".equals(a.status())) {
            f.archiveWorkingDays = ctx.workingDays(a.acceptedAt().toLocalDate(), ctx.getAsOf());
        }
        Customer c = bundle.customer();
        if (c != null) {
            f.customerRunningKva = c.runningKva() != null ? c.runningKva() : c.contractKva();
        }
        if ("PAUSE".equals(a.appType())) {
            LocalDate from = (a.archivedAt() != null ? a.archivedAt() : a.acceptedAt()).toLocalDate();
            f.pauseResumed = nextResumeAcceptedOn(bundle.applications(), from) != null;
        }
        if ("ARCHIVED".equals(a.status())) {
            String kind = kindOf(a.appType());
            f.latestArchivedOfItsKind = bundle.applications().stream()
                    .filter(o -> o != a && "ARCHIVED".equals(o.status()) && kind.equals(kindOf(o.appType())))
                    .noneMatch(o -> archivedLater(o, a));
        }
    }

    private static String kindOf(String appType) {
        return switch (appType) {
            case "RES_NEW", "LV_NEW", "HV_NEW", "TEMP_NEW", "LV_INCREASE", "HV_INCREASE" -> "NEW_OR_INCREASE";
            default -> appType;
        };
    }

    /** Whether {@code other} was archived after {@code app} (by archived_at, else accepted_at; ties by app_no). */
    private static boolean archivedLater(Application other, Application app) {
        LocalDateTime o = other.archivedAt() != null ? other.archivedAt() : other.acceptedAt();
        LocalDateTime s = app.archivedAt() != null ? app.archivedAt() : app.acceptedAt();
        return o.isAfter(s) || (o.isEqual(s) && other.appNo().compareTo(app.appNo()) > 0);
    }
}
