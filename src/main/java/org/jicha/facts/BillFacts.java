package org.jicha.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Reading;
import org.jicha.facts.StoredRecords.Tariff;

/**
 * Builds a customer's {@link BillFact}s: each bill with its customer's tariff, category and capacity, the tariff
 * version applied in its period (prices, tiers, power-factor standard) and the energy charge that version gives,
 * the period's maximum demand, metered kWh, kvarh and power factor, and how late it was paid. Each audited bill
 * whose applied tariff is found also gets a {@link PfStandardCheck} and, where that tariff has a power-factor
 * standard, a {@link PfAdjustmentCheck}, for the rules' decision tables to fill in.
 */
final class BillFacts {

    private final TariffCatalogue tariffs;

    BillFacts(TariffCatalogue tariffs) {
        this.tariffs = tariffs;
    }

    /** The bill facts of a customer, in the bundle's order, followed by their check facts. */
    List<Object> of(CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        List<BillFact> bills = new ArrayList<>(bundle.bills().size());
        for (Bill b : bundle.bills()) {
            bills.add(bill(c, b, ctx));
        }
        pricingAndPayment(bills, bundle, ctx);
        List<Object> facts = new ArrayList<>(bills);
        facts.addAll(powerFactor(bills, bundle));
        return facts;
    }

    private BillFact bill(Customer c, Bill b, AuditContext ctx) {
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
        Tariff applied = tariffs.validIn(b.tariffCode(), b.period());
        if (applied != null) {
            f.appliedTariffFound = true;
            f.appliedTariffCategory = applied.customerCategory();
            f.appliedTariffVoltageKv = applied.voltageKv();
            f.appliedPfStandard = applied.pfStandard();
        }
        return f;
    }

    /** The applied tariff's prices and the energy charge they give, the period's max demand and the days paid late. */
    private void pricingAndPayment(List<BillFact> bills, CustomerBundle bundle, AuditContext ctx) {
        Customer c = bundle.customer();
        Map<String, Double> maxDemandByPeriod = new HashMap<>();
        for (Reading r : bundle.readings()) {
            if (r.maxDemandKw() != null && !"MISSED".equals(r.readType())) {
                maxDemandByPeriod.merge(r.period(), r.maxDemandKw(), Double::sum);
            }
        }
        for (BillFact f : bills) {
            f.customerRunningKva = c.runningKva() == null ? c.contractKva() : c.runningKva();
            f.customerBasicChargeMode = c.basicChargeMode();
            f.customerDemandKw = c.demandKw();
            f.maxDemandKw = maxDemandByPeriod.get(f.period);
            Tariff applied = tariffs.validIn(f.tariffCode, f.period);
            if (applied != null) {
                f.appliedEnergyPrice = applied.energyPrice();
                f.appliedTier1LimitKwh = applied.tier1LimitKwh();
                f.appliedTier2LimitKwh = applied.tier2LimitKwh();
                f.appliedTier2Price = applied.tier2Price();
                f.appliedTier3Price = applied.tier3Price();
                f.appliedBasicPriceKva = applied.basicPriceKva();
                f.appliedBasicPriceKw = applied.basicPriceKw();
                f.expectedEnergyCharge = BillFact.cents(TariffCatalogue.energyCharge(applied, f.energyKwh));
            }
            f.paidInAuditedPeriod = f.paidOn != null
                    && !f.paidOn.isBefore(ctx.getPeriodStart())
                    && !f.paidOn.isAfter(ctx.getPeriodEnd());
            if (f.paidOn != null && f.paidOn.isAfter(f.dueOn)) {
                f.daysLate = (int) ChronoUnit.DAYS.between(f.dueOn, f.paidOn);
                LocalDate yearEnd = LocalDate.of(Periods.start(f.period).getYear(), 12, 31);
                LocalDate lateFrom = f.dueOn.isAfter(yearEnd) ? f.dueOn : yearEnd;
                f.daysLateAfterYearEnd = (int) Math.max(0, ChronoUnit.DAYS.between(lateFrom, f.paidOn));
            }
        }
    }

    /**
     * The customer's contract kVA and the period's metered kWh, kvarh and power factor on each bill; the check
     * facts of the audited bills.
     */
    private static List<Object> powerFactor(List<BillFact> bills, CustomerBundle bundle) {
        Customer c = bundle.customer();
        Map<String, BigDecimal> kwhByPeriod = new HashMap<>();
        Map<String, BigDecimal> kvarhByPeriod = new HashMap<>();
        for (Reading r : bundle.readings()) {
            if (!"MISSED".equals(r.readType())) {
                kwhByPeriod.merge(r.period(), BigDecimal.valueOf(r.consumptionKwh()), BigDecimal::add);
                kvarhByPeriod.merge(
                        r.period(),
                        r.reactiveKvarh() == null ? BigDecimal.ZERO : BigDecimal.valueOf(r.reactiveKvarh()),
                        BigDecimal::add);
            }
        }
        List<Object> checks = new ArrayList<>();
        for (BillFact f : bills) {
            f.customerContractKva = c.contractKva();
            f.meteredKwh = kwhByPeriod.getOrDefault(f.period, BigDecimal.ZERO).doubleValue();
            f.reactiveKvarh =
                    kvarhByPeriod.getOrDefault(f.period, BigDecimal.ZERO).doubleValue();
            f.actualPf = BillFact.actualPf(f.meteredKwh, f.reactiveKvarh);
            if (f.inAuditedPeriod && f.appliedTariffFound) {
                checks.add(new PfStandardCheck(f));
                if (f.appliedPfStandard != null) {
                    checks.add(new PfAdjustmentCheck(f));
                }
            }
        }
        return checks;
    }
}
