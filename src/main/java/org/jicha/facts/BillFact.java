package org.jicha.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A bill (应收电费) with the customer's contracted terms and the tariff version it was priced with, so
 * that pricing rules compare within one fact.
 *
 * <p>Long because it is part of the fact model: one documented field per thing a billing rule reads
 * (docs/FACTS.md); no logic beyond small derived values.
 */
public final class BillFact implements AuditSubject {

    String billNo;
    String customerNo;
    String stationCode;
    String period;
    String tariffCode;
    double energyKwh;
    double energyCharge;
    Double basicCharge;
    Double pfActual;
    Double pfAdjustment;
    Double surcharge;
    double totalAmount;
    LocalDate issuedOn;
    LocalDate dueOn;
    Double paidAmount;
    LocalDate paidOn;
    String channel;
    Double lateFeeCharged;
    boolean lateFeeWaived;
    String waiverApprover;
    String clerkId;
    // derived
    boolean inAuditedPeriod;
    String customerTariffCode;
    String customerCategory;
    double customerVoltageKv;
    boolean appliedTariffFound;
    String appliedTariffCategory;
    Double appliedTariffVoltageKv;
    Double appliedPfStandard;

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.BILL;
    }

    @Override
    public String getSubjectId() {
        return billNo;
    }

    @Override
    public String getCustomerNo() {
        return customerNo;
    }

    @Override
    public String getStationCode() {
        return stationCode;
    }

    @Override
    public String getPeriod() {
        return period;
    }

    public String getBillNo() {
        return billNo;
    }

    public String getTariffCode() {
        return tariffCode;
    }

    public double getEnergyKwh() {
        return energyKwh;
    }

    public double getEnergyCharge() {
        return energyCharge;
    }

    public Double getBasicCharge() {
        return basicCharge;
    }

    public Double getPfActual() {
        return pfActual;
    }

    public Double getPfAdjustment() {
        return pfAdjustment;
    }

    public Double getSurcharge() {
        return surcharge;
    }

    public double getTotalAmount() {
        return totalAmount;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Double getPaidAmount() {
        return paidAmount;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getChannel() {
        return channel;
    }

    public Double getLateFeeCharged() {
        return lateFeeCharged;
    }

    public boolean isLateFeeWaived() {
        return lateFeeWaived;
    }

    public String getWaiverApprover() {
        return waiverApprover;
    }

    public String getClerkId() {
        return clerkId;
    }

    /** The bill is for the audited period. */
    public boolean isInAuditedPeriod() {
        return inAuditedPeriod;
    }

    /** The tariff on the customer's record (contracted tariff). */
    public String getCustomerTariffCode() {
        return customerTariffCode;
    }

    public String getCustomerCategory() {
        return customerCategory;
    }

    public double getCustomerVoltageKv() {
        return customerVoltageKv;
    }

    /** A version of the bill's tariff_code is valid in the bill's period. */
    public boolean isAppliedTariffFound() {
        return appliedTariffFound;
    }

    /** customer_category of the applied tariff version; null when not found. */
    public String getAppliedTariffCategory() {
        return appliedTariffCategory;
    }

    public Double getAppliedTariffVoltageKv() {
        return appliedTariffVoltageKv;
    }

    public Double getAppliedPfStandard() {
        return appliedPfStandard;
    }

    // ---- pricing and late-fee terms ----
    Double appliedEnergyPrice;
    Double appliedTier1LimitKwh;
    Double appliedTier2LimitKwh;
    Double appliedTier2Price;
    Double appliedTier3Price;
    Double appliedBasicPriceKva;
    Double appliedBasicPriceKw;
    double customerRunningKva;
    String customerBasicChargeMode;
    Double customerDemandKw;
    Double maxDemandKw;
    Double expectedEnergyCharge;
    boolean paidInAuditedPeriod;
    int daysLate;
    int daysLateAfterYearEnd;

    /** energy_price of the applied tariff version (tier-1 price where tiered); null when not found. */
    public Double getAppliedEnergyPrice() {
        return appliedEnergyPrice;
    }

    public Double getAppliedTier1LimitKwh() {
        return appliedTier1LimitKwh;
    }

    public Double getAppliedTier2LimitKwh() {
        return appliedTier2LimitKwh;
    }

    public Double getAppliedTier2Price() {
        return appliedTier2Price;
    }

    public Double getAppliedTier3Price() {
        return appliedTier3Price;
    }

    public Double getAppliedBasicPriceKva() {
        return appliedBasicPriceKva;
    }

    public Double getAppliedBasicPriceKw() {
        return appliedBasicPriceKw;
    }

    /** The applied tariff version prices energy in monthly tiers (tier1_limit_kwh set). */
    public boolean isTiered() {
        return appliedTier1LimitKwh != null;
    }

    /** The applied tariff version is two-part (两部制): it has a basic price by capacity or by demand. */
    public boolean isTwoPartTariff() {
        return appliedBasicPriceKva != null || appliedBasicPriceKw != null;
    }

    /** The customer's running_kva, or contract_kva when empty. */
    public double getCustomerRunningKva() {
        return customerRunningKva;
    }

    /** CAPACITY or DEMAND (basic_charge_mode of the customer); null when empty. */
    public String getCustomerBasicChargeMode() {
        return customerBasicChargeMode;
    }

    /** The customer's contracted maximum demand (demand_kw); null when empty. */
    public Double getCustomerDemandKw() {
        return customerDemandKw;
    }

    /**
     * Maximum demand of the bill's period: the sum of max_demand_kw over the customer's readings of that
     * period (MISSED readings left out); null when none carries a value.
     */
    public Double getMaxDemandKw() {
        return maxDemandKw;
    }

    /**
     * energy_kwh priced with the applied tariff version, rounded to the cent: flat energy_price, or the
     * monthly tiers (up to tier1_limit_kwh at energy_price, up to tier2_limit_kwh at tier2_price, above at
     * tier3_price); null when no version is valid in the period.
     */
    public Double getExpectedEnergyCharge() {
        return expectedEnergyCharge;
    }

    /** abs(energy_charge - expected energy charge), to the cent; 0 when the tariff version is not found. */
    public double getEnergyChargeDifference() {
        return expectedEnergyCharge == null ? 0 : cents(Math.abs(energyCharge - expectedEnergyCharge));
    }

    /** basic_charge, 0 when empty. */
    public double getBasicChargeBilled() {
        return basicCharge == null ? 0 : basicCharge;
    }

    /** CAPACITY mode: running kVA x basic_price_kva, to the cent; null without a capacity price. */
    public Double getExpectedCapacityBasicCharge() {
        return appliedBasicPriceKva == null ? null : cents(customerRunningKva * appliedBasicPriceKva);
    }

    /** The demand the basic charge is billed on: max(max demand, floorShare x running kVA); null without max demand. */
    public Double billedDemandKw(double floorShare) {
        return maxDemandKw == null ? null : Math.max(maxDemandKw, floorShare * customerRunningKva);
    }

    /** demand_kw x toleranceShare: the demand up to which no surcharge applies; null without demand_kw. */
    public Double demandLimitKw(double toleranceShare) {
        return customerDemandKw == null
                ? null
                : BigDecimal.valueOf(customerDemandKw)
                        .multiply(BigDecimal.valueOf(toleranceShare))
                        .doubleValue();
    }

    /** The period's max demand is within toleranceShare x demand_kw (false when either is missing). */
    public boolean demandWithin(double toleranceShare) {
        return maxDemandKw != null && customerDemandKw != null && maxDemandKw <= demandLimitKw(toleranceShare);
    }

    /** Max demand above toleranceShare x demand_kw, 0 when within or when either is missing. */
    public double demandExcessKw(double toleranceShare) {
        Double limit = demandLimitKw(toleranceShare);
        return maxDemandKw == null || limit == null ? 0 : Math.max(0, maxDemandKw - limit);
    }

    /**
     * DEMAND mode: billed demand x basic_price_kw, plus the demand above toleranceShare x demand_kw once more
     * x (excessFactor - 1), to the cent; null without max demand or demand price.
     */
    public Double expectedDemandBasicCharge(double floorShare, double toleranceShare, double excessFactor) {
        Double demand = billedDemandKw(floorShare);
        if (demand == null || appliedBasicPriceKw == null) {
            return null;
        }
        return cents(demand * appliedBasicPriceKw
                + demandExcessKw(toleranceShare) * appliedBasicPriceKw * (excessFactor - 1));
    }

    /**
     * The basic charge by the customer's basic_charge_mode: CAPACITY {@link #getExpectedCapacityBasicCharge()},
     * DEMAND {@link #expectedDemandBasicCharge}; null for another mode or when it cannot be computed.
     */
    public Double expectedBasicCharge(double floorShare, double toleranceShare, double excessFactor) {
        if ("CAPACITY".equals(customerBasicChargeMode)) {
            return getExpectedCapacityBasicCharge();
        }
        if ("DEMAND".equals(customerBasicChargeMode)) {
            return expectedDemandBasicCharge(floorShare, toleranceShare, excessFactor);
        }
        return null;
    }

    /** abs(basic charge billed - {@link #expectedBasicCharge}), to the cent; 0 when it cannot be computed. */
    public double basicChargeDifference(double floorShare, double toleranceShare, double excessFactor) {
        Double expected = expectedBasicCharge(floorShare, toleranceShare, excessFactor);
        return expected == null ? 0 : cents(Math.abs(getBasicChargeBilled() - expected));
    }

    /** paid_on falls within the audited period. */
    public boolean isPaidInAuditedPeriod() {
        return paidInAuditedPeriod;
    }

    /** Calendar days from the day after due_on to paid_on (both inclusive); 0 when paid on time or unpaid. */
    public int getDaysLate() {
        return daysLate;
    }

    /** Of {@link #getDaysLate()}, the days after 31 December of the year of the bill's period (跨年度). */
    public int getDaysLateAfterYearEnd() {
        return daysLateAfterYearEnd;
    }

    /** late_fee_charged, 0 when empty. */
    public double getLateFeeChargedOrZero() {
        return lateFeeCharged == null ? 0 : lateFeeCharged;
    }

    /**
     * The late fee (违约金) due: total_amount x daily rate x days late, to the cent, at least minimumYuan;
     * residential customers pay residentialRate for every day, others rate for the days up to 31 December of
     * the bill's year and rateAfterYearEnd after it. 0 when not paid late.
     */
    public double expectedLateFee(double residentialRate, double rate, double rateAfterYearEnd, double minimumYuan) {
        if (daysLate <= 0) {
            return 0;
        }
        double fee = "RESIDENTIAL".equals(customerCategory)
                ? totalAmount * residentialRate * daysLate
                : totalAmount * (rate * (daysLate - daysLateAfterYearEnd) + rateAfterYearEnd * daysLateAfterYearEnd);
        return Math.max(minimumYuan, cents(fee));
    }

    /** abs(late fee charged - expected late fee), to the cent. */
    public double lateFeeDifference(double residentialRate, double rate, double rateAfterYearEnd, double minimumYuan) {
        return cents(Math.abs(
                getLateFeeChargedOrZero() - expectedLateFee(residentialRate, rate, rateAfterYearEnd, minimumYuan)));
    }

    // ---- power factor ----
    double customerContractKva;
    double meteredKwh;
    double reactiveKvarh;
    Double actualPf;

    /** The customer's contract_kva. */
    public double getCustomerContractKva() {
        return customerContractKva;
    }

    /** Metered kWh of the bill's period: consumption_kwh summed over the period's readings (MISSED left out). */
    public double getMeteredKwh() {
        return meteredKwh;
    }

    /** reactive_kvarh summed over the same readings (an empty value counts 0). */
    public double getReactiveKvarh() {
        return reactiveKvarh;
    }

    /** kWh / sqrt(kWh^2 + kvarh^2) of the period, rounded half-up to 2 decimals; null when the period has 0 kWh. */
    public Double getActualPf() {
        return actualPf;
    }

    /** pf_adjustment, 0 when empty. */
    public double getPfAdjustmentBilled() {
        return pfAdjustment == null ? 0 : pfAdjustment;
    }

    /** (energy_charge + basic_charge) x ratePercent / 100, to the cent: the power-factor adjustment due. */
    public double pfAdjustmentAt(double ratePercent) {
        return cents((energyCharge + getBasicChargeBilled()) * ratePercent / 100);
    }

    /**
     * The rounded power factor of a period: null when kWh is 0. Computed in double, which is exact enough
     * everywhere except right at a rounding edge (x.xx5): there the exact decimal computation decides, so the
     * result is always that of {@code kWh / sqrt(kWh^2 + kvarh^2)} in exact arithmetic rounded half-up, as the
     * SQL check computes it. The audit computes this for every bill; the double path keeps it cheap.
     */
    static Double actualPf(double kwh, double kvarh) {
        if (kwh == 0) {
            return null;
        }
        double hundredths = 100 * kwh / Math.sqrt(kwh * kwh + kvarh * kvarh);
        double fraction = hundredths - Math.floor(hundredths);
        if (Math.abs(fraction - 0.5) > 1e-6 && Double.isFinite(hundredths)) {
            return Math.floor(hundredths + 0.5) / 100;
        }
        return exactPf(kwh, kvarh);
    }

    static Double exactPf(double kwh, double kvarh) {
        MathContext mc = new MathContext(30);
        BigDecimal k = BigDecimal.valueOf(kwh);
        BigDecimal q = BigDecimal.valueOf(kvarh);
        BigDecimal apparent = k.pow(2).add(q.pow(2)).sqrt(mc);
        return k.divide(apparent, mc).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * Yuan rounded half-up to the cent, as {@code BigDecimal.valueOf(yuan).setScale(2, HALF_UP)} rounds: in
     * double where the direction is beyond doubt (called for every money figure of every bill), exactly near a
     * half cent or for very large amounts.
     */
    static double cents(double yuan) {
        double hundredths = yuan * 100;
        double fraction = Math.abs(hundredths - Math.rint(hundredths));
        if (Math.abs(hundredths) < 1e9 && Math.abs(fraction - 0.5) > 1e-6) {
            return Math.rint(hundredths) / 100;
        }
        return exactCents(yuan);
    }

    static double exactCents(double yuan) {
        return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
