package org.jicha.facts;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.Meter;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;

/**
 * Builds a {@link ReadingFact} for an audited reading: the reading with its meter's multiplier and register
 * capacity, the preceding reading's value and period, and whether the meter was replaced in the period or since
 * the preceding reading.
 */
final class ReadingFacts {

    private ReadingFacts() {}

    static ReadingFact of(
            Customer c, Meter m, Reading r, Reading preceding, List<Reading> meterReadings, List<MeterEvent> events) {
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
        f.replacementInPeriod = events.stream()
                .anyMatch(e -> "REPLACEMENT".equals(e.kind())
                        && !e.occurredOn().isBefore(start)
                        && !e.occurredOn().isAfter(end));
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

    /** The preceding reading's period, and whether the meter was replaced since that reading. */
    private static void continuity(ReadingFact f, Reading r, Reading preceding, List<MeterEvent> events) {
        if (preceding == null) {
            return;
        }
        f.precedingPeriod = preceding.period();
        LocalDate start = Periods.start(r.period());
        LocalDate end = Periods.end(r.period());
        LocalDate from = preceding.readOn().isBefore(start) ? preceding.readOn() : start;
        LocalDate to = r.readOn().isAfter(end) ? r.readOn() : end;
        f.replacementSincePrecedingRead = events.stream()
                .anyMatch(e -> "REPLACEMENT".equals(e.kind())
                        && !e.occurredOn().isBefore(from)
                        && !e.occurredOn().isAfter(to));
    }
}
