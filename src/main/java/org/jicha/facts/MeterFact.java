package org.jicha.facts;

import java.time.LocalDate;

/**
 * An energy meter / metering point (电能表/计量点) with its customer and its recent readings and events.
 *
 * <p>Long because it is part of the fact model: one documented field per thing a metering rule reads
 * (docs/FACTS.md).
 */
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

    // ---- derived: the customer's capacity, tests, out-of-tolerance results, faults, seal changes ----
    double customerContractKva;
    double customerVoltageKv;
    Double customerPeriodKwh;
    LocalDate lastTestOn;
    boolean fieldTestSinceInstallation;
    String outOfToleranceTestNo;
    LocalDate outOfToleranceTestOn;
    Double outOfToleranceErrorPct;
    Double accuracyLimitPct;
    int outOfToleranceUnreplacedWd = -1;
    LocalDate outOfToleranceReplacedOn;
    String slowestFaultNo;
    LocalDate slowestFaultOn;
    LocalDate slowestFaultResolvedOn;
    int slowestFaultWd = -1;
    String sealChangeWithoutWorkOrderNo;

    /** The customer's contract_kva. */
    public double getCustomerContractKva() {
        return customerContractKva;
    }

    /** The customer's supply voltage in kV. */
    public double getCustomerVoltageKv() {
        return customerVoltageKv;
    }

    /** The customer's consumption of the audited period (sum over its meters); null when it has no value. */
    public Double getCustomerPeriodKwh() {
        return customerPeriodKwh;
    }

    /** The later of the latest FIELD_TEST event and last_verified_on; null when neither. */
    public LocalDate getLastTestOn() {
        return lastTestOn;
    }

    /** Whether a FIELD_TEST event falls on or after installed_on. */
    public boolean isFieldTestSinceInstallation() {
        return fieldTestSinceInstallation;
    }

    /** event_no of the out-of-tolerance FIELD_TEST that waited longest for a REPLACEMENT; null when none. */
    public String getOutOfToleranceTestNo() {
        return outOfToleranceTestNo;
    }

    public LocalDate getOutOfToleranceTestOn() {
        return outOfToleranceTestOn;
    }

    public Double getOutOfToleranceErrorPct() {
        return outOfToleranceErrorPct;
    }

    /** The permitted error in % implied by the accuracy class (0.5S -> 0.5, 2 -> 2); null when not numeric. */
    public Double getAccuracyLimitPct() {
        return accuracyLimitPct;
    }

    /**
     * wd from that FIELD_TEST to the first REPLACEMENT on or after it, or to the as-of date while none;
     * -1 when no FIELD_TEST is out of tolerance.
     */
    public int getOutOfToleranceUnreplacedWd() {
        return outOfToleranceUnreplacedWd;
    }

    /** The REPLACEMENT that ended it; null while none. */
    public LocalDate getOutOfToleranceReplacedOn() {
        return outOfToleranceReplacedOn;
    }

    /** event_no of the FAULT that took the most wd to resolve (open: up to the as-of date); null when none. */
    public String getSlowestFaultNo() {
        return slowestFaultNo;
    }

    public LocalDate getSlowestFaultOn() {
        return slowestFaultOn;
    }

    /** Its resolved_on; null while unresolved. */
    public LocalDate getSlowestFaultResolvedOn() {
        return slowestFaultResolvedOn;
    }

    /** wd from its occurred_on to resolved_on (or the as-of date); -1 when the meter has no FAULT. */
    public int getSlowestFaultWd() {
        return slowestFaultWd;
    }

    /** event_no of the latest SEAL_CHANGE without a work order; null when none. */
    public String getSealChangeWithoutWorkOrderNo() {
        return sealChangeWithoutWorkOrderNo;
    }

    /**
     * The metering class (DL/T 448) the customer requires: I, II, III by contract kVA or the audited period's
     * kWh (either at or above the class's minimum), else V for a single-phase customer (voltage at or below
     * {@code singlePhaseMaxKv}) and IV for the others.
     */
    public String impliedMeteringClass(
            double minKvaI,
            double minKwhI,
            double minKvaII,
            double minKwhII,
            double minKvaIII,
            double minKwhIII,
            double singlePhaseMaxKv) {
        double kwh = customerPeriodKwh == null ? 0 : customerPeriodKwh;
        if (customerContractKva >= minKvaI || kwh >= minKwhI) {
            return "I";
        }
        if (customerContractKva >= minKvaII || kwh >= minKwhII) {
            return "II";
        }
        if (customerContractKva >= minKvaIII || kwh >= minKwhIII) {
            return "III";
        }
        return customerVoltageKv <= singlePhaseMaxKv ? "V" : "IV";
    }

    /** Rank of a metering class, I = 1 (most demanding) .. V = 5; 0 when empty or unknown. */
    public static int classRank(String meteringClass) {
        if (meteringClass == null) {
            return 0;
        }
        return switch (meteringClass.strip()) {
            case "I" -> 1;
            case "II" -> 2;
            case "III" -> 3;
            case "IV" -> 4;
            case "V" -> 5;
            default -> 0;
        };
    }

    /** Rank of an accuracy class from finest to coarsest: 0.2S 1, 0.2 2, 0.5S 3, 0.5 4, 1 5, 2 6; 0 when unknown. */
    public static int accuracyRank(String accuracyClass) {
        if (accuracyClass == null) {
            return 0;
        }
        return switch (accuracyClass.strip().toUpperCase()) {
            case "0.2S" -> 1;
            case "0.2" -> 2;
            case "0.5S" -> 3;
            case "0.5" -> 4;
            case "1", "1.0" -> 5;
            case "2", "2.0" -> 6;
            default -> 0;
        };
    }

    /** The permitted error in % of an accuracy class: its number (0.5S -> 0.5); null when not a number. */
    static Double accuracyLimit(String accuracyClass) {
        if (accuracyClass == null) {
            return null;
        }
        String n = accuracyClass.strip().toUpperCase();
        if (n.endsWith("S")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
