package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One customer and how its 14 months unfold: meters, planned monthly energy, read types, capacity changes,
 * payment behaviour. {@link HistoryBuilder} turns a plan into readings and bills; planted cases change the
 * plan before that (e.g. zero energy) or the rows after it (e.g. a wrong tariff on one bill).
 */
final class CustomerPlan {

    /** How a bill gets paid. */
    enum Payment {
        ON_TIME,
        LATE,
        LATE_WAIVED,
        PREPAID,
        UNPAID
    }

    final Batch.Customer customer;
    final List<MeterPlan> meters = new ArrayList<>();
    /** Planned energy of the customer per period (kWh), before register rounding. */
    final Map<YearMonth, BigDecimal> plannedKwh = new TreeMap<>();
    /** Capacity in force from a period on: {contract_kva, running_kva}. */
    final TreeMap<YearMonth, BigDecimal[]> capacity = new TreeMap<>();

    final Map<YearMonth, String> readTypes = new HashMap<>();
    final Set<YearMonth> unbilled = new HashSet<>();
    final Map<YearMonth, Payment> payments = new HashMap<>();
    final Map<YearMonth, Integer> daysLate = new HashMap<>();
    final Map<YearMonth, BigDecimal> pfTargets = new HashMap<>();
    final Map<YearMonth, BigDecimal> maxDemandOverride = new HashMap<>();
    String defaultReadType = "REMOTE";
    /** Target power factor (2 decimals) for customers whose energy carries reactive readings. */
    BigDecimal pfTarget;

    YearMonth firstPeriod;
    YearMonth lastPeriod;
    LocalDate lastReadOn;
    String preferredChannel = "ONLINE";
    boolean important;

    CustomerPlan(Batch.Customer customer) {
        this.customer = customer;
    }

    BigDecimal[] capacityIn(YearMonth period) {
        Map.Entry<YearMonth, BigDecimal[]> e = capacity.floorEntry(period);
        if (e == null) {
            BigDecimal running = customer.runningKva != null ? customer.runningKva : customer.contractKva;
            return new BigDecimal[] {customer.contractKva, running};
        }
        return e.getValue();
    }

    boolean needsDemandAndReactive() {
        return customer.contractKva.compareTo(new BigDecimal("100")) >= 0;
    }

    MeterPlan mainMeter() {
        return meters.get(0);
    }

    /** A meter of this customer and how its register runs. */
    static final class MeterPlan {
        final Batch.Meter meter;
        BigDecimal startValue;
        /** Register digits for rollover (0 = never wraps within the window). */
        int digits;
        /** Share of the customer's energy on this meter. */
        BigDecimal share = BigDecimal.ONE;

        YearMonth firstPeriod;
        YearMonth lastPeriod;
        /** A new register start value from a period on (device replaced in that period). */
        final Map<YearMonth, BigDecimal> restartValues = new HashMap<>();
        /** Multiplier used on the reading when it differs from the meter's (MET-02). */
        final Map<YearMonth, BigDecimal> readingMultiplier = new HashMap<>();

        MeterPlan(Batch.Meter meter) {
            this.meter = meter;
        }
    }
}
