package org.jicha.reports;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is on record for a finding's subject (docs/REPORTS.md, "Attribution"): the reader of a meter's or
 * reading's period, the clerk of a bill, the handler of an application's latest step, the first inspector of
 * an inspection; for a customer, the person of the customer's record that the rule's team kind is about.
 * Looked up in bulk, a thousand keys per query.
 */
@Component
class StaffAttribution {

    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    StaffAttribution(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A person on record. */
    record Staff(String id, String name, String unitCode) {
    }

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
                default -> { }
            }
            if (f.customerNo() != null) {
                customers.add(f.customerNo());
            }
        }
        String p = period.toString();
        Map<String, String> readerOfMeter = pairs("SELECT meter_id, reader_id FROM readings WHERE period = :p "
                + "AND reader_id IS NOT NULL AND meter_id IN (:keys)", meters, p);
        Map<String, String> assignedReader = pairs("SELECT customer_no, reader_id FROM customers "
                + "WHERE reader_id IS NOT NULL AND customer_no IN (:keys)", customers, p);
        Map<String, String> readerOfCustomer = pairs("SELECT m.customer_no, MIN(r.reader_id) FROM meters m "
                + "JOIN readings r ON r.meter_id = m.meter_id WHERE r.period = :p AND r.reader_id IS NOT NULL "
                + "AND m.customer_no IN (:keys) GROUP BY m.customer_no", customers, p);
        Map<String, String> clerkOfBill = pairs("SELECT bill_no, clerk_id FROM bills WHERE clerk_id IS NOT NULL "
                + "AND bill_no IN (:keys)", bills, p);
        Map<String, String> clerkOfCustomer = pairs("SELECT customer_no, MIN(clerk_id) FROM bills WHERE period = :p "
                + "AND clerk_id IS NOT NULL AND customer_no IN (:keys) GROUP BY customer_no", customers, p);
        Map<String, String> handlerOfApp = latest("SELECT app_no, started_at, handler_id FROM application_steps "
                + "WHERE handler_id IS NOT NULL AND app_no IN (:keys)", apps);
        Map<String, String> handlerOfCustomer = latest("SELECT a.customer_no, s.started_at, s.handler_id "
                + "FROM applications a JOIN application_steps s ON s.app_no = a.app_no "
                + "WHERE s.handler_id IS NOT NULL AND a.customer_no IN (:keys)", customers);
        Map<String, String> inspectorOf = pairs("SELECT inspection_no, inspector_ids FROM inspections "
                + "WHERE inspection_no IN (:keys)", inspections, p);
        Map<String, String> inspectorOfCustomer = latest("SELECT customer_no, inspected_on, inspector_ids "
                + "FROM inspections WHERE customer_no IN (:keys)", customers);
        Map<String, String> metererOfCustomer = latest("SELECT m.customer_no, e.occurred_on, e.staff_id "
                + "FROM meter_events e JOIN meters m ON m.meter_id = e.meter_id "
                + "WHERE e.staff_id IS NOT NULL AND m.customer_no IN (:keys)", customers);

        Map<String, String> result = new HashMap<>();
        for (FindingRow f : findings) {
            String staff = switch (f.subjectType()) {
                case "METER" -> or(readerOfMeter.get(f.subjectId()), assignedReader.get(f.customerNo()));
                case "READING" -> or(readerOfMeter.get(meterOf(f.subjectId())), assignedReader.get(f.customerNo()));
                case "BILL" -> clerkOfBill.get(f.subjectId());
                case "APPLICATION" -> handlerOfApp.get(f.subjectId());
                case "INSPECTION" -> firstInspector(inspectorOf.get(f.subjectId()));
                case "CUSTOMER" -> switch (String.valueOf(teamKindOf.apply(f.ruleCode()))) {
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
        for (List<String> chunk : chunks(ids)) {
            jdbc.query("SELECT staff_id, name, unit_code FROM staff WHERE staff_id IN (:keys)",
                    new MapSqlParameterSource("keys", chunk), rs -> {
                        result.put(rs.getString(1), new Staff(rs.getString(1), rs.getString(2), rs.getString(3)));
                    });
        }
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

    private Map<String, String> pairs(String sql, Collection<String> keys, String period) {
        Map<String, String> result = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            jdbc.query(sql, new MapSqlParameterSource("keys", chunk).addValue("p", period), rs -> {
                result.put(rs.getString(1), rs.getString(2));
            });
        }
        return result;
    }

    /** Key -> the value of the row with the latest moment (column 2, a date or timestamp). */
    private Map<String, String> latest(String sql, Collection<String> keys) {
        Map<String, String> result = new HashMap<>();
        Map<String, LocalDateTime> at = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            jdbc.query(sql, new MapSqlParameterSource("keys", chunk), rs -> {
                Timestamp ts = rs.getTimestamp(2);
                LocalDateTime moment = ts == null ? LocalDateTime.MIN : ts.toLocalDateTime();
                String key = rs.getString(1);
                LocalDateTime seen = at.get(key);
                if (seen == null || moment.isAfter(seen)) {
                    at.put(key, moment);
                    result.put(key, rs.getString(3));
                }
            });
        }
        return result;
    }

    private static List<List<String>> chunks(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
