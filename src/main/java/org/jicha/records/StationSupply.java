package org.jicha.records;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts, per station, what of a period's extract is stored: in-service meters installed by the period's end and
 * how many of them have a reading of the period; customers with such a meter and how many have a bill of the
 * period. Two grouped queries over the contract tables (each probe by primary key or the bills' customer index),
 * so the data-arrival check costs a pass over meters and customers, not over every reading.
 */
@Component
public class StationSupply {

    /** One station's counts. */
    public record Counts(
            String stationCode, String stationName, long meters, long readings, long customers, long bills) {}

    private final JdbcTemplate jdbc;

    public StationSupply(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The stations (of {@code stations}; null = every station) with at least one in-service meter, in code order.
     */
    public List<Counts> of(YearMonth period, Collection<String> stations) {
        if (stations != null && stations.isEmpty()) {
            return List.of();
        }
        String filter = stations == null
                ? ""
                : " AND c.station_code IN (" + String.join(", ", Collections.nCopies(stations.size(), "?")) + ")";
        Date end = Date.valueOf(period.atEndOfMonth());
        String p = period.toString();
        String inService = "m.status = 'IN_SERVICE' AND m.installed_on <= ?";
        Map<String, long[]> meters = new TreeMap<>();
        jdbc.query(
                "SELECT c.station_code, COUNT(*) AS meters, SUM(CASE WHEN EXISTS (SELECT 1 FROM readings r "
                        + "WHERE r.meter_id = m.meter_id AND r.period = ?) THEN 1 ELSE 0 END) AS readings "
                        + "FROM meters m JOIN customers c ON c.customer_no = m.customer_no WHERE " + inService + filter
                        + " GROUP BY c.station_code",
                rs -> {
                    meters.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                args(p, end, stations));
        Map<String, long[]> customers = new HashMap<>();
        jdbc.query(
                "SELECT c.station_code, COUNT(*) AS customers, SUM(CASE WHEN EXISTS (SELECT 1 FROM bills b "
                        + "WHERE b.customer_no = c.customer_no AND b.period = ?) THEN 1 ELSE 0 END) AS billed "
                        + "FROM customers c WHERE EXISTS (SELECT 1 FROM meters m WHERE m.customer_no = c.customer_no AND "
                        + inService + ")" + filter + " GROUP BY c.station_code",
                rs -> {
                    customers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                },
                args(p, end, stations));
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT unit_code, unit_name FROM units", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        });
        List<Counts> result = new ArrayList<>();
        meters.forEach((station, m) -> {
            long[] c = customers.getOrDefault(station, new long[] {0, 0});
            result.add(new Counts(station, names.getOrDefault(station, station), m[0], m[1], c[0], c[1]));
        });
        return result;
    }

    /** The latest date a reading or bill of the period was taken or issued, if any is stored. */
    public LocalDate lastDatedIn(YearMonth period) {
        LocalDate read = jdbc.queryForObject(
                "SELECT MAX(read_on) FROM readings WHERE period = ?", LocalDate.class, period.toString());
        LocalDate billed = jdbc.queryForObject(
                "SELECT MAX(issued_on) FROM bills WHERE period = ?", LocalDate.class, period.toString());
        if (read == null) {
            return billed;
        }
        return billed == null || read.isAfter(billed) ? read : billed;
    }

    private static Object[] args(String period, Date end, Collection<String> stations) {
        List<Object> args = new ArrayList<>(List.of(period, end));
        if (stations != null) {
            args.addAll(stations);
        }
        return args.toArray();
    }
}
