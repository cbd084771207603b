package org.jicha.facts;

import java.time.LocalDate;

/**
 * A bill (应收电费) with the customer's contracted terms and the tariff version it was priced with, so
 * that pricing rules compare within one fact.
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
}
