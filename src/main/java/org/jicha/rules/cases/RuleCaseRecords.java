package org.jicha.rules.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

/**
 * The records of a {@link RuleCase} as stored records: each row read with the data contract's cell formats
 * (empty = null, dates {@code yyyy-MM-dd}, timestamps {@code yyyy-MM-dd HH:mm:ss} or with {@code T},
 * months {@code yyyy-MM}, decimals with {@code .}, booleans {@code Y}/{@code N}), then grouped into one
 * bundle per customer_no; an application without a customer is a bundle of its own. A missing required
 * column, an unknown column or a bad value is reported naming file, case, row and field.
 *
 * <p>Long because it maps every record type of a YAML case to the stored records, one small method each.
 */
final class RuleCaseRecords {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final List<Tariff> tariffs;
    private final List<CustomerBundle> bundles;

    private RuleCaseRecords(List<Tariff> tariffs, List<CustomerBundle> bundles) {
        this.tariffs = tariffs;
        this.bundles = bundles;
    }

    public List<Tariff> tariffs() {
        return tariffs;
    }

    public List<CustomerBundle> bundles() {
        return bundles;
    }

    /** Converts and groups the case's records; throws {@link RuleCaseException} on the first bad cell. */
    public static RuleCaseRecords of(RuleCase c) {
        String where = c.label();
        for (String file : c.records().keySet()) {
            if (!FILES.contains(file)) {
                throw new RuleCaseException(
                        where + ": records: unknown file '" + file + "' (expected one of " + FILES + ")");
            }
        }
        List<Tariff> tariffs = rows(c, "tariffs", RuleCaseRecords::tariff);
        List<Customer> customers = rows(c, "customers", RuleCaseRecords::customer);
        List<ImportantCustomer> important = rows(c, "important_customers", RuleCaseRecords::important);
        List<Meter> meters = rows(c, "meters", RuleCaseRecords::meter);
        List<Reading> readings = rows(c, "readings", RuleCaseRecords::reading);
        List<Bill> bills = rows(c, "bills", RuleCaseRecords::bill);
        List<ApplicationStep> steps = rows(c, "application_steps", RuleCaseRecords::step);
        List<Application> applications = rows(c, "applications", r -> application(r, steps));
        List<Inspection> inspections = rows(c, "inspections", RuleCaseRecords::inspection);
        List<MeterEvent> events = rows(c, "meter_events", RuleCaseRecords::event);

        Map<String, Customer> customerByNo = new LinkedHashMap<>();
        customers.forEach(x -> customerByNo.put(x.customerNo(), x));
        Map<String, String> customerOfMeter = new TreeMap<>();
        meters.forEach(m -> customerOfMeter.put(m.meterId(), m.customerNo()));
        Map<String, Group> groups = new TreeMap<>();
        customers.forEach(x -> group(groups, x.customerNo()).customer = x);
        important.forEach(x -> group(groups, x.customerNo()).important = x);
        meters.forEach(x -> group(groups, x.customerNo()).meters.add(x));
        readings.forEach(x -> group(groups, customerOfMeter(where, "readings", x.meterId(), customerOfMeter))
                .readings
                .add(x));
        events.forEach(x -> group(groups, customerOfMeter(where, "meter_events", x.meterId(), customerOfMeter))
                .events
                .add(x));
        bills.forEach(x -> group(groups, x.customerNo()).bills.add(x));
        inspections.forEach(x -> group(groups, x.customerNo()).inspections.add(x));
        List<CustomerBundle> bundles = new ArrayList<>();
        for (Application a : applications) {
            if (a.customerNo() == null || !customerByNo.containsKey(a.customerNo())) {
                bundles.add(new CustomerBundle(
                        null, null, List.of(), List.of(), List.of(), List.of(a), List.of(), List.of()));
            } else {
                group(groups, a.customerNo()).applications.add(a);
            }
        }
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            if (g.customer == null) {
                throw new RuleCaseException(
                        where + ": records refer to customer_no " + e.getKey() + ", which has no customers row");
            }
            bundles.add(new CustomerBundle(
                    g.customer, g.important, g.meters, g.readings, g.bills, g.applications, g.inspections, g.events));
        }
        return new RuleCaseRecords(tariffs, bundles);
    }

    private static final Set<String> FILES = Set.of(
            "tariffs",
            "customers",
            "important_customers",
            "meters",
            "readings",
            "bills",
            "applications",
            "application_steps",
            "inspections",
            "meter_events");

    private static final class Group {
        Customer customer;
        ImportantCustomer important;
        final List<Meter> meters = new ArrayList<>();
        final List<Reading> readings = new ArrayList<>();
        final List<Bill> bills = new ArrayList<>();
        final List<Application> applications = new ArrayList<>();
        final List<Inspection> inspections = new ArrayList<>();
        final List<MeterEvent> events = new ArrayList<>();
    }

    private static Group group(Map<String, Group> groups, String customerNo) {
        return groups.computeIfAbsent(customerNo, k -> new Group());
    }

    private static String customerOfMeter(
            String where, String file, String meterId, Map<String, String> customerOfMeter) {
        String customerNo = customerOfMeter.get(meterId);
        if (customerNo == null) {
            throw new RuleCaseException(where + ": records " + file + ": meter_id " + meterId + " has no meters row");
        }
        return customerNo;
    }

    private static <T> List<T> rows(RuleCase c, String file, Function<Row, T> convert) {
        List<Map<String, String>> rows = c.records().getOrDefault(file, List.of());
        List<T> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = new Row(c.label() + ": records " + file + " row " + (i + 1), rows.get(i));
            result.add(convert.apply(row));
            row.rejectUnknownColumns();
        }
        return result;
    }

    private static Tariff tariff(Row r) {
        return new Tariff(
                r.req("tariff_code"),
                r.reqDate("valid_from"),
                r.req("tariff_name"),
                r.req("customer_category"),
                r.reqDecimal("voltage_kv"),
                r.reqDecimal("energy_price"),
                r.decimal("tier1_limit_kwh"),
                r.decimal("tier2_limit_kwh"),
                r.decimal("tier2_price"),
                r.decimal("tier3_price"),
                r.decimal("basic_price_kva"),
                r.decimal("basic_price_kw"),
                r.decimal("pf_standard"),
                r.date("valid_to"));
    }

    private static Customer customer(Row r) {
        return new Customer(
                r.req("customer_no"),
                r.req("customer_name"),
                r.req("category"),
                r.reqDecimal("voltage_kv"),
                r.req("tariff_code"),
                r.reqDecimal("contract_kva"),
                r.decimal("running_kva"),
                r.req("status"),
                r.req("station_code"),
                r.integer("reading_day"),
                r.text("reader_id"),
                r.reqDate("opened_on"),
                r.date("closed_on"),
                r.text("trade_code"),
                r.date("temporary_until"),
                r.integer("inspection_cycle_months"),
                r.text("basic_charge_mode"),
                r.decimal("demand_kw"),
                r.decimal("fixed_ratio_pct"),
                r.decimal("fixed_deduction_kwh"),
                r.date("fixed_approved_on"));
    }

    private static ImportantCustomer important(Row r) {
        return new ImportantCustomer(
                r.req("customer_no"),
                r.req("grade"),
                r.reqInteger("supply_sources"),
                r.bool("self_generator"),
                r.date("guarantee_plan_on"),
                r.date("reported_to_authority_on"));
    }

    private static Meter meter(Row r) {
        return new Meter(
                r.req("meter_id"),
                r.req("customer_no"),
                r.req("meter_kind"),
                r.text("metering_class"),
                r.text("accuracy_class"),
                r.decimal("ct_ratio"),
                r.decimal("pt_ratio"),
                r.reqDecimal("multiplier"),
                r.reqDate("installed_on"),
                r.date("last_verified_on"),
                r.date("rotation_due_on"),
                r.text("seal_no"),
                r.req("status"),
                r.date("removed_on"));
    }

    private static Reading reading(Row r) {
        return new Reading(
                r.req("meter_id"),
                r.reqMonth("period"),
                r.reqDate("read_on"),
                r.reqDecimal("previous_value"),
                r.reqDecimal("current_value"),
                r.reqDecimal("multiplier"),
                r.reqDecimal("consumption_kwh"),
                r.req("read_type"),
                r.text("reader_id"),
                r.decimal("max_demand_kw"),
                r.decimal("reactive_kvarh"));
    }

    private static Bill bill(Row r) {
        return new Bill(
                r.req("bill_no"),
                r.req("customer_no"),
                r.reqMonth("period"),
                r.req("tariff_code"),
                r.reqDecimal("energy_kwh"),
                r.reqDecimal("energy_charge"),
                r.decimal("basic_charge"),
                r.decimal("pf_actual"),
                r.decimal("pf_adjustment"),
                r.decimal("surcharge"),
                r.reqDecimal("total_amount"),
                r.reqDate("issued_on"),
                r.reqDate("due_on"),
                r.decimal("paid_amount"),
                r.date("paid_on"),
                r.text("channel"),
                r.decimal("late_fee_charged"),
                r.bool("late_fee_waived"),
                r.text("waiver_approver"),
                r.text("clerk_id"));
    }

    private static Application application(Row r, List<ApplicationStep> allSteps) {
        String appNo = r.req("app_no");
        List<ApplicationStep> steps =
                allSteps.stream().filter(s -> s.appNo().equals(appNo)).toList();
        return new Application(
                appNo,
                r.text("customer_no"),
                r.req("applicant_name"),
                r.req("app_type"),
                r.text("supply_mode"),
                r.decimal("capacity_kva"),
                r.decimal("voltage_kv"),
                r.bool("green_channel"),
                r.req("station_code"),
                r.reqTimestamp("accepted_at"),
                r.req("status"),
                r.timestamp("archived_at"),
                r.decimal("fee_charged"),
                r.decimal("fee_standard"),
                steps);
    }

    private static ApplicationStep step(Row r) {
        return new ApplicationStep(
                r.req("app_no"),
                r.req("step"),
                r.reqTimestamp("started_at"),
                r.timestamp("finished_at"),
                r.text("handler_id"),
                r.text("outcome"));
    }

    private static Inspection inspection(Row r) {
        return new Inspection(
                r.req("inspection_no"),
                r.req("customer_no"),
                r.reqDate("inspected_on"),
                r.req("inspector_ids"),
                r.req("kind"),
                r.req("result"),
                r.text("hazard_note"),
                r.text("notice_no"),
                r.date("rectify_due_on"),
                r.date("rectified_on"),
                r.bool("conclusion_signed"),
                r.integer("photo_count"));
    }

    private static MeterEvent event(Row r) {
        return new MeterEvent(
                r.req("event_no"),
                r.req("meter_id"),
                r.req("kind"),
                r.reqDate("occurred_on"),
                r.date("resolved_on"),
                r.decimal("error_pct"),
                r.text("work_order_no"),
                r.text("staff_id"));
    }

    /** One row's cells, read column by column; remembers which columns were read to reject unknown ones. */
    private static final class Row {

        private final String where;
        private final Map<String, String> cells;
        private final Set<String> read = new HashSet<>();

        Row(String where, Map<String, String> cells) {
            this.where = where;
            this.cells = cells;
        }

        String text(String column) {
            read.add(column);
            String v = cells.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        String req(String column) {
            String v = text(column);
            if (v == null) {
                throw bad(column, "required column is missing or empty");
            }
            return v;
        }

        Double decimal(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw bad(column, "\"" + v + "\" is not a decimal number");
            }
        }

        double reqDecimal(String column) {
            req(column);
            return decimal(column);
        }

        Integer integer(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return Integer.valueOf(v);
            } catch (NumberFormatException e) {
                throw bad(column, "\"" + v + "\" is not a whole number");
            }
        }

        int reqInteger(String column) {
            req(column);
            return integer(column);
        }

        LocalDate date(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw bad(column, "\"" + v + "\" is not a date yyyy-MM-dd");
            }
        }

        LocalDate reqDate(String column) {
            req(column);
            return date(column);
        }

        LocalDateTime timestamp(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(v, TIMESTAMP);
            } catch (DateTimeParseException e) {
                throw bad(column, "\"" + v + "\" is not a timestamp yyyy-MM-dd HH:mm:ss");
            }
        }

        LocalDateTime reqTimestamp(String column) {
            req(column);
            return timestamp(column);
        }

        String reqMonth(String column) {
            String v = req(column);
            try {
                return YearMonth.parse(v).toString();
            } catch (DateTimeParseException e) {
                throw bad(column, "\"" + v + "\" is not a month yyyy-MM");
            }
        }

        Boolean bool(String column) {
            String v = text(column);
            if (v == null) {
                return null;
            }
            return switch (v) {
                case "Y" -> Boolean.TRUE;
                case "N" -> Boolean.FALSE;
                default -> throw bad(column, "\"" + v + "\" is not Y or N");
            };
        }

        void rejectUnknownColumns() {
            for (String column : cells.keySet()) {
                if (!read.contains(column)) {
                    throw bad(column, "unknown column (misspelt?)");
                }
            }
        }

        private RuleCaseException bad(String column, String message) {
            return new RuleCaseException(where + ": field " + column + ": " + message);
        }
    }
}
