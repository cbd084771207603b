package org.jicha.reports;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jicha.records.StaffOnRecord;
import org.springframework.stereotype.Component;

/**
 * Who is on record for a finding's subject (docs/REPORTS.md, "Attribution"): the reader of a meter's or
 * reading's period, the clerk of a bill, the handler of an application's latest step, the first inspector of
 * an inspection; for a customer, the person of the customer's record that the rule's team kind is about.
 * The records module looks the people up in bulk ({@link StaffOnRecord}); the choice among them is made here.
 */
@Component
class StaffAttribution {

    private final StaffOnRecord records;

    StaffAttribution(StaffOnRecord records) {
        this.records = records;
    }

    /** A person on record. */
    record Staff(String id, String name, String unitCode) {}

    /**
     * The staff id on record per finding fingerprint; findings with nobody on record are absent.
     *
     * @param teamKindOf the team kind of a rule code (READING, BILLING, ...)
     */
    Map<String, String> attribute(List<FindingRow> findings, YearMonth period, Function<String, String> teamKindOf) {
        Set<String> meters = new LinkedHashSet<>();
        Set<String> customers = new LinkedHashSet<>();
        Set<String> bills = new LinkedHashSet<>();
        Set<String> apps = new LinkedHashSet<>();
        Set<String> inspections = new LinkedHashSet<>();
        for (FindingRow f : findings) {
            switch (f.subjectType()) {
                case "METER" -> meters.add(f.subjectId());
                case "READING" -> meters.add(meterOf(f.subjectId()));
                case "BILL" -> bills.add(f.subjectId());
                case "APPLICATION" -> apps.add(f.subjectId());
                case "INSPECTION" -> inspections.add(f.subjectId());
                default -> {}
            }
            if (f.customerNo() != null) {
                customers.add(f.customerNo());
            }
        }
        Map<String, String> readerOfMeter = records.readerOfMeter(period, meters);
        Map<String, String> assignedReader = records.assignedReader(customers);
        Map<String, String> readerOfCustomer = records.readerOfCustomer(period, customers);
        Map<String, String> clerkOfBill = records.clerkOfBill(bills);
        Map<String, String> clerkOfCustomer = records.clerkOfCustomer(period, customers);
        Map<String, String> handlerOfApp = records.handlerOfApplication(apps);
        Map<String, String> handlerOfCustomer = records.handlerOfCustomer(customers);
        Map<String, String> inspectorOf = records.inspectorsOfInspection(inspections);
        Map<String, String> inspectorOfCustomer = records.inspectorsOfCustomer(customers);
        Map<String, String> metererOfCustomer = records.metererOfCustomer(customers);

        Map<String, String> result = new HashMap<>();
        for (FindingRow f : findings) {
            String staff = switch (f.subjectType()) {
                case "METER" -> or(readerOfMeter.get(f.subjectId()), assignedReader.get(f.customerNo()));
                case "READING" -> or(readerOfMeter.get(meterOf(f.subjectId())), assignedReader.get(f.customerNo()));
                case "BILL" -> clerkOfBill.get(f.subjectId());
                case "APPLICATION" -> handlerOfApp.get(f.subjectId());
                case "INSPECTION" -> firstInspector(inspectorOf.get(f.subjectId()));
                case "CUSTOMER" ->
                    switch (String.valueOf(teamKindOf.apply(f.ruleCode()))) {
                        case "READING" -> or(readerOfCustomer.get(f.customerNo()), assignedReader.get(f.customerNo()));
                        case "BILLING", "COLLECTION" -> clerkOfCustomer.get(f.customerNo());
                        case "BUSINESS", "EXPANSION" -> handlerOfCustomer.get(f.customerNo());
                        case "INSPECTION", "SAFETY" -> firstInspector(inspectorOfCustomer.get(f.customerNo()));
                        case "METERING", "INSTALLATION" -> metererOfCustomer.get(f.customerNo());
                        default -> null;
                    };
                default -> null;
            };
            if (staff != null) {
                result.put(f.fingerprint(), staff);
            }
        }
        return result;
    }

    /** Name and unit of each staff id found in {@code staff}. */
    Map<String, Staff> staff(Collection<String> ids) {
        Map<String, Staff> result = new HashMap<>();
        records.staff(ids).forEach((id, s) -> result.put(id, new Staff(s.id(), s.name(), s.unitCode())));
        return result;
    }

    static String meterOf(String readingSubject) {
        int colon = readingSubject.indexOf(':');
        return colon < 0 ? readingSubject : readingSubject.substring(0, colon);
    }

    static String firstInspector(String inspectorIds) {
        if (inspectorIds == null) {
            return null;
        }
        for (String id : inspectorIds.split(";")) {
            if (!id.isBlank()) {
                return id.strip();
            }
        }
        return null;
    }

    private static String or(String first, String second) {
        return first != null ? first : second;
    }
}
