package org.jicha.facts;

import java.time.LocalDate;

/** A meter reading (抄表记录) of the audited period, with what the rules compare it against. */
public final class ReadingFact implements AuditSubject {

    String meterId;
    String customerNo;
    String stationCode;
    String period;
    LocalDate readOn;
    double previousValue;
    double currentValue;
    double multiplier;
    double consumptionKwh;
    String readType;
    String readerId;
    Double maxDemandKw;
    Double reactiveKvarh;
    // derived
    double meterMultiplier;
    boolean replacementInPeriod;
    double registerCapacity;
    Double precedingCurrentValue;
    boolean customerActive;
    LocalDate customerClosedOn;
    LocalDate meterRemovedOn;

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.READING;
    }

    @Override
    public String getSubjectId() {
        return meterId + ":" + period;
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

    public String getMeterId() {
        return meterId;
    }

    public LocalDate getReadOn() {
        return readOn;
    }

    public double getPreviousValue() {
        return previousValue;
    }

    public double getCurrentValue() {
        return currentValue;
    }

    public double getMultiplier() {
        return multiplier;
    }

    public double getConsumptionKwh() {
        return consumptionKwh;
    }

    public String getReadType() {
        return readType;
    }

    public String getReaderId() {
        return readerId;
    }

    public Double getMaxDemandKw() {
        return maxDemandKw;
    }

    public Double getReactiveKvarh() {
        return reactiveKvarh;
    }

    /** The multiplier on the meter's record (计量点综合倍率). */
    public double getMeterMultiplier() {
        return meterMultiplier;
    }

    /** A REPLACEMENT event of this meter falls within the reading's period. */
    public boolean isReplacementInPeriod() {
        return replacementInPeriod;
    }

    /** 10^digits, digits = length of the integer part of the largest register value seen on the meter. */
    public double getRegisterCapacity() {
        return registerCapacity;
    }

    /** current_value of the meter's preceding period; null when there is none. */
    public Double getPrecedingCurrentValue() {
        return precedingCurrentValue;
    }

    /** current - previous, corrected for one register rollover when current is lower. */
    public double getRegisterAdvance() {
        double delta = currentValue - previousValue;
        return delta < 0 ? delta + registerCapacity : delta;
    }

    /** The consumption the register values give: register advance x multiplier (rollover-corrected). */
    public double getExpectedConsumptionKwh() {
        return getRegisterAdvance() * multiplier;
    }

    public boolean isCustomerActive() {
        return customerActive;
    }

    public LocalDate getCustomerClosedOn() {
        return customerClosedOn;
    }

    public LocalDate getMeterRemovedOn() {
        return meterRemovedOn;
    }

    public LocalDate getPeriodStart() {
        return Periods.start(period);
    }

    // the preceding reading, and a meter replaced since
    String precedingPeriod;
    boolean replacementSincePrecedingRead;

    /** Period of the meter's preceding reading; null when there is none. */
    public String getPrecedingPeriod() {
        return precedingPeriod;
    }

    /**
     * A REPLACEMENT event of this meter between the preceding reading and this one: from the earlier of the
     * preceding read_on and this period's first day, to the later of this read_on and this period's last day.
     */
    public boolean isReplacementSincePrecedingRead() {
        return replacementSincePrecedingRead;
    }

    /**
     * The register went backwards from a value at or above {@code rolloverShare} of the register capacity:
     * read as one rollover.
     */
    public boolean isRollover(double rolloverShare) {
        return currentValue < previousValue && previousValue >= registerCapacity * rolloverShare;
    }

    /**
     * (current - previous) x multiplier, plus the register capacity only when the drop reads as a rollover; a
     * register that went backwards otherwise gives a negative value.
     */
    public double expectedConsumptionKwh(double rolloverShare) {
        double advance = currentValue - previousValue;
        if (isRollover(rolloverShare)) {
            advance += registerCapacity;
        }
        return advance * multiplier;
    }

    /** abs(consumption_kwh - expectedConsumptionKwh(rolloverShare)). */
    public double consumptionDeviationKwh(double rolloverShare) {
        return Math.abs(consumptionKwh - expectedConsumptionKwh(rolloverShare));
    }

    /**
     * abs(previous_value - the preceding reading's current_value), rounded to 6 decimals so that binary noise
     * (1100.005 - 1100 = 0.00500000000011) does not decide a comparison; 0 when there is no preceding reading.
     */
    public double getRegisterGap() {
        if (precedingCurrentValue == null) {
            return 0.0;
        }
        return Math.round(Math.abs(previousValue - precedingCurrentValue) * 1e6) / 1e6;
    }
}
