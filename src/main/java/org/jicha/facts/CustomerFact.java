package org.jicha.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;

/**
 * A customer account (用户档案) with its important-customer record and derived consumption history:
 * the audited period's consumption summed over its meters, the 12 periods before it, the same month
 * last year, the zero-consumption streak, and its recent applications.
 *
 * <p>Long because it is part of the fact model: one documented field per thing a rule reads about a
 * customer (docs/FACTS.md); no logic beyond small derived values.
 */
public final class CustomerFact implements AuditSubject {

    /** An application of the customer, as the customer rules see it. */
    public record ApplicationBrief(
            String appNo, String appType, String status, LocalDate acceptedOn, LocalDate archivedOn) {}

    String customerNo;
    String customerName;
    String category;
    double voltageKv;
    String tariffCode;
    double contractKva;
    Double runningKvaRecorded;
    String status;
    String stationCode;
    Integer readingDay;
    String readerId;
    LocalDate openedOn;
    LocalDate closedOn;
    String tradeCode;
    LocalDate temporaryUntil;
    Integer inspectionCycleMonths;
    String basicChargeMode;
    Double demandKw;
    Double fixedRatioPct;
    Double fixedDeductionKwh;
    LocalDate fixedApprovedOn;
    // important customer
    String importantGrade;
    Integer supplySources;
    boolean selfGenerator;
    LocalDate guaranteePlanOn;
    LocalDate reportedToAuthorityOn;
    // derived
    String auditedPeriod;
    SortedMap<String, Double> consumptionByPeriod = Collections.emptySortedMap();
    Double periodKwh;
    Double historyAverageKwh;
    int historyMonths;
    Double sameMonthLastYearKwh;
    int zeroStreak;
    String zeroStreakFrom;
    LocalDate lastInspectionOn;
    int inServiceMeters;
    List<ApplicationBrief> applications = List.of();

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.CUSTOMER;
    }

    @Override
    public String getSubjectId() {
        return customerNo;
    }

    @Override
    public String getCustomerNo() {
        return customerNo;
    }

    @Override
    public String getStationCode() {
        return stationCode;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCategory() {
        return category;
    }

    public double getVoltageKv() {
        return voltageKv;
    }

    public String getTariffCode() {
        return tariffCode;
    }

    public double getContractKva() {
        return contractKva;
    }

    /** 运行容量: running_kva, or contract_kva when empty. */
    public double getRunningKva() {
        return runningKvaRecorded != null ? runningKvaRecorded : contractKva;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public Integer getReadingDay() {
        return readingDay;
    }

    public String getReaderId() {
        return readerId;
    }

    public LocalDate getOpenedOn() {
        return openedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getTradeCode() {
        return tradeCode;
    }

    public LocalDate getTemporaryUntil() {
        return temporaryUntil;
    }

    public Integer getInspectionCycleMonths() {
        return inspectionCycleMonths;
    }

    public String getBasicChargeMode() {
        return basicChargeMode;
    }

    public Double getDemandKw() {
        return demandKw;
    }

    public Double getFixedRatioPct() {
        return fixedRatioPct;
    }

    public Double getFixedDeductionKwh() {
        return fixedDeductionKwh;
    }

    public LocalDate getFixedApprovedOn() {
        return fixedApprovedOn;
    }

    /** On the important-customer list (重要客户). */
    public boolean isImportant() {
        return importantGrade != null;
    }

    /** SPECIAL, FIRST, SECOND or TEMPORARY; null when not an important customer. */
    public String getImportantGrade() {
        return importantGrade;
    }

    public Integer getSupplySources() {
        return supplySources;
    }

    public boolean isSelfGenerator() {
        return selfGenerator;
    }

    public LocalDate getGuaranteePlanOn() {
        return guaranteePlanOn;
    }

    public LocalDate getReportedToAuthorityOn() {
        return reportedToAuthorityOn;
    }

    public String getAuditedPeriod() {
        return auditedPeriod;
    }

    /**
     * Consumption per period up to the audited one (sum over the customer's meters); a period without readings
     * is absent, and MISSED readings count as no reading.
     */
    public SortedMap<String, Double> getConsumptionByPeriod() {
        return Collections.unmodifiableSortedMap(consumptionByPeriod);
    }

    /** Consumption of the audited period; null when no meter has a reading for it. */
    public Double getPeriodKwh() {
        return periodKwh;
    }

    /** Average over the periods with a value among the 12 before the audited period; null when none. */
    public Double getHistoryAverageKwh() {
        return historyAverageKwh;
    }

    /** How many of the 12 periods before the audited one have a value. */
    public int getHistoryMonths() {
        return historyMonths;
    }

    /** Consumption of the audited month one year earlier; null when none. */
    public Double getSameMonthLastYearKwh() {
        return sameMonthLastYearKwh;
    }

    /** Consecutive periods with zero consumption ending at the audited period (a period without value ends it). */
    public int getZeroStreak() {
        return zeroStreak;
    }

    /** The first period of the zero streak; null when the streak is 0. */
    public String getZeroStreakFrom() {
        return zeroStreakFrom;
    }

    /** The first day of the zero streak; null when the streak is 0. */
    public LocalDate getZeroStreakStart() {
        return zeroStreakFrom == null ? null : Periods.start(zeroStreakFrom);
    }

    /** The periods of the zero streak with their consumption, as evidence text. */
    public String getZeroStreakEvidence() {
        if (zeroStreakFrom == null) {
            return "";
        }
        StringJoiner joiner = new StringJoiner(", ");
        for (Map.Entry<String, Double> e :
                consumptionByPeriod.tailMap(zeroStreakFrom).entrySet()) {
            joiner.add(e.getKey());
        }
        return joiner.toString();
    }

    /** inspected_on of the latest inspection; null when never inspected. */
    public LocalDate getLastInspectionOn() {
        return lastInspectionOn;
    }

    public int getInServiceMeters() {
        return inServiceMeters;
    }

    public List<ApplicationBrief> getApplications() {
        return Collections.unmodifiableList(applications);
    }

    /**
     * Whether an application of one of {@code types} (comma-separated), not CANCELLED, was accepted
     * between {@code from} and {@code to}, both inclusive.
     */
    public boolean hasApplicationAccepted(String types, LocalDate from, LocalDate to) {
        List<String> wanted = List.of(types.split("\\s*,\\s*"));
        for (ApplicationBrief app : applications) {
            if (!"CANCELLED".equals(app.status())
                    && wanted.contains(app.appType())
                    && !app.acceptedOn().isBefore(from)
                    && !app.acceptedOn().isAfter(to)) {
                return true;
            }
        }
        return false;
    }

    // ---- derived: meters on the account ----
    int meterCount;

    /** Meter records of the customer, whatever their status. */
    public int getMeterCount() {
        return meterCount;
    }

    // unpaid bills, records after closing
    int unpaidBills;
    String oldestUnpaidBillNo;
    String oldestUnpaidPeriod;
    LocalDate oldestUnpaidDueOn;
    Double oldestUnpaidOutstanding;
    String firstPeriodAfterClosing;
    String recordsAfterClosing;

    /** abs(periodKwh - historyAverageKwh) / historyAverageKwh; null when either is missing or the average is 0. */
    public Double getHistoryDeviationShare() {
        return relativeDeviation(periodKwh, historyAverageKwh);
    }

    /** abs(periodKwh - sameMonthLastYearKwh) / sameMonthLastYearKwh; null when either is missing or that month is 0. */
    public Double getSameMonthDeviationShare() {
        return relativeDeviation(periodKwh, sameMonthLastYearKwh);
    }

    private static Double relativeDeviation(Double value, Double reference) {
        if (value == null || reference == null || reference == 0.0) {
            return null;
        }
        return Math.abs(value - reference) / reference;
    }

    /** Bills unpaid at the as-of date (no paid_on, paid_on after the as-of date, or paid_amount below total_amount). */
    public int getUnpaidBills() {
        return unpaidBills;
    }

    /** bill_no of the unpaid bill with the earliest due_on; null when every bill is paid. */
    public String getOldestUnpaidBillNo() {
        return oldestUnpaidBillNo;
    }

    public String getOldestUnpaidPeriod() {
        return oldestUnpaidPeriod;
    }

    /** due_on of the unpaid bill with the earliest due_on; null when every bill is paid. */
    public LocalDate getOldestUnpaidDueOn() {
        return oldestUnpaidDueOn;
    }

    /** What is still owed on that bill: total_amount minus paid_amount (the whole total when nothing was paid). */
    public Double getOldestUnpaidOutstanding() {
        return oldestUnpaidOutstanding;
    }

    /** The earliest period starting after closed_on that has a bill or a reading; null when none (or not closed). */
    public String getFirstPeriodAfterClosing() {
        return firstPeriodAfterClosing;
    }

    /** Those bills and readings as evidence text, e.g. {@code 账单 B1（2026-10）、抄表 M1:2026-10}. */
    public String getRecordsAfterClosing() {
        return recordsAfterClosing;
    }

    // ---- derived: contract tariff, maximum demand, meter replacements, pauses ----
    boolean contractTariffFound;
    boolean contractTariffTwoPart;
    SortedMap<String, Double> maxDemandByPeriod = Collections.emptySortedMap();
    List<LocalDate> meterReplacementDates = List.of();
    Integer shortestEndedPauseDays;
    LocalDate shortestEndedPauseFrom;
    LocalDate shortestEndedPauseTo;
    int mostPauseDaysInAYear;
    Integer mostPauseDaysYear;

    /** A version of the contracted tariff is valid on the as-of date (else in the audited period). */
    public boolean isContractTariffFound() {
        return contractTariffFound;
    }

    /** The contracted tariff's version has a basic price (basic_price_kva or basic_price_kw): two-part. */
    public boolean isContractTariffTwoPart() {
        return contractTariffTwoPart;
    }

    /**
     * Maximum demand per period up to the audited one: the sum of max_demand_kw over the customer's meters'
     * readings of the period that carry one (MISSED readings left out); absent when none does.
     */
    public SortedMap<String, Double> getMaxDemandByPeriod() {
        return Collections.unmodifiableSortedMap(maxDemandByPeriod);
    }

    /** The last {@code count} periods ending with the audited one, oldest first. */
    public List<String> lastPeriods(int count) {
        List<String> periods = new ArrayList<>();
        for (int back = count - 1; back >= 0; back--) {
            periods.add(Periods.minus(auditedPeriod, back));
        }
        return periods;
    }

    /**
     * The lowest maximum demand among the last {@code count} periods ending with the audited one; null when
     * one of them has no maximum demand (so "above X in every one of them" reads as lowest > X).
     */
    public Double lowestMaxDemandOfLast(int count) {
        Double lowest = null;
        for (String p : lastPeriods(count)) {
            Double v = maxDemandByPeriod.get(p);
            if (v == null) {
                return null;
            }
            lowest = lowest == null ? v : Math.min(lowest, v);
        }
        return lowest;
    }

    /**
     * Average consumption of {@code count} periods ending {@code skip} periods before the audited one (skip 0:
     * ending with it); periods without value are left out; null when none has a value.
     */
    public Double averageKwh(int skip, int count) {
        double[] byBack = kwhByMonthsBack();
        double sum = 0;
        int months = 0;
        for (int back = skip; back < skip + count; back++) {
            Double v = back >= 0 && back < byBack.length
                    ? (Double.isNaN(byBack[back]) ? null : byBack[back])
                    : consumptionByPeriod.get(Periods.minus(auditedPeriod, back));
            if (v != null) {
                sum += v;
                months++;
            }
        }
        return months == 0 ? null : sum / months;
    }

    private static final int MONTHS_BACK_KEPT = 64;
    private double[] kwhByMonthsBack;

    /**
     * Consumption by months before the audited period (index 0: the audited one; NaN: no value), made once per
     * fact: the usage rules ask for averages over the same history several times per customer.
     */
    private double[] kwhByMonthsBack() {
        double[] byBack = kwhByMonthsBack;
        if (byBack == null) {
            byBack = new double[MONTHS_BACK_KEPT];
            Arrays.fill(byBack, Double.NaN);
            for (Map.Entry<String, Double> e : consumptionByPeriod.entrySet()) {
                int back = Periods.monthsBetween(e.getKey(), auditedPeriod);
                if (back >= 0 && back < MONTHS_BACK_KEPT && e.getValue() != null) {
                    byBack[back] = e.getValue();
                }
            }
            kwhByMonthsBack = byBack;
        }
        return byBack;
    }

    /** The first day of the earliest of the last {@code count} periods ending with the audited one. */
    public LocalDate firstDayOfLastPeriods(int count) {
        return Periods.start(Periods.minus(auditedPeriod, count - 1));
    }

    /** Dates of the REPLACEMENT events of the customer's meters. */
    public List<LocalDate> getMeterReplacementDates() {
        return Collections.unmodifiableList(meterReplacementDates);
    }

    /** Whether a meter of the customer had a REPLACEMENT event between {@code from} and {@code to}, both inclusive. */
    public boolean hasMeterReplacementBetween(LocalDate from, LocalDate to) {
        return meterReplacementDates.stream().anyMatch(d -> !d.isBefore(from) && !d.isAfter(to));
    }

    /**
     * Days of the shortest pause that has ended: from an ARCHIVED PAUSE application's archived date to the
     * accepted date of the next RESUME application (not CANCELLED); null when no pause has ended.
     */
    public Integer getShortestEndedPauseDays() {
        return shortestEndedPauseDays;
    }

    public LocalDate getShortestEndedPauseFrom() {
        return shortestEndedPauseFrom;
    }

    public LocalDate getShortestEndedPauseTo() {
        return shortestEndedPauseTo;
    }

    /**
     * The most paused days within one calendar year (each day counted once, a pause still running counted up
     * to the as-of date); 0 when never paused.
     */
    public int getMostPauseDaysInAYear() {
        return mostPauseDaysInAYear;
    }

    /** The calendar year of {@link #getMostPauseDaysInAYear()}; null when never paused. */
    public Integer getMostPauseDaysYear() {
        return mostPauseDaysYear;
    }

    /**
     * The inspection cycle in months: inspection_cycle_months when recorded, else the default by voltage
     * ({@code hvMonths} at or above {@code hvKv}, {@code mvMonths} at or above {@code mvKv}, else {@code lvMonths}).
     */
    public int inspectionCycleMonthsOr(double hvKv, int hvMonths, double mvKv, int mvMonths, int lvMonths) {
        if (inspectionCycleMonths != null) {
            return inspectionCycleMonths;
        }
        return voltageKv >= hvKv ? hvMonths : voltageKv >= mvKv ? mvMonths : lvMonths;
    }

    /**
     * The date by which the next inspection is due: the latest inspection (or, never inspected, the opening
     * date) plus {@code cycleMonths} months.
     */
    public LocalDate inspectionDueOn(int cycleMonths) {
        LocalDate from = lastInspectionOn != null ? lastInspectionOn : openedOn;
        return from.plusMonths(cycleMonths);
    }
}
