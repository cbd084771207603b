package org.jicha.records;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The people the contract records name (readers, clerks, step handlers, inspectors, meter staff) and the staff
 * table, looked up in bulk, a thousand keys per query. Which of them answers for a finding is the reports'
 * rule (docs/REPORTS.md, "Attribution"); this class only reads what the records say. Each map holds the keys
 * that have somebody on record.
 */
@Component
public class StaffOnRecord {

    /** A person of the staff table. */
    public record Staff(String id, String name, String unitCode) {}

    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    public StaffOnRecord(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Meter id -> the reader of its reading of the period. */
    public Map<String, String> readerOfMeter(YearMonth period, Collection<String> meters) {
        return pairs(
                "SELECT meter_id, reader_id FROM readings WHERE period = :p "
                        + "AND reader_id IS NOT NULL AND meter_id IN (:keys)",
                meters,
                period);
    }

    /** Customer number -> the reader assigned on the customer's record. */
    public Map<String, String> assignedReader(Collection<String> customers) {
        return pairs(
                "SELECT customer_no, reader_id FROM customers "
                        + "WHERE reader_id IS NOT NULL AND customer_no IN (:keys)",
                customers,
                null);
    }

    /** Customer number -> the first (by id) reader of one of its meters' readings of the period. */
    public Map<String, String> readerOfCustomer(YearMonth period, Collection<String> customers) {
        return pairs(
                "SELECT m.customer_no, MIN(r.reader_id) FROM meters m "
                        + "JOIN readings r ON r.meter_id = m.meter_id WHERE r.period = :p AND r.reader_id IS NOT NULL "
                        + "AND m.customer_no IN (:keys) GROUP BY m.customer_no",
                customers,
                period);
    }

    /** Bill number -> the clerk of the bill. */
    public Map<String, String> clerkOfBill(Collection<String> bills) {
        return pairs(
                "SELECT bill_no, clerk_id FROM bills WHERE clerk_id IS NOT NULL " + "AND bill_no IN (:keys)",
                bills,
                null);
    }

    /** Customer number -> the first (by id) clerk of its bills of the period. */
    public Map<String, String> clerkOfCustomer(YearMonth period, Collection<String> customers) {
        return pairs(
                "SELECT customer_no, MIN(clerk_id) FROM bills WHERE period = :p "
                        + "AND clerk_id IS NOT NULL AND customer_no IN (:keys) GROUP BY customer_no",
                customers,
                period);
    }

    /** Application number -> the handler of its latest step. */
    public Map<String, String> handlerOfApplication(Collection<String> applications) {
        return latest(
                "SELECT app_no, started_at, handler_id FROM application_steps "
                        + "WHERE handler_id IS NOT NULL AND app_no IN (:keys)",
                applications);
    }

    /** Customer number -> the handler of the latest step of its applications. */
    public Map<String, String> handlerOfCustomer(Collection<String> customers) {
        return latest(
                "SELECT a.customer_no, s.started_at, s.handler_id "
                        + "FROM applications a JOIN application_steps s ON s.app_no = a.app_no "
                        + "WHERE s.handler_id IS NOT NULL AND a.customer_no IN (:keys)",
                customers);
    }

    /** Inspection number -> its inspector ids as stored ({@code ;}-separated). */
    public Map<String, String> inspectorsOfInspection(Collection<String> inspections) {
        return pairs(
                "SELECT inspection_no, inspector_ids FROM inspections " + "WHERE inspection_no IN (:keys)",
                inspections,
                null);
    }

    /** Customer number -> the inspector ids of its latest inspection, as stored. */
    public Map<String, String> inspectorsOfCustomer(Collection<String> customers) {
        return latest(
                "SELECT customer_no, inspected_on, inspector_ids " + "FROM inspections WHERE customer_no IN (:keys)",
                customers);
    }

    /** Customer number -> the staff member of the latest event of one of its meters. */
    public Map<String, String> metererOfCustomer(Collection<String> customers) {
        return latest(
                "SELECT m.customer_no, e.occurred_on, e.staff_id "
                        + "FROM meter_events e JOIN meters m ON m.meter_id = e.meter_id "
                        + "WHERE e.staff_id IS NOT NULL AND m.customer_no IN (:keys)",
                customers);
    }

    /** Name and unit of each staff id found in {@code staff}. */
    public Map<String, Staff> staff(Collection<String> ids) {
        Map<String, Staff> result = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            jdbc.query(
                    "SELECT staff_id, name, unit_code FROM staff WHERE staff_id IN (:keys)",
                    new MapSqlParameterSource("keys", chunk),
                    rs -> {
                        result.put(rs.getString(1), new Staff(rs.getString(1), rs.getString(2), rs.getString(3)));
                    });
        }
        return result;
    }

    private Map<String, String> pairs(String sql, Collection<String> keys, YearMonth period) {
        Map<String, String> result = new HashMap<>();
        for (List<String> chunk : chunks(keys)) {
            MapSqlParameterSource parameters = new MapSqlParameterSource("keys", chunk);
            if (period != null) {
                parameters.addValue("p", period.toString());
            }
            jdbc.query(sql, parameters, rs -> {
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
