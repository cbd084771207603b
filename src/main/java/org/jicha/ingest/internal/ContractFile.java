package org.jicha.ingest.internal;

import static org.jicha.ingest.internal.Column.code;
import static org.jicha.ingest.internal.Column.idList;
import static org.jicha.ingest.internal.Column.of;
import static org.jicha.ingest.internal.Column.text;
import static org.jicha.ingest.internal.ColumnType.BOOLEAN;
import static org.jicha.ingest.internal.ColumnType.DATE;
import static org.jicha.ingest.internal.ColumnType.DECIMAL;
import static org.jicha.ingest.internal.ColumnType.INTEGER;
import static org.jicha.ingest.internal.ColumnType.MONTH;
import static org.jicha.ingest.internal.ColumnType.TIMESTAMP;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jicha.records.ContractTable;

/**
 * The files of the data contract (docs: data-contract.md, v1), in the order a batch loads them, each with its
 * table (owned by the records module), columns, natural key and the row policies beyond "parses as its type".
 * Column lengths follow V1__contract_records.sql.
 *
 * <p>Long because it is the data contract as code: one declaration per file with its columns, types, keys
 * and row rules (docs and ContractFileTests keep it and the records' tables in step).
 */
public enum ContractFile {
    UNITS(
            "units.csv",
            ContractTable.UNITS,
            List.of(),
            text("unit_code", 32).asKey(),
            text("unit_name", 200).asRequired(),
            text("parent_code", 32).referencing(Reference.UNIT),
            code("unit_type", "COMPANY", "COUNTY", "STATION", "TEAM").asRequired(),
            code(
                    "team_kind",
                    "READING",
                    "BILLING",
                    "COLLECTION",
                    "BUSINESS",
                    "INSPECTION",
                    "INSTALLATION",
                    "METERING",
                    "EXPANSION",
                    "SAFETY")),

    STAFF(
            "staff.csv",
            ContractTable.STAFF,
            List.of(),
            text("staff_id", 32).asKey(),
            text("name", 100).asRequired(),
            text("unit_code", 32).asRequired().referencing(Reference.UNIT),
            text("role", 100)),

    TARIFFS(
            "tariffs.csv",
            ContractTable.TARIFFS,
            List.of(),
            text("tariff_code", 32).asKey(),
            text("tariff_name", 200).asRequired(),
            customerCategory("customer_category").asRequired(),
            of("voltage_kv", DECIMAL).asRequired(),
            of("energy_price", DECIMAL).asRequired(),
            of("tier1_limit_kwh", DECIMAL),
            of("tier2_limit_kwh", DECIMAL),
            of("tier2_price", DECIMAL),
            of("tier3_price", DECIMAL),
            of("basic_price_kva", DECIMAL),
            of("basic_price_kw", DECIMAL),
            of("pf_standard", DECIMAL),
            of("valid_from", DATE).asKey(),
            of("valid_to", DATE)),

    CUSTOMERS(
            "customers.csv",
            ContractTable.CUSTOMERS,
            List.of(RowPolicy.between("reading_day", 1, 28), RowPolicy.between("fixed_ratio_pct", 0, 100)),
            text("customer_no", 32).asKey(),
            text("customer_name", 300).asRequired(),
            customerCategory("category").asRequired(),
            of("voltage_kv", DECIMAL).asRequired(),
            text("tariff_code", 32).asRequired().referencing(Reference.TARIFF),
            of("contract_kva", DECIMAL).asRequired(),
            of("running_kva", DECIMAL),
            code("status", "ACTIVE", "SUSPENDED", "CLOSED").asRequired(),
            text("station_code", 32).asRequired().referencing(Reference.STATION),
            of("reading_day", INTEGER),
            text("reader_id", 32),
            of("opened_on", DATE).asRequired(),
            of("closed_on", DATE),
            text("trade_code", 32),
            of("temporary_until", DATE),
            of("inspection_cycle_months", INTEGER),
            code("basic_charge_mode", "CAPACITY", "DEMAND"),
            of("demand_kw", DECIMAL),
            of("fixed_ratio_pct", DECIMAL),
            of("fixed_deduction_kwh", DECIMAL),
            of("fixed_approved_on", DATE)),

    IMPORTANT_CUSTOMERS(
            "important_customers.csv",
            ContractTable.IMPORTANT_CUSTOMERS,
            List.of(),
            text("customer_no", 32).asKey().referencing(Reference.CUSTOMER),
            code("grade", "SPECIAL", "FIRST", "SECOND", "TEMPORARY").asRequired(),
            of("supply_sources", INTEGER).asRequired(),
            of("self_generator", BOOLEAN),
            of("guarantee_plan_on", DATE),
            of("reported_to_authority_on", DATE)),

    METERS(
            "meters.csv",
            ContractTable.METERS,
            List.of(),
            text("meter_id", 32).asKey(),
            text("customer_no", 32).asRequired().referencing(Reference.CUSTOMER),
            code("meter_kind", "SINGLE_PHASE", "THREE_PHASE", "SMART_SINGLE", "SMART_THREE")
                    .asRequired(),
            code("metering_class", "I", "II", "III", "IV", "V"),
            text("accuracy_class", 8),
            of("ct_ratio", DECIMAL),
            of("pt_ratio", DECIMAL),
            of("multiplier", DECIMAL).asRequired(),
            of("installed_on", DATE).asRequired(),
            of("last_verified_on", DATE),
            of("rotation_due_on", DATE),
            text("seal_no", 64),
            code("status", "IN_SERVICE", "REMOVED").asRequired(),
            of("removed_on", DATE)),

    READINGS(
            "readings.csv",
            ContractTable.READINGS,
            List.of(
                    RowPolicy.atLeast("consumption_kwh", BigDecimal.ZERO),
                    RowPolicy.greaterThan("multiplier", BigDecimal.ZERO),
                    RowPolicy.readWithinPeriod("read_on", "period")),
            text("meter_id", 32).asKey().referencing(Reference.METER),
            of("period", MONTH).asKey(),
            of("read_on", DATE).asRequired(),
            of("previous_value", DECIMAL).asRequired(),
            of("current_value", DECIMAL).asRequired(),
            of("multiplier", DECIMAL).asRequired(),
            of("consumption_kwh", DECIMAL).asRequired(),
            code("read_type", "ACTUAL", "REMOTE", "ESTIMATED", "MISSED").asRequired(),
            text("reader_id", 32),
            of("max_demand_kw", DECIMAL),
            of("reactive_kvarh", DECIMAL)),

    BILLS(
            "bills.csv",
            ContractTable.BILLS,
            List.of(),
            text("bill_no", 40).asKey(),
            text("customer_no", 32).asRequired().referencing(Reference.CUSTOMER),
            of("period", MONTH).asRequired(),
            text("tariff_code", 32).asRequired().referencing(Reference.TARIFF),
            of("energy_kwh", DECIMAL).asRequired(),
            of("energy_charge", DECIMAL).asRequired(),
            of("basic_charge", DECIMAL),
            of("pf_actual", DECIMAL),
            of("pf_adjustment", DECIMAL),
            of("surcharge", DECIMAL),
            of("total_amount", DECIMAL).asRequired(),
            of("issued_on", DATE).asRequired(),
            of("due_on", DATE).asRequired(),
            of("paid_amount", DECIMAL),
            of("paid_on", DATE),
            code("channel", "COUNTER", "BANK", "PREPAID", "ONLINE"),
            of("late_fee_charged", DECIMAL),
            of("late_fee_waived", BOOLEAN),
            text("waiver_approver", 32),
            text("clerk_id", 32)),

    APPLICATIONS(
            "applications.csv",
            ContractTable.APPLICATIONS,
            List.of(),
            text("app_no", 40).asKey(),
            text("customer_no", 32).referencing(Reference.CUSTOMER),
            text("applicant_name", 300).asRequired(),
            code(
                            "app_type",
                            "RES_NEW",
                            "LV_NEW",
                            "LV_INCREASE",
                            "HV_NEW",
                            "HV_INCREASE",
                            "TEMP_NEW",
                            "PAUSE",
                            "RESUME",
                            "CAPACITY_REDUCE",
                            "TRANSFER",
                            "CHANGE_CATEGORY",
                            "CLOSE")
                    .asRequired(),
            code("supply_mode", "SINGLE", "DUAL"),
            of("capacity_kva", DECIMAL),
            of("voltage_kv", DECIMAL),
            of("green_channel", BOOLEAN),
            text("station_code", 32).asRequired().referencing(Reference.UNIT),
            of("accepted_at", TIMESTAMP).asRequired(),
            code("status", "IN_PROGRESS", "ARCHIVED", "CANCELLED").asRequired(),
            of("archived_at", TIMESTAMP),
            of("fee_charged", DECIMAL),
            of("fee_standard", DECIMAL)),

    APPLICATION_STEPS(
            "application_steps.csv",
            ContractTable.APPLICATION_STEPS,
            List.of(RowPolicy.notBefore("finished_at", "started_at")),
            text("app_no", 40).asKey().referencing(Reference.APPLICATION),
            code(
                            "step",
                            "ACCEPT",
                            "SURVEY",
                            "PLAN_REPLY",
                            "DESIGN_REVIEW",
                            "MID_CHECK",
                            "COMPLETION_CHECK",
                            "CONTRACT",
                            "CONNECT",
                            "ARCHIVE")
                    .asKey(),
            of("started_at", TIMESTAMP).asKey(),
            of("finished_at", TIMESTAMP),
            text("handler_id", 32),
            code("outcome", "PASS", "RETURNED")),

    INSPECTIONS(
            "inspections.csv",
            ContractTable.INSPECTIONS,
            List.of(),
            text("inspection_no", 40).asKey(),
            text("customer_no", 32).asRequired().referencing(Reference.CUSTOMER),
            of("inspected_on", DATE).asRequired(),
            idList("inspector_ids", 200).asRequired(),
            code("kind", "PERIODIC", "SPECIAL", "CHANGE", "THEFT_CHECK").asRequired(),
            code("result", "NORMAL", "HAZARD", "VIOLATION", "THEFT").asRequired(),
            text("hazard_note", 1000),
            text("notice_no", 64),
            of("rectify_due_on", DATE),
            of("rectified_on", DATE),
            of("conclusion_signed", BOOLEAN),
            of("photo_count", INTEGER)),

    METER_EVENTS(
            "meter_events.csv",
            ContractTable.METER_EVENTS,
            List.of(),
            text("event_no", 40).asKey(),
            text("meter_id", 32).asRequired().referencing(Reference.METER),
            code("kind", "FAULT", "FIELD_TEST", "REPLACEMENT", "SEAL_CHANGE").asRequired(),
            of("occurred_on", DATE).asRequired(),
            of("resolved_on", DATE),
            of("error_pct", DECIMAL),
            text("work_order_no", 64),
            text("staff_id", 32));

    private static final Map<String, ContractFile> BY_FILE_NAME = new HashMap<>();

    static {
        for (ContractFile file : values()) {
            BY_FILE_NAME.put(file.fileName, file);
        }
    }

    private final String fileName;
    private final ContractTable table;
    private final List<RowPolicy> policies;
    private final List<Column> columns;
    private final Map<String, Integer> indexByName = new HashMap<>();

    ContractFile(String fileName, ContractTable table, List<RowPolicy> policies, Column... columns) {
        this.fileName = fileName;
        this.table = table;
        this.policies = policies;
        this.columns = List.of(columns);
        for (int i = 0; i < columns.length; i++) {
            indexByName.put(columns[i].name(), i);
        }
    }

    private static Column customerCategory(String name) {
        return code(name, "RESIDENTIAL", "COMMERCIAL", "LARGE_INDUSTRIAL", "AGRICULTURAL");
    }

    /**
     * Where each code column's names live in the message bundles ({@code code.<list>.<CODE>}; team kinds share
     * the rule catalogue's {@code teamKind.*}), by {@code table.column}: rules print these names in their evidence
     * (docs/RULES.md) and a rejected code is answered with them. ContractCodeLabelsTests keeps it complete.
     */
    static final Map<String, String> CODE_NAMES = Map.ofEntries(
            Map.entry("units.unit_type", "code.unitType."),
            Map.entry("units.team_kind", "teamKind."),
            Map.entry("tariffs.customer_category", "code.customerCategory."),
            Map.entry("customers.category", "code.customerCategory."),
            Map.entry("customers.status", "code.customerStatus."),
            Map.entry("customers.basic_charge_mode", "code.basicChargeMode."),
            Map.entry("important_customers.grade", "code.importantGrade."),
            Map.entry("meters.meter_kind", "code.meterKind."),
            Map.entry("meters.metering_class", "code.meteringClass."),
            Map.entry("meters.status", "code.meterStatus."),
            Map.entry("readings.read_type", "code.readType."),
            Map.entry("bills.channel", "code.payChannel."),
            Map.entry("applications.app_type", "code.appType."),
            Map.entry("applications.supply_mode", "code.supplyMode."),
            Map.entry("applications.status", "code.appStatus."),
            Map.entry("application_steps.step", "code.step."),
            Map.entry("application_steps.outcome", "code.stepOutcome."),
            Map.entry("inspections.kind", "code.inspectionKind."),
            Map.entry("inspections.result", "code.inspectionResult."),
            Map.entry("meter_events.kind", "code.meterEventKind."));

    /** The message-key prefix of the names of {@code column}'s codes, or null for a column without codes. */
    String codeNames(Column column) {
        return CODE_NAMES.get(fileName.replace(".csv", "") + "." + column.name());
    }

    public static Optional<ContractFile> byFileName(String fileName) {
        return Optional.ofNullable(BY_FILE_NAME.get(fileName));
    }

    public static List<String> fileNames() {
        return Arrays.stream(values()).map(ContractFile::fileName).toList();
    }

    public String fileName() {
        return fileName;
    }

    /** The table this file's rows are stored in. */
    public ContractTable table() {
        return table;
    }

    List<RowPolicy> policies() {
        return policies;
    }

    public List<Column> columns() {
        return columns;
    }

    int indexOf(String columnName) {
        Integer index = indexByName.get(columnName);
        if (index == null) {
            throw new IllegalArgumentException(fileName + " has no column " + columnName);
        }
        return index;
    }

    /** The record kind whose keys this file brings, if other files may refer to it. */
    Optional<Reference> produces() {
        return switch (this) {
            case UNITS -> Optional.of(Reference.UNIT);
            case TARIFFS -> Optional.of(Reference.TARIFF);
            case CUSTOMERS -> Optional.of(Reference.CUSTOMER);
            case METERS -> Optional.of(Reference.METER);
            case APPLICATIONS -> Optional.of(Reference.APPLICATION);
            default -> Optional.empty();
        };
    }
}
