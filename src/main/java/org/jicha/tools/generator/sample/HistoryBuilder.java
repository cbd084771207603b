package org.jicha.tools.generator.sample;

import static org.jicha.tools.generator.sample.World.AS_OF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.PfAdjustment;
import org.jicha.tools.generator.TariffBook;

/**
 * Turns a {@link CustomerPlan} into its readings (monotone registers, consumption = delta x multiplier
 * exactly, rollover-corrected) and its bills (priced exactly with the tariff version valid in the period,
 * paid on time or late with the correct fee).
 */
final class HistoryBuilder {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final World w;

    HistoryBuilder(World w) {
        this.w = w;
    }

    void realise(CustomerPlan plan) {
        Map<YearMonth, List<Batch.Reading>> readings = readings(plan);
        bills(plan, readings);
    }

    // ---------------------------------------------------------------- readings

    private Map<YearMonth, List<Batch.Reading>> readings(CustomerPlan plan) {
        Map<YearMonth, List<Batch.Reading>> byPeriod = new TreeMap<>();
        for (CustomerPlan.MeterPlan mp : plan.meters) {
            YearMonth first = later(plan.firstPeriod, mp.firstPeriod);
            YearMonth last = earlier(plan.lastPeriod, mp.lastPeriod);
            BigDecimal value = mp.startValue;
            for (YearMonth p = first; !p.isAfter(last); p = p.plusMonths(1)) {
                if (mp.restartValues.containsKey(p)) {
                    value = mp.restartValues.get(p);
                }
                String readType = plan.readTypes.getOrDefault(p, plan.defaultReadType);
                if ("NONE".equals(readType)) {
                    continue;
                }
                Batch.Reading r = reading(plan, mp, p, value, readType);
                w.batch.readings.add(r);
                byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add(r);
                value = r.currentValue;
            }
        }
        return byPeriod;
    }

    private Batch.Reading reading(
            CustomerPlan plan, CustomerPlan.MeterPlan mp, YearMonth p, BigDecimal previous, String readType) {
        Batch.Meter m = mp.meter;
        BigDecimal multiplier = mp.readingMultiplier.getOrDefault(p, m.multiplier);
        BigDecimal kwh = plan.plannedKwh.getOrDefault(p, BigDecimal.ZERO).multiply(mp.share);
        BigDecimal delta = "MISSED".equals(readType)
                ? BigDecimal.ZERO
                : kwh.divide(multiplier, multiplier.compareTo(BigDecimal.ONE) == 0 ? 0 : 2, RoundingMode.HALF_UP);
        BigDecimal current = previous.add(delta);
        if (mp.digits > 0 && current.compareTo(BigDecimal.TEN.pow(mp.digits)) >= 0) {
            current = current.subtract(BigDecimal.TEN.pow(mp.digits));
        }
        Batch.Reading r = new Batch.Reading();
        r.meterId = m.id;
        r.period = p;
        r.readOn = readOn(plan, mp, p);
        r.previousValue = previous.setScale(2, RoundingMode.UNNECESSARY);
        r.currentValue = current.setScale(2, RoundingMode.UNNECESSARY);
        r.multiplier = multiplier;
        r.consumptionKwh = delta.multiply(multiplier).setScale(2, RoundingMode.UNNECESSARY);
        r.readType = readType;
        r.readerId = plan.customer.readerId;
        if (plan.needsDemandAndReactive() && !"MISSED".equals(readType)) {
            r.maxDemandKw = maxDemand(plan, p, r.consumptionKwh);
            r.reactiveKvarh = reactive(r.consumptionKwh, plan.pfTargets.getOrDefault(p, plan.pfTarget));
        }
        return r;
    }

    private LocalDate readOn(CustomerPlan plan, CustomerPlan.MeterPlan mp, YearMonth p) {
        if (mp.meter.removedOn != null && YearMonth.from(mp.meter.removedOn).equals(p)) {
            return mp.meter.removedOn;
        }
        if (plan.lastReadOn != null && p.equals(plan.lastPeriod)) {
            return plan.lastReadOn;
        }
        return p.plusMonths(1).atDay(plan.customer.readingDay);
    }

    private BigDecimal maxDemand(CustomerPlan plan, YearMonth p, BigDecimal kwh) {
        if (plan.maxDemandOverride.containsKey(p)) {
            return plan.maxDemandOverride.get(p);
        }
        BigDecimal running = plan.capacityIn(p)[1];
        double hours = 24.0 * p.lengthOfMonth();
        double md = Math.min(kwh.doubleValue() / (hours * 0.55), running.doubleValue() * 0.78);
        return BigDecimal.valueOf(md).setScale(1, RoundingMode.HALF_UP);
    }

    /** Reactive energy that gives exactly the target power factor once rounded to 2 decimals. */
    static BigDecimal reactive(BigDecimal kwh, BigDecimal pfTarget) {
        if (pfTarget == null) {
            return null;
        }
        if (kwh.signum() == 0) {
            return BigDecimal.ZERO.setScale(0);
        }
        double pf = pfTarget.doubleValue();
        BigDecimal kvarh =
                BigDecimal.valueOf(kwh.doubleValue() * Math.tan(Math.acos(pf))).setScale(0, RoundingMode.HALF_UP);
        if (PfAdjustment.actualPf(kwh, kvarh).compareTo(pfTarget) != 0) {
            throw new IllegalStateException("cannot reach pf " + pfTarget + " for " + kwh + " kWh");
        }
        return kvarh;
    }

    // ---------------------------------------------------------------- bills

    private void bills(CustomerPlan plan, Map<YearMonth, List<Batch.Reading>> readings) {
        for (Map.Entry<YearMonth, List<Batch.Reading>> e : readings.entrySet()) {
            YearMonth p = e.getKey();
            List<Batch.Reading> rows = e.getValue().stream()
                    .filter(r -> !"MISSED".equals(r.readType))
                    .toList();
            if (rows.isEmpty() || plan.unbilled.contains(p)) {
                continue;
            }
            boolean noEnergy = rows.stream().allMatch(r -> r.consumptionKwh.signum() == 0);
            if (noEnergy && !w.tariffs.valid(plan.customer.tariffCode, p).isTwoPart()) {
                continue; // a single-part customer with no energy gets no bill
            }
            w.batch.bills.add(bill(plan, p, rows));
        }
    }

    private Batch.Bill bill(CustomerPlan plan, YearMonth p, List<Batch.Reading> rows) {
        Batch.Customer c = plan.customer;
        BigDecimal consumption = BigDecimal.ZERO;
        BigDecimal kvarh = BigDecimal.ZERO;
        BigDecimal maxDemand = BigDecimal.ZERO;
        LocalDate lastRead = rows.get(0).readOn;
        for (Batch.Reading r : rows) {
            consumption = consumption.add(r.consumptionKwh);
            kvarh = kvarh.add(r.reactiveKvarh == null ? BigDecimal.ZERO : r.reactiveKvarh);
            maxDemand = maxDemand.max(r.maxDemandKw == null ? BigDecimal.ZERO : r.maxDemandKw);
            lastRead = r.readOn.isAfter(lastRead) ? r.readOn : lastRead;
        }
        Batch.Bill b = new Batch.Bill();
        b.no = "DF" + p.toString().replace("-", "") + c.no;
        b.customerNo = c.no;
        b.period = p;
        b.tariffCode = c.tariffCode;
        b.energyKwh = billedEnergy(c, consumption);
        b.issuedOn = lastRead.plusDays(1);
        b.dueOn = b.issuedOn.plusDays("RESIDENTIAL".equals(c.category) ? 20 : 15);
        b.clerkId = station(c).member(TeamKind.BILLING, c.no.hashCode());
        price(
                b,
                w.tariffs.valid(b.tariffCode, p),
                c.category,
                c.basicChargeMode,
                plan.capacityIn(p)[1],
                maxDemand,
                consumption,
                kvarh);
        pay(plan, b);
        return b;
    }

    private static BigDecimal billedEnergy(Batch.Customer c, BigDecimal consumption) {
        if (c.fixedDeductionKwh != null) {
            return consumption
                    .subtract(c.fixedDeductionKwh)
                    .max(BigDecimal.ZERO)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        if (c.fixedRatioPct != null) {
            return consumption.multiply(c.fixedRatioPct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        }
        return consumption;
    }

    /** Prices a bill's energy with a tariff version: energy, basic, pf adjustment, surcharge and total. */
    static void price(
            Batch.Bill b,
            TariffBook.Tariff t,
            String category,
            String mode,
            BigDecimal runningKva,
            BigDecimal maxDemand,
            BigDecimal meteredKwh,
            BigDecimal kvarh) {
        b.energyCharge = TariffBook.energyCharge(t, b.energyKwh);
        b.basicCharge = TariffBook.basicCharge(t, mode, runningKva, maxDemand);
        b.pfActual = t.pfStandard() == null ? null : PfAdjustment.actualPf(meteredKwh, kvarh);
        b.pfAdjustment = t.pfStandard() == null
                ? null
                : b.pfActual == null
                        ? BigDecimal.ZERO.setScale(2)
                        : TariffBook.pfAdjustment(t, b.pfActual, b.energyCharge, b.basicCharge);
        b.surcharge = TariffBook.surcharge(category, b.energyKwh);
        total(b);
    }

    static void total(Batch.Bill b) {
        BigDecimal total = b.energyCharge;
        for (BigDecimal part : new BigDecimal[] {b.basicCharge, b.pfAdjustment, b.surcharge}) {
            if (part != null) {
                total = total.add(part);
            }
        }
        b.totalAmount = total;
    }

    private void pay(CustomerPlan plan, Batch.Bill b) {
        CustomerPlan.Payment payment = plan.payments.get(b.period);
        if (payment == null) {
            payment = "PREPAID".equals(plan.preferredChannel)
                    ? CustomerPlan.Payment.PREPAID
                    : w.chance(0.05) ? CustomerPlan.Payment.LATE : CustomerPlan.Payment.ON_TIME;
        }
        LocalDate paidOn = switch (payment) {
            case PREPAID -> b.issuedOn;
            case ON_TIME -> b.issuedOn.plusDays(w.between(0, (int) (b.dueOn.toEpochDay() - b.issuedOn.toEpochDay())));
            case LATE, LATE_WAIVED -> b.dueOn.plusDays(plan.daysLate.getOrDefault(b.period, w.between(2, 18)));
            case UNPAID -> null;
        };
        if (paidOn == null || paidOn.isAfter(AS_OF)) {
            return;
        }
        b.paidOn = paidOn;
        b.paidAmount = b.totalAmount;
        b.channel = payment == CustomerPlan.Payment.PREPAID
                ? "PREPAID"
                : "PREPAID".equals(plan.preferredChannel) ? "ONLINE" : plan.preferredChannel;
        if (paidOn.isAfter(b.dueOn)) {
            if (payment == CustomerPlan.Payment.LATE_WAIVED) {
                b.lateFeeCharged = BigDecimal.ZERO.setScale(2);
                b.lateFeeWaived = true;
                b.waiverApprover = station(plan.customer).head;
            } else {
                b.lateFeeCharged = TariffBook.lateFee(plan.customer.category, b.period, b.totalAmount, b.dueOn, paidOn);
                b.lateFeeWaived = false;
            }
        }
    }

    private World.Station station(Batch.Customer c) {
        for (World.Station s : w.stations) {
            if (s.code.equals(c.stationCode)) {
                return s;
            }
        }
        throw new IllegalStateException("no station " + c.stationCode);
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static YearMonth earlier(YearMonth a, YearMonth b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
