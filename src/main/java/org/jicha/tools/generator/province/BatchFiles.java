package org.jicha.tools.generator.province;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jicha.tools.generator.CsvFile;

/** The twelve contract files of the batch being written, open together, plus {@code expected/planted.csv}. */
final class BatchFiles implements Closeable {

    final CsvFile units;
    final CsvFile staff;
    final CsvFile tariffs;
    final CsvFile customers;
    final CsvFile importantCustomers;
    final CsvFile meters;
    final CsvFile readings;
    final CsvFile bills;
    final CsvFile applications;
    final CsvFile steps;
    final CsvFile inspections;
    final CsvFile meterEvents;
    final CsvFile planted;
    /** The next night's delta extract: {@value NextNight#FOLDER}/customers.csv, the changed customers only. */
    final CsvFile nextNightCustomers;

    /** Opens the files in {@code dir} and writes their headers. */
    static BatchFiles create(Path dir) {
        try {
            Files.createDirectories(dir.resolve("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        try {
            Files.createDirectories(dir.resolve(NextNight.FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir.resolve(NextNight.FOLDER), e);
        }
        return new BatchFiles((name, header) -> switch (name) {
            case PLANTED -> new CsvFile(dir.resolve("expected"), name, header);
            case NEXT_NIGHT_CUSTOMERS -> new CsvFile(dir.resolve(NextNight.FOLDER), "customers.csv", header);
            default -> new CsvFile(dir, name, header);
        });
    }

    /** Files in memory without headers: one chunk of customers, rendered by a worker, appended in order. */
    static BatchFiles inMemory() {
        return new BatchFiles((name, header) -> new CsvFile(name));
    }

    private static final String PLANTED = "planted.csv";
    private static final String NEXT_NIGHT_CUSTOMERS = NextNight.FOLDER + "/customers.csv";

    private BatchFiles(BiFunction<String, List<String>, CsvFile> open) {
        units = open.apply("units.csv", List.of("unit_code", "unit_name", "parent_code", "unit_type", "team_kind"));
        staff = open.apply("staff.csv", List.of("staff_id", "name", "unit_code", "role"));
        tariffs = open.apply(
                "tariffs.csv",
                List.of(
                        "tariff_code",
                        "tariff_name",
                        "customer_category",
                        "voltage_kv",
                        "energy_price",
                        "tier1_limit_kwh",
                        "tier2_limit_kwh",
                        "tier2_price",
                        "tier3_price",
                        "basic_price_kva",
                        "basic_price_kw",
                        "pf_standard",
                        "valid_from",
                        "valid_to"));
        customers = open.apply("customers.csv", CUSTOMER_COLUMNS);
        importantCustomers = open.apply(
                "important_customers.csv",
                List.of(
                        "customer_no",
                        "grade",
                        "supply_sources",
                        "self_generator",
                        "guarantee_plan_on",
                        "reported_to_authority_on"));
        meters = open.apply(
                "meters.csv",
                List.of(
                        "meter_id",
                        "customer_no",
                        "meter_kind",
                        "metering_class",
                        "accuracy_class",
                        "ct_ratio",
                        "pt_ratio",
                        "multiplier",
                        "installed_on",
                        "last_verified_on",
                        "rotation_due_on",
                        "seal_no",
                        "status",
                        "removed_on"));
        readings = open.apply(
                "readings.csv",
                List.of(
                        "meter_id",
                        "period",
                        "read_on",
                        "previous_value",
                        "current_value",
                        "multiplier",
                        "consumption_kwh",
                        "read_type",
                        "reader_id",
                        "max_demand_kw",
                        "reactive_kvarh"));
        bills = open.apply(
                "bills.csv",
                List.of(
                        "bill_no",
                        "customer_no",
                        "period",
                        "tariff_code",
                        "energy_kwh",
                        "energy_charge",
                        "basic_charge",
                        "pf_actual",
                        "pf_adjustment",
                        "surcharge",
                        "total_amount",
                        "issued_on",
                        "due_on",
                        "paid_amount",
                        "paid_on",
                        "channel",
                        "late_fee_charged",
                        "late_fee_waived",
                        "waiver_approver",
                        "clerk_id"));
        applications = open.apply(
                "applications.csv",
                List.of(
                        "app_no",
                        "customer_no",
                        "applicant_name",
                        "app_type",
                        "supply_mode",
                        "capacity_kva",
                        "voltage_kv",
                        "green_channel",
                        "station_code",
                        "accepted_at",
                        "status",
                        "archived_at",
                        "fee_charged",
                        "fee_standard"));
        steps = open.apply(
                "application_steps.csv",
                List.of("app_no", "step", "started_at", "finished_at", "handler_id", "outcome"));
        inspections = open.apply(
                "inspections.csv",
                List.of(
                        "inspection_no",
                        "customer_no",
                        "inspected_on",
                        "inspector_ids",
                        "kind",
                        "result",
                        "hazard_note",
                        "notice_no",
                        "rectify_due_on",
                        "rectified_on",
                        "conclusion_signed",
                        "photo_count"));
        meterEvents = open.apply(
                "meter_events.csv",
                List.of(
                        "event_no",
                        "meter_id",
                        "kind",
                        "occurred_on",
                        "resolved_on",
                        "error_pct",
                        "work_order_no",
                        "staff_id"));
        planted = open.apply("planted.csv", List.of("rule_code", "subject_type", "subject_id"));
        nextNightCustomers = open.apply(NEXT_NIGHT_CUSTOMERS, CUSTOMER_COLUMNS);
    }

    private static final List<String> CUSTOMER_COLUMNS = List.of(
            "customer_no",
            "customer_name",
            "category",
            "voltage_kv",
            "tariff_code",
            "contract_kva",
            "running_kva",
            "status",
            "station_code",
            "reading_day",
            "reader_id",
            "opened_on",
            "closed_on",
            "trade_code",
            "temporary_until",
            "inspection_cycle_months",
            "basic_charge_mode",
            "demand_kw",
            "fixed_ratio_pct",
            "fixed_deduction_kwh",
            "fixed_approved_on");

    /** Appends the rows of a chunk rendered in memory, in the order of the calls. */
    void append(BatchFiles chunk) {
        List<CsvFile> mine = contractFiles();
        List<CsvFile> theirs = chunk.contractFiles();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).append(theirs.get(i));
        }
        planted.append(chunk.planted);
        nextNightCustomers.append(chunk.nextNightCustomers);
    }

    List<CsvFile> contractFiles() {
        return List.of(
                units,
                staff,
                tariffs,
                customers,
                importantCustomers,
                meters,
                readings,
                bills,
                applications,
                steps,
                inspections,
                meterEvents);
    }

    /** Rows written per contract file, in load order. */
    Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CsvFile f : contractFiles()) {
            counts.put(f.name(), f.rows());
        }
        return counts;
    }

    @Override
    public void close() {
        for (CsvFile f : contractFiles()) {
            f.close();
        }
        planted.close();
        nextNightCustomers.close();
    }
}
