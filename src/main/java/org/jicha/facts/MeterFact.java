package org.jicha.facts;

import java.time.LocalDate;

/** An energy meter / metering point (电能表/计量点) with its customer and its recent readings and events. */
public final class MeterFact implements AuditSubject {

    String meterId;
    String customerNo;
    String stationCode;
    String meterKind;
    String meteringClass;
    String accuracyClass;
    double ctRatio;
    double ptRatio;
    double multiplier;
    LocalDate installedOn;
    LocalDate lastVerifiedOn;
    LocalDate rotationDueOn;
    String sealNo;
    String status;
    LocalDate removedOn;
    // derived
    boolean customerActive;
    String customerCategory;
    LocalDate customerOpenedOn;
    String auditedReadType;
    String precedingReadType;
    LocalDate lastActualReadOn;
    LocalDate lastFieldTestOn;
    String firstPeriodReadAfterRemoval;
    int sealChangesWithoutWorkOrder;
    String sealChangeWithoutWorkOrderOn;

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.METER;
    }

    @Override
    public String getSubjectId() {
        return meterId;
    }

    @Override
    public String getCustomerNo() {
        return customerNo;
    }

    @Override
    public String getStationCode() {
        return stationCode;
    }

    public String getMeterId() {
        return meterId;
    }

    public String getMeterKind() {
        return meterKind;
    }

    public String getMeteringClass() {
        return meteringClass;
    }

    public String getAccuracyClass() {
        return accuracyClass;
    }

    /** In-use CT ratio as a number (100/5 -> 20); 1 when empty. */
    public double getCtRatio() {
        return ctRatio;
    }

    /** In-use PT ratio as a number (10000/100 -> 100); 1 when empty. */
    public double getPtRatio() {
        return ptRatio;
    }

    public double getMultiplier() {
        return multiplier;
    }

    /** ct_ratio x pt_ratio: what the multiplier should be. */
    public double getExpectedMultiplier() {
        return ctRatio * ptRatio;
    }

    /** |multiplier - ct_ratio x pt_ratio|. */
    public double getMultiplierDeviation() {
        return Math.abs(multiplier - getExpectedMultiplier());
    }

    public LocalDate getInstalledOn() {
        return installedOn;
    }

    public LocalDate getLastVerifiedOn() {
        return lastVerifiedOn;
    }

    public LocalDate getRotationDueOn() {
        return rotationDueOn;
    }

    public String getSealNo() {
        return sealNo;
    }

    public String getStatus() {
        return status;
    }

    public boolean isInService() {
        return "IN_SERVICE".equals(status);
    }

    public LocalDate getRemovedOn() {
        return removedOn;
    }

    public boolean isCustomerActive() {
        return customerActive;
    }

    public String getCustomerCategory() {
        return customerCategory;
    }

    public LocalDate getCustomerOpenedOn() {
        return customerOpenedOn;
    }

    /** read_type of the audited period's reading; null when the meter has no reading for it. */
    public String getAuditedReadType() {
        return auditedReadType;
    }

    /** read_type of the period before the audited one; null when none. */
    public String getPrecedingReadType() {
        return precedingReadType;
    }

    /** read_on of the latest ACTUAL or REMOTE reading up to the as-of date; null when none. */
    public LocalDate getLastActualReadOn() {
        return lastActualReadOn;
    }

    /** occurred_on of the latest FIELD_TEST event; null when none. */
    public LocalDate getLastFieldTestOn() {
        return lastFieldTestOn;
    }

    /** The first period read after the meter's removed_on; null when none. */
    public String getFirstPeriodReadAfterRemoval() {
        return firstPeriodReadAfterRemoval;
    }

    /** SEAL_CHANGE events without a work_order_no. */
    public int getSealChangesWithoutWorkOrder() {
        return sealChangesWithoutWorkOrder;
    }

    /** occurred_on of the latest SEAL_CHANGE without a work order, as text for evidence. */
    public String getSealChangeWithoutWorkOrderOn() {
        return sealChangeWithoutWorkOrderOn;
    }
}
