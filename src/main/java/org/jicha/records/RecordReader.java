package org.jicha.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jicha.facts.StoredRecords.Application;
import org.jicha.facts.StoredRecords.ApplicationStep;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.StoredRecords.ImportantCustomer;
import org.jicha.facts.StoredRecords.Inspection;
import org.jicha.facts.StoredRecords.Meter;
import org.jicha.facts.StoredRecords.MeterEvent;
import org.jicha.facts.StoredRecords.Reading;
import org.jicha.facts.StoredRecords.Tariff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the stored records back in customer batches: one page of customers in key order, then each
 * related table once per page with a range query on the customer key, never one query per customer.
 * Memory is bounded by the batch size. Applications without a customer are read in pages of their own.
 * This is the audit's read API on the contract tables; the one query that reaches outside them is the
 * incremental run's, which pages through the audit's {@code audit_run_candidates} joined to the customers.
 *
 * <p>Long because it holds one read query per contract table and the one batching scheme they share
 * (key order, key ranges, candidates); splitting them apart would spread one access pattern over many files.
 */
@Component
public class RecordReader {

    private final JdbcTemplate jdbc;

    public RecordReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tariff> tariffs() {
        return jdbc.query(
                "SELECT " + TARIFF_COLUMNS + " FROM tariffs ORDER BY tariff_code, valid_from", (rs, i) -> tariff(rs));
    }

    /** Receives one batch; answers whether to go on with the next (false stops the reading, e.g. a cancel). */
    @FunctionalInterface
    public interface BatchSink {
        boolean accept(List<CustomerBundle> batch);
    }

    /** Streams every customer with its records, {@code batchSize} customers at a time, in key order. */
    public void forEachCustomerBatch(int batchSize, String firstPeriod, Consumer<List<CustomerBundle>> sink) {
        forEachCustomerBatch(batchSize, firstPeriod, null, batch -> {
            sink.accept(batch);
            return true;
        });
    }

    /** Streams the applications that have no customer account yet, as bundles of their own. */
    public void forEachOrphanApplicationBatch(int batchSize, Consumer<List<CustomerBundle>> sink) {
        forEachOrphanApplicationBatch(batchSize, null, batch -> {
            sink.accept(batch);
            return true;
        });
    }

    /**
     * Streams the customers whose station is one of {@code stations} (null = every customer) with their
     * records, {@code batchSize} at a time, in key order, until the sink says stop.
     *
     * @return false if the sink stopped the reading
     */
    public boolean forEachCustomerBatch(
            int batchSize, String firstPeriod, Collection<String> stations, BatchSink sink) {
        StationFilter filter = StationFilter.of(stations, "station_code");
        return customerPages(batchSize, firstPeriod, sink, after -> {
            List<Object> args = new ArrayList<>();
            args.add(after == null ? "" : after);
            args.addAll(filter.args());
            return jdbc.query(
                    "SELECT " + CUSTOMER_COLUMNS + " FROM customers WHERE customer_no > ?" + filter.sql()
                            + " ORDER BY customer_no FETCH FIRST " + batchSize + " ROWS ONLY",
                    (rs, i) -> customer(rs),
                    args.toArray());
        });
    }

    /**
     * The paging both customer streams share: asks {@code pageAfter} for the page after the last key of the
     * previous one (null for the first page), hands each page's bundles to the sink, ends on a short page or a stop.
     */
    private boolean customerPages(
            int batchSize, String firstPeriod, BatchSink sink, Function<String, List<Customer>> pageAfter) {
        String after = null;
        while (true) {
            List<Customer> customers = pageAfter.apply(after);
            if (customers.isEmpty()) {
                return true;
            }
            String from = customers.get(0).customerNo();
            String to = customers.get(customers.size() - 1).customerNo();
            if (!sink.accept(bundles(customers, from, to, firstPeriod))) {
                return false;
            }
            if (customers.size() < batchSize) {
                return true;
            }
            after = to;
        }
    }

    /**
     * Streams the applications without a customer account whose station is one of {@code stations} (null =
     * all) as bundles of their own, until the sink says stop.
     *
     * @return false if the sink stopped the reading
     */
    public boolean forEachOrphanApplicationBatch(int batchSize, Collection<String> stations, BatchSink sink) {
        return forEachOrphanApplicationBatch(batchSize, stations, "", sink);
    }

    private boolean forEachOrphanApplicationBatch(
            int batchSize, Collection<String> stations, String startAfter, BatchSink sink) {
        String after = startAfter;
        StationFilter filter = StationFilter.of(stations, "station_code");
        while (true) {
            List<Object> args = new ArrayList<>();
            args.add(after);
            args.addAll(filter.args());
            List<Application> apps = jdbc.query(
                    "SELECT " + APPLICATION_COLUMNS + " FROM applications WHERE customer_no IS NULL AND app_no > ?"
                            + filter.sql() + " ORDER BY app_no FETCH FIRST " + batchSize + " ROWS ONLY",
                    (rs, i) -> application(rs),
                    args.toArray());
            if (apps.isEmpty()) {
                return true;
            }
            String from = apps.get(0).appNo();
            String to = apps.get(apps.size() - 1).appNo();
            Map<String, List<ApplicationStep>> steps = groupSteps(jdbc.query(
                    "SELECT " + STEP_COLUMNS
                            + " FROM application_steps WHERE app_no BETWEEN ? AND ? ORDER BY app_no, started_at",
                    (rs, i) -> step(rs),
                    from,
                    to));
            List<CustomerBundle> bundles = new ArrayList<>();
            for (Application a : apps) {
                bundles.add(new CustomerBundle(
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(withSteps(a, steps)),
                        List.of(),
                        List.of()));
            }
            if (!sink.accept(bundles)) {
                return false;
            }
            if (apps.size() < batchSize) {
                return true;
            }
            after = to;
        }
    }

    /**
     * Streams the customers of one key range with their records, {@code batchSize} at a time, in key order, until
     * the sink says stop: those after {@code after} (the resume point; null = from {@code firstKey} on) up to
     * {@code lastKey}. Bounds are inclusive; a null bound is open. For the partitions of a partitioned run.
     *
     * @return false if the sink stopped the reading
     */
    public boolean forEachCustomerBatchInRange(
            int batchSize, String firstPeriod, String firstKey, String lastKey, String after, BatchSink sink) {
        return customerPages(batchSize, firstPeriod, sink, previous -> {
            // the first page starts after the resume point, or at the range's first key (inclusive)
            String lower = previous != null ? previous : after != null ? after : firstKey;
            String lowerOp = previous != null || after != null ? " > ?" : " >= ?";
            List<Object> args = new ArrayList<>();
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            if (lower != null) {
                where.append(" AND customer_no").append(lowerOp);
                args.add(lower);
            }
            if (lastKey != null) {
                where.append(" AND customer_no <= ?");
                args.add(lastKey);
            }
            return jdbc.query(
                    "SELECT " + CUSTOMER_COLUMNS + " FROM customers" + where + " ORDER BY customer_no FETCH FIRST "
                            + batchSize + " ROWS ONLY",
                    (rs, i) -> customer(rs),
                    args.toArray());
        });
    }

    /**
     * Streams the applications without a customer whose app_no is after {@code after} (null = all), as bundles
     * of their own, until the sink says stop: the resumable variant for a partitioned run.
     *
     * @return false if the sink stopped the reading
     */
    public boolean forEachOrphanApplicationBatchAfter(int batchSize, String after, BatchSink sink) {
        return forEachOrphanApplicationBatch(batchSize, null, after == null ? "" : after, sink);
    }

    /** The customer numbers at the given 1-based positions of the customers in key order. */
    public Map<Long, String> customerKeysAt(Collection<Long> positions) {
        Map<Long, String> keys = new HashMap<>();
        if (positions.isEmpty()) {
            return keys;
        }
        jdbc.query(
                "SELECT customer_no, rn FROM (SELECT customer_no, ROW_NUMBER() OVER (ORDER BY customer_no) AS rn "
                        + "FROM customers) t WHERE rn IN ("
                        + String.join(", ", Collections.nCopies(positions.size(), "?"))
                        + ")",
                rs -> {
                    keys.put(rs.getLong("rn"), rs.getString("customer_no"));
                },
                positions.toArray());
        return keys;
    }

    public long countCustomers() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM customers", Long.class);
        return count == null ? 0 : count;
    }

    /** How many subjects a run over {@code stations} (null = all) reads: customers and applications without one. */
    public long countSubjects(Collection<String> stations) {
        StationFilter filter = StationFilter.of(stations, "station_code");
        Long customers = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customers WHERE 1 = 1" + filter.sql(),
                Long.class,
                filter.args().toArray());
        Long orphans = jdbc.queryForObject(
                "SELECT COUNT(*) FROM applications WHERE customer_no IS NULL" + filter.sql(),
                Long.class,
                filter.args().toArray());
        return (customers == null ? 0 : customers) + (orphans == null ? 0 : orphans);
    }

    /**
     * The unit codes of {@code roots} and of every unit below them in {@code units} (by parent_code), so a
     * scope naming a county covers its stations. Unknown codes are kept (they match nothing).
     */
    public Set<String> unitSubtrees(Collection<String> roots) {
        Map<String, List<String>> children = new HashMap<>();
        jdbc.query("SELECT unit_code, parent_code FROM units", rs -> {
            String parent = rs.getString("parent_code");
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(rs.getString("unit_code"));
            }
        });
        Set<String> result = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String unit = todo.pop();
            if (result.add(unit)) {
                todo.addAll(children.getOrDefault(unit, List.of()));
            }
        }
        return result;
    }

    /**
     * Streams the customers an incremental run listed in {@code audit_run_candidates} with their records,
     * {@code batchSize} at a time, in key order, until the sink says stop.
     *
     * @return false if the sink stopped the reading
     */
    public boolean forEachCandidateBatch(long runId, int batchSize, String firstPeriod, BatchSink sink) {
        String after = "";
        while (true) {
            List<Customer> customers = jdbc.query(
                    "SELECT " + qualified("c", CUSTOMER_COLUMNS) + " FROM audit_run_candidates k "
                            + "JOIN customers c ON c.customer_no = k.customer_no WHERE k.run_id = ? AND k.customer_no > ? "
                            + "ORDER BY k.customer_no FETCH FIRST " + batchSize + " ROWS ONLY",
                    (rs, i) -> customer(rs),
                    runId,
                    after);
            if (customers.isEmpty()) {
                return true;
            }
            List<String> keys = customers.stream().map(Customer::customerNo).toList();
            if (!sink.accept(bundles(customers, Keys.in(keys), firstPeriod))) {
                return false;
            }
            if (customers.size() < batchSize) {
                return true;
            }
            after = keys.get(keys.size() - 1);
        }
    }

    /** How one batch's customers are picked from a table: a key range, or the keys themselves. */
    private record Keys(String from, String to, List<String> keys) {

        static Keys between(String from, String to) {
            return new Keys(from, to, null);
        }

        static Keys in(List<String> keys) {
            return new Keys(null, null, List.copyOf(keys));
        }

        String sql(String column) {
            return keys == null
                    ? column + " BETWEEN ? AND ?"
                    : column + " IN (" + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        }

        Object[] args(Object... more) {
            List<Object> args = new ArrayList<>(keys == null ? List.of(from, to) : keys);
            args.addAll(List.of(more));
            return args.toArray();
        }
    }

    /** {@code AND column IN (?, ...)} for a station scope, or nothing when unscoped. */
    private record StationFilter(String sql, List<Object> args) {

        static StationFilter of(Collection<String> stations, String column) {
            if (stations == null) {
                return new StationFilter("", List.of());
            }
            if (stations.isEmpty()) {
                return new StationFilter(" AND 1 = 0", List.of());
            }
            return new StationFilter(
                    " AND " + column + " IN (" + String.join(", ", Collections.nCopies(stations.size(), "?")) + ")",
                    List.copyOf(stations));
        }
    }

    private List<CustomerBundle> bundles(List<Customer> customers, String from, String to, String firstPeriod) {
        return bundles(customers, Keys.between(from, to), firstPeriod);
    }

    /**
     * The customers' records, each related table read once for the whole batch. {@code keys} says how the batch's
     * customers are picked from each table: a key range (a full run's consecutive customers) or the keys
     * themselves (an incremental run's scattered ones, where a range would read everyone in between).
     */
    private List<CustomerBundle> bundles(List<Customer> customers, Keys keys, String firstPeriod) {
        Map<String, ImportantCustomer> important = new HashMap<>();
        jdbc.query(
                "SELECT " + IMPORTANT_COLUMNS + " FROM important_customers WHERE " + keys.sql("customer_no"),
                rs -> {
                    ImportantCustomer i = important(rs);
                    important.put(i.customerNo(), i);
                },
                keys.args());
        Map<String, List<Meter>> meters = group(
                jdbc.query(
                        "SELECT " + METER_COLUMNS + " FROM meters WHERE " + keys.sql("customer_no")
                                + " ORDER BY meter_id",
                        (rs, i) -> meter(rs),
                        keys.args()),
                Meter::customerNo);
        Map<String, String> meterOwner = new HashMap<>();
        meters.values().forEach(list -> list.forEach(m -> meterOwner.put(m.meterId(), m.customerNo())));
        // readings and events by the batch's meter ids, not by a join to meters on the customer key: on PostgreSQL
        // at 1M customers the join was planned as a parallel scan of every meter per batch (242 ms a batch, most
        // of the audit's time), misled by the underestimated distinct meter ids of readings
        List<String> meterIds = meters.values().stream()
                .flatMap(List::stream)
                .map(Meter::meterId)
                .sorted()
                .toList();
        Map<String, List<Reading>> readings = group(
                byMeters(
                        meterIds,
                        in -> "SELECT " + READING_COLUMNS + " FROM readings WHERE meter_id IN (" + in
                                + ") AND period >= ? ORDER BY meter_id, period",
                        (rs, i) -> reading(rs),
                        firstPeriod),
                r -> meterOwner.get(r.meterId()));
        Map<String, List<MeterEvent>> events = group(
                byMeters(
                        meterIds,
                        in -> "SELECT " + EVENT_COLUMNS + " FROM meter_events WHERE meter_id IN (" + in
                                + ") ORDER BY meter_id, occurred_on",
                        (rs, i) -> event(rs)),
                e -> meterOwner.get(e.meterId()));
        Map<String, List<Bill>> bills = group(
                jdbc.query(
                        "SELECT " + BILL_COLUMNS + " FROM bills WHERE " + keys.sql("customer_no")
                                + " AND (period >= ? OR paid_on IS NULL) " + "ORDER BY customer_no, period, bill_no",
                        (rs, i) -> bill(rs),
                        keys.args(firstPeriod)),
                Bill::customerNo);
        Map<String, List<ApplicationStep>> steps = groupSteps(jdbc.query(
                "SELECT " + qualified("s", STEP_COLUMNS)
                        + " FROM application_steps s JOIN applications a ON a.app_no = s.app_no WHERE "
                        + keys.sql("a.customer_no") + " ORDER BY s.app_no, s.started_at",
                (rs, i) -> step(rs),
                keys.args()));
        Map<String, List<Application>> apps = group(
                jdbc
                        .query(
                                "SELECT " + APPLICATION_COLUMNS + " FROM applications WHERE " + keys.sql("customer_no")
                                        + " ORDER BY app_no",
                                (rs, i) -> application(rs),
                                keys.args())
                        .stream()
                        .map(a -> withSteps(a, steps))
                        .toList(),
                Application::customerNo);
        Map<String, List<Inspection>> inspections = group(
                jdbc.query(
                        "SELECT " + INSPECTION_COLUMNS + " FROM inspections WHERE " + keys.sql("customer_no")
                                + " ORDER BY inspection_no",
                        (rs, i) -> inspection(rs),
                        keys.args()),
                Inspection::customerNo);
        List<CustomerBundle> bundles = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            String no = c.customerNo();
            bundles.add(new CustomerBundle(
                    c,
                    important.get(no),
                    meters.getOrDefault(no, List.of()),
                    readings.getOrDefault(no, List.of()),
                    bills.getOrDefault(no, List.of()),
                    apps.getOrDefault(no, List.of()),
                    inspections.getOrDefault(no, List.of()),
                    events.getOrDefault(no, List.of())));
        }
        return bundles;
    }

    /** Meter ids per query: well below any driver's parameter limit (PostgreSQL: 32,767). */
    private static final int METERS_PER_QUERY = 5_000;

    /**
     * Rows of the given meters, {@value #METERS_PER_QUERY} ids per query; {@code sql} makes the query from the
     * placeholders. With the ids sorted and each query ordered by meter id, the rows come in meter id order.
     */
    private <T> List<T> byMeters(
            List<String> meterIds, Function<String, String> sql, RowMapper<T> mapper, Object... more) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < meterIds.size(); from += METERS_PER_QUERY) {
            List<String> chunk = meterIds.subList(from, Math.min(meterIds.size(), from + METERS_PER_QUERY));
            List<Object> args = new ArrayList<>(chunk);
            args.addAll(List.of(more));
            rows.addAll(jdbc.query(
                    sql.apply(String.join(", ", Collections.nCopies(chunk.size(), "?"))), mapper, args.toArray()));
        }
        return rows;
    }

    private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key) {
        Map<String, List<T>> map = new HashMap<>();
        for (T row : rows) {
            map.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return map;
    }

    private static Map<String, List<ApplicationStep>> groupSteps(List<ApplicationStep> steps) {
        return group(steps, ApplicationStep::appNo);
    }

    private static Application withSteps(Application a, Map<String, List<ApplicationStep>> steps) {
        return new Application(
                a.appNo(),
                a.customerNo(),
                a.applicantName(),
                a.appType(),
                a.supplyMode(),
                a.capacityKva(),
                a.voltageKv(),
                a.greenChannel(),
                a.stationCode(),
                a.acceptedAt(),
                a.status(),
                a.archivedAt(),
                a.feeCharged(),
                a.feeStandard(),
                steps.getOrDefault(a.appNo(), List.of()));
    }

    /*
     * Each query names its columns in the order of the record's constructor, and each mapper reads them left to right
     * by position (Row): PostgreSQL's driver looks a column label up in a map of lower-cased names on every call,
     * which was a third of the reader's time; exact decimals arrive as doubles the way BigDecimal#doubleValue gave
     * them (both round the decimal to the nearest double).
     */

    static final String CUSTOMER_COLUMNS =
            "customer_no, customer_name, category, voltage_kv, tariff_code, contract_kva, "
                    + "running_kva, status, station_code, reading_day, reader_id, opened_on, closed_on, trade_code, "
                    + "temporary_until, inspection_cycle_months, basic_charge_mode, demand_kw, fixed_ratio_pct, "
                    + "fixed_deduction_kwh, fixed_approved_on";
    static final String TARIFF_COLUMNS = "tariff_code, valid_from, tariff_name, customer_category, voltage_kv, "
            + "energy_price, tier1_limit_kwh, tier2_limit_kwh, tier2_price, tier3_price, basic_price_kva, "
            + "basic_price_kw, pf_standard, valid_to";
    static final String IMPORTANT_COLUMNS =
            "customer_no, grade, supply_sources, self_generator, guarantee_plan_on, reported_to_authority_on";
    static final String METER_COLUMNS = "meter_id, customer_no, meter_kind, metering_class, accuracy_class, ct_ratio, "
            + "pt_ratio, multiplier, installed_on, last_verified_on, rotation_due_on, seal_no, status, removed_on";
    static final String READING_COLUMNS = "meter_id, period, read_on, previous_value, current_value, multiplier, "
            + "consumption_kwh, read_type, reader_id, max_demand_kw, reactive_kvarh";
    static final String BILL_COLUMNS = "bill_no, customer_no, period, tariff_code, energy_kwh, energy_charge, "
            + "basic_charge, pf_actual, pf_adjustment, surcharge, total_amount, issued_on, due_on, paid_amount, paid_on, "
            + "channel, late_fee_charged, late_fee_waived, waiver_approver, clerk_id";
    static final String APPLICATION_COLUMNS = "app_no, customer_no, applicant_name, app_type, supply_mode, "
            + "capacity_kva, voltage_kv, green_channel, station_code, accepted_at, status, archived_at, fee_charged, "
            + "fee_standard";
    static final String STEP_COLUMNS = "app_no, step, started_at, finished_at, handler_id, outcome";
    static final String INSPECTION_COLUMNS = "inspection_no, customer_no, inspected_on, inspector_ids, kind, result, "
            + "hazard_note, notice_no, rectify_due_on, rectified_on, conclusion_signed, photo_count";
    static final String EVENT_COLUMNS =
            "event_no, meter_id, kind, occurred_on, resolved_on, error_pct, work_order_no, staff_id";

    /** {@code columns} with each name qualified by a table alias: {@code c.customer_no, c.customer_name, ...}. */
    static String qualified(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    private static Tariff tariff(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Tariff(
                r.text(), r.date(), r.text(), r.text(), r.dbl(), r.dbl(), r.num(), r.num(), r.num(), r.num(), r.num(),
                r.num(), r.num(), r.date());
    }

    private static ImportantCustomer important(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new ImportantCustomer(r.text(), r.text(), r.integer0(), r.bool(), r.date(), r.date());
    }

    private static Customer customer(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Customer(
                r.text(),
                r.text(),
                r.text(),
                r.dbl(),
                r.text(),
                r.dbl(),
                r.num(),
                r.text(),
                r.text(),
                r.integer(),
                r.text(),
                r.date(),
                r.date(),
                r.text(),
                r.date(),
                r.integer(),
                r.text(),
                r.num(),
                r.num(),
                r.num(),
                r.date());
    }

    private static Meter meter(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Meter(
                r.text(), r.text(), r.text(), r.text(), r.text(), r.num(), r.num(), r.dbl(), r.date(), r.date(),
                r.date(), r.text(), r.text(), r.date());
    }

    private static Reading reading(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Reading(
                r.text(), r.text(), r.date(), r.dbl(), r.dbl(), r.dbl(), r.dbl(), r.text(), r.text(), r.num(), r.num());
    }

    private static Bill bill(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Bill(
                r.text(), r.text(), r.text(), r.text(), r.dbl(), r.dbl(), r.num(), r.num(), r.num(), r.num(), r.dbl(),
                r.date(), r.date(), r.num(), r.date(), r.text(), r.num(), r.bool(), r.text(), r.text());
    }

    private static Application application(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Application(
                r.text(),
                r.text(),
                r.text(),
                r.text(),
                r.text(),
                r.num(),
                r.num(),
                r.bool(),
                r.text(),
                r.timestamp(),
                r.text(),
                r.timestamp(),
                r.num(),
                r.num(),
                List.of());
    }

    private static ApplicationStep step(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new ApplicationStep(r.text(), r.text(), r.timestamp(), r.timestamp(), r.text(), r.text());
    }

    private static Inspection inspection(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new Inspection(
                r.text(),
                r.text(),
                r.date(),
                r.text(),
                r.text(),
                r.text(),
                r.text(),
                r.text(),
                r.date(),
                r.date(),
                r.bool(),
                r.integer());
    }

    private static MeterEvent event(ResultSet rs) throws SQLException {
        Row r = new Row(rs);
        return new MeterEvent(r.text(), r.text(), r.text(), r.date(), r.date(), r.num(), r.text(), r.text());
    }

    /** One result row read left to right: each call returns the next column (1-based positions, in query order). */
    private static final class Row {

        private final ResultSet rs;
        private int column;

        Row(ResultSet rs) {
            this.rs = rs;
        }

        String text() throws SQLException {
            return rs.getString(++column);
        }

        /** A number that may be missing (null). */
        Double num() throws SQLException {
            double v = rs.getDouble(++column);
            return rs.wasNull() ? null : v;
        }

        /** A number where a missing value reads as 0 (the columns the contract requires). */
        double dbl() throws SQLException {
            return rs.getDouble(++column);
        }

        Integer integer() throws SQLException {
            int v = rs.getInt(++column);
            return rs.wasNull() ? null : v;
        }

        /** An integer where a missing value reads as 0. */
        int integer0() throws SQLException {
            return rs.getInt(++column);
        }

        Boolean bool() throws SQLException {
            boolean v = rs.getBoolean(++column);
            return rs.wasNull() ? null : v;
        }

        LocalDate date() throws SQLException {
            return rs.getObject(++column, LocalDate.class);
        }

        LocalDateTime timestamp() throws SQLException {
            Timestamp t = rs.getTimestamp(++column);
            return t == null ? null : t.toLocalDateTime();
        }
    }
}
