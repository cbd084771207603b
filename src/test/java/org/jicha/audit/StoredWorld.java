package org.jicha.audit;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A minimal organisation and customer written straight into the contract tables, for tests of the run and
 * ticket bookkeeping (the loader has its own tests): one station with a READING and a METERING team, a
 * residential tariff, and helpers to add customers, meters, readings and bills.
 */
public final class StoredWorld {

    public static final String STATION = "ST01";
    public static final String READING_TEAM = "ST01-READ";
    public static final String METERING_TEAM = "ST01-METER";

    private final JdbcTemplate jdbc;

    public StoredWorld(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static StoredWorld reset(JdbcTemplate jdbc) {
        for (String table : new String[] {
            "findings",
            "audit_run_rule_counts",
            "audit_run_errors",
            "audit_run_error_counts",
            "audit_recheck",
            "audit_run_candidates",
            "inspection_tickets",
            "audit_run_partitions",
            "ticket_openings",
            "ticket_brakes",
            "audit_run_data_gaps",
            "audit_runs",
            "readings",
            "bills",
            "meter_events",
            "meters",
            "application_steps",
            "applications",
            "inspections",
            "important_customers",
            "customers",
            "tariffs",
            "staff",
            "units"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                + "('CO', '县公司', NULL, 'COUNTY', NULL), ('ST01', '城关供电所', 'CO', 'STATION', NULL), "
                + "('ST01-READ', '城关抄表班', 'ST01', 'TEAM', 'READING'), "
                + "('ST01-METER', '城关计量班', 'ST01', 'TEAM', 'METERING')");
        jdbc.update(
                "INSERT INTO tariffs (tariff_code, valid_from, tariff_name, customer_category, voltage_kv, energy_price, "
                        + "tier1_limit_kwh, tier2_limit_kwh, tier2_price, tier3_price) VALUES "
                        + "('RES-T', DATE '2024-01-01', '居民阶梯电价', 'RESIDENTIAL', 0.22, 0.5283, 230, 400, 0.5783, 0.8283)");
        return new StoredWorld(jdbc);
    }

    /** A second station under the county, with its own reading and metering teams. */
    public StoredWorld station(String code) {
        jdbc.update(
                "INSERT INTO units (unit_code, unit_name, parent_code, unit_type, team_kind) VALUES "
                        + "(?, '河口供电所', 'CO', 'STATION', NULL), (?, '河口抄表班', ?, 'TEAM', 'READING'), "
                        + "(?, '河口计量班', ?, 'TEAM', 'METERING')",
                code,
                code + "-READ",
                code,
                code + "-METER",
                code);
        return this;
    }

    public StoredWorld customer(String no) {
        return customer(no, STATION);
    }

    public StoredWorld customer(String no, String station) {
        jdbc.update(
                "INSERT INTO customers (customer_no, customer_name, category, voltage_kv, tariff_code, contract_kva, "
                        + "status, station_code, reading_day, opened_on) VALUES (?, '张三', 'RESIDENTIAL', 0.22, 'RES-T', 8, "
                        + "'ACTIVE', ?, 5, DATE '2020-03-01')",
                no,
                station);
        return this;
    }

    public StoredWorld meter(String meterId, String customerNo, LocalDate rotationDueOn) {
        jdbc.update(
                "INSERT INTO meters (meter_id, customer_no, meter_kind, metering_class, accuracy_class, multiplier, "
                        + "installed_on, rotation_due_on, status) VALUES (?, ?, 'SMART_SINGLE', 'V', '2', 1, DATE '2020-03-01', ?, "
                        + "'IN_SERVICE')",
                meterId,
                customerNo,
                rotationDueOn);
        return this;
    }

    /** A bill of the period at the residential first-tier price, issued on the 4th of the month after. */
    public StoredWorld bill(String customerNo, String period, double kwh) {
        YearMonth month = YearMonth.parse(period);
        double charge = Math.round(kwh * 0.5283 * 100) / 100.0;
        jdbc.update(
                "INSERT INTO bills (bill_no, customer_no, period, tariff_code, energy_kwh, energy_charge, total_amount, "
                        + "issued_on, due_on) VALUES (?, ?, ?, 'RES-T', ?, ?, ?, ?, ?)",
                "DF" + period.replace("-", "") + customerNo,
                customerNo,
                period,
                kwh,
                charge,
                charge,
                month.plusMonths(1).atDay(4),
                month.plusMonths(1).atDay(24));
        return this;
    }

    public StoredWorld reading(String meterId, String period, double previous, double current) {
        jdbc.update(
                "INSERT INTO readings (meter_id, period, read_on, previous_value, current_value, multiplier, "
                        + "consumption_kwh, read_type) VALUES (?, ?, ?, ?, ?, 1, ?, 'REMOTE')",
                meterId,
                period,
                YearMonth.parse(period).plusMonths(1).atDay(3),
                previous,
                current,
                current - previous);
        return this;
    }
}
