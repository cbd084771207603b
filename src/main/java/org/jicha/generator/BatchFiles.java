package org.jicha.generator;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    BatchFiles(Path dir) {
        try {
            Files.createDirectories(dir.resolve("expected"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        units = new CsvFile(dir, "units.csv", List.of("unit_code", "unit_name", "parent_code", "unit_type", "team_kind"));
        staff = new CsvFile(dir, "staff.csv", List.of("staff_id", "name", "unit_code", "role"));
        tariffs = new CsvFile(dir, "tariffs.csv", List.of("tariff_code", "tariff_name", "customer_category", "voltage_kv",
                "energy_price", "tier1_limit_kwh", "tier2_limit_kwh", "tier2_price", "tier3_price", "basic_price_kva",
                "basic_price_kw", "pf_standard", "valid_from", "valid_to"));
        customers = new CsvFile(dir, "customers.csv", List.of("customer_no", "customer_name", "category", "voltage_kv",
                "tariff_code", "contract_kva", "running_kva", "status", "station_code", "reading_day", "reader_id",
                "opened_on", "closed_on", "trade_code", "temporary_until", "inspection_cycle_months", "basic_charge_mode",
                "demand_kw", "fixed_ratio_pct", "fixed_deduction_kwh", "fixed_approved_on"));
        importantCustomers = new CsvFile(dir, "important_customers.csv", List.of("customer_no", "grade", "supply_sources",
                "self_generator", "guarantee_plan_on", "reported_to_authority_on"));
        meters = new CsvFile(dir, "meters.csv", List.of("meter_id", "customer_no", "meter_kind", "metering_class",
                "accuracy_class", "ct_ratio", "pt_ratio", "multiplier", "installed_on", "last_verified_on",
                "rotation_due_on", "seal_no", "status", "removed_on"));
        readings = new CsvFile(dir, "readings.csv", List.of("meter_id", "period", "read_on", "previous_value",
                "current_value", "multiplier", "consumption_kwh", "read_type", "reader_id", "max_demand_kw",
                "reactive_kvarh"));
        bills = new CsvFile(dir, "bills.csv", List.of("bill_no", "customer_no", "period", "tariff_code", "energy_kwh",
                "energy_charge", "basic_charge", "pf_actual", "pf_adjustment", "surcharge", "total_amount", "issued_on",
                "due_on", "paid_amount", "paid_on", "channel", "late_fee_charged", "late_fee_waived", "waiver_approver",
                "clerk_id"));
        applications = new CsvFile(dir, "applications.csv", List.of("app_no", "customer_no", "applicant_name", "app_type",
                "supply_mode", "capacity_kva", "voltage_kv", "green_channel", "station_code", "accepted_at", "status",
                "archived_at", "fee_charged", "fee_standard"));
        steps = new CsvFile(dir, "application_steps.csv", List.of("app_no", "step", "started_at", "finished_at",
                "handler_id", "outcome"));
        inspections = new CsvFile(dir, "inspections.csv", List.of("inspection_no", "customer_no", "inspected_on",
                "inspector_ids", "kind", "result", "hazard_note", "notice_no", "rectify_due_on", "rectified_on",
                "conclusion_signed", "photo_count"));
        meterEvents = new CsvFile(dir, "meter_events.csv", List.of("event_no", "meter_id", "kind", "occurred_on",
                "resolved_on", "error_pct", "work_order_no", "staff_id"));
        planted = new CsvFile(dir.resolve("expected"), "planted.csv", List.of("rule_code", "subject_type", "subject_id"));
    }

    List<CsvFile> contractFiles() {
        return List.of(units, staff, tariffs, customers, importantCustomers, meters, readings, bills, applications, steps,
                inspections, meterEvents);
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
    }
}
