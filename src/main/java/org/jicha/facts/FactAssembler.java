package org.jicha.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jicha.facts.StoredRecords.Application;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.Inspection;
import org.jicha.facts.StoredRecords.Meter;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;
import org.jicha.facts.StoredRecords.Tariff;

/**
 * Turns one customer's stored records into the facts the rules see, computing the derived history once, before
 * rules run. Each kind of fact has its own assembler ({@link CustomerFacts}, {@link MeterFacts},
 * {@link ReadingFacts}, {@link BillFacts}, {@link InspectionFacts}, {@link ApplicationFacts}); pricing lives with
 * the tariffs ({@link TariffCatalogue}). Stateless apart from the tariff catalogue; thread-safe.
 */
public final class FactAssembler {

    /** Periods of history the rules may look at: 12 before the audited one, and the same month last year. */
    public static final int HISTORY_PERIODS = 13;

    private final CustomerFacts customers;
    private final BillFacts bills;

    public FactAssembler(List<Tariff> tariffs) {
        TariffCatalogue catalogue = new TariffCatalogue(tariffs);
        this.customers = new CustomerFacts(catalogue);
        this.bills = new BillFacts(catalogue);
    }

    /** The earliest period whose readings and bills the assembler needs for an audited period. */
    public static String firstHistoryPeriod(AuditContext ctx) {
        return ctx.auditedMonth().minusMonths(HISTORY_PERIODS).toString();
    }

    /**
     * The facts of one bundle, in this order: the customer, each meter followed by its audited readings, the bills
     * and their check facts, the inspections, then the applications.
     */
    public List<Object> assemble(CustomerBundle bundle, AuditContext ctx) {
        List<Object> facts = new ArrayList<>();
        Customer customer = bundle.customer();
        Map<String, List<Reading>> readingsByMeter = new HashMap<>();
        for (Reading r : bundle.readings()) {
            readingsByMeter.computeIfAbsent(r.meterId(), k -> new ArrayList<>()).add(r);
        }
        readingsByMeter.values().forEach(list -> list.sort(Comparator.comparing(Reading::period)));
        Map<String, List<MeterEvent>> eventsByMeter = new HashMap<>();
        for (MeterEvent e : bundle.meterEvents()) {
            eventsByMeter.computeIfAbsent(e.meterId(), k -> new ArrayList<>()).add(e);
        }
        String firstBillPeriod =
                bundle.bills().stream().map(Bill::period).min(String::compareTo).orElse(null);

        if (customer != null) {
            facts.add(customers.of(bundle, ctx));
            for (Meter m : bundle.meters()) {
                List<Reading> readings = readingsByMeter.getOrDefault(m.meterId(), List.of());
                List<MeterEvent> events = eventsByMeter.getOrDefault(m.meterId(), List.of());
                facts.add(MeterFacts.of(customer, m, readings, events, ctx));
                for (int i = 0; i < readings.size(); i++) {
                    Reading r = readings.get(i);
                    if (r.period().equals(ctx.getAuditedPeriod())) {
                        Reading preceding = i > 0 ? readings.get(i - 1) : null;
                        facts.add(ReadingFacts.of(customer, m, r, preceding, readings, events));
                    }
                }
            }
            facts.addAll(bills.of(bundle, ctx));
            for (Inspection i : bundle.inspections()) {
                facts.add(InspectionFacts.of(customer, bundle.important() != null, i));
            }
            MeterFacts.shareCustomerPeriodKwh(facts);
        }
        for (Application a : bundle.applications()) {
            facts.add(ApplicationFacts.of(a, bundle, firstBillPeriod, ctx));
        }
        return facts;
    }
}
