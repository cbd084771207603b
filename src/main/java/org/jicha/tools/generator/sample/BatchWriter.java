package org.jicha.tools.generator.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jicha.tools.generator.CsvFile;

/**
 * Writes a {@link Batch} as the contract's twelve CSV files, through the same {@link CsvFile} as the province-scale generator.
 *
 * <p>Long because it writes each of the contract's files of the sample, one short method per file.
 */
final class BatchWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Path outDir;

    BatchWriter(Path outDir) {
        this.outDir = outDir;
    }

    void write(Batch b) {
        table(
                "units.csv",
                b.units,
                null,
                List.of("unit_code", "unit_name", "parent_code", "unit_type", "team_kind"),
                u -> List.of(u.code, u.name, s(u.parentCode), u.type, s(u.teamKind)));
        table(
                "staff.csv",
                b.staff,
                Comparator.comparing(x -> x.id),
                List.of("staff_id", "name", "unit_code", "role"),
                x -> List.of(x.id, x.name, x.unitCode, s(x.role)));
        table(
                "tariffs.csv",
                b.tariffs,
                null,
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
                        "valid_to"),
                t -> List.of(
                        t.code(),
                        t.name(),
                        t.category(),
                        n(t.voltageKv()),
                        n(t.energyPrice()),
                        n(t.tier1LimitKwh()),
                        n(t.tier2LimitKwh()),
                        n(t.tier2Price()),
                        n(t.tier3Price()),
                        n(t.basicPriceKva()),
                        n(t.basicPriceKw()),
                        n(t.pfStandard()),
                        d(t.validFrom()),
                        d(t.validTo())));
        table(
                "customers.csv",
                b.customers,
                Comparator.comparing(c -> c.no),
                List.of(
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
                        "fixed_approved_on"),
                c -> List.of(
                        c.no,
                        c.name,
                        c.category,
                        n(c.voltageKv),
                        c.tariffCode,
                        n(c.contractKva),
                        n(c.runningKva),
                        c.status,
                        c.stationCode,
                        i(c.readingDay),
                        s(c.readerId),
                        d(c.openedOn),
                        d(c.closedOn),
                        s(c.tradeCode),
                        d(c.temporaryUntil),
                        i(c.inspectionCycleMonths),
                        s(c.basicChargeMode),
                        n(c.demandKw),
                        n(c.fixedRatioPct),
                        n(c.fixedDeductionKwh),
                        d(c.fixedApprovedOn)));
        table(
                "important_customers.csv",
                b.importantCustomers,
                Comparator.comparing(x -> x.customerNo),
                List.of(
                        "customer_no",
                        "grade",
                        "supply_sources",
                        "self_generator",
                        "guarantee_plan_on",
                        "reported_to_authority_on"),
                x -> List.of(
                        x.customerNo,
                        x.grade,
                        Integer.toString(x.supplySources),
                        yn(x.selfGenerator),
                        d(x.guaranteePlanOn),
                        d(x.reportedToAuthorityOn)));
        table(
                "meters.csv",
                b.meters,
                Comparator.comparing(m -> m.id),
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
                        "removed_on"),
                m -> List.of(
                        m.id,
                        m.customerNo,
                        m.kind,
                        s(m.meteringClass),
                        s(m.accuracyClass),
                        n(m.ctRatio),
                        n(m.ptRatio),
                        n(m.multiplier),
                        d(m.installedOn),
                        d(m.lastVerifiedOn),
                        d(m.rotationDueOn),
                        s(m.sealNo),
                        m.status,
                        d(m.removedOn)));
        table(
                "readings.csv",
                b.readings,
                Comparator.<Batch.Reading, String>comparing(r -> r.meterId).thenComparing(r -> r.period),
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
                        "reactive_kvarh"),
                r -> List.of(
                        r.meterId,
                        p(r.period),
                        d(r.readOn),
                        n(r.previousValue),
                        n(r.currentValue),
                        n(r.multiplier),
                        n(r.consumptionKwh),
                        r.readType,
                        s(r.readerId),
                        n(r.maxDemandKw),
                        n(r.reactiveKvarh)));
        table(
                "bills.csv",
                b.bills,
                Comparator.comparing(x -> x.no),
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
                        "clerk_id"),
                x -> List.of(
                        x.no,
                        x.customerNo,
                        p(x.period),
                        x.tariffCode,
                        n(x.energyKwh),
                        n(x.energyCharge),
                        n(x.basicCharge),
                        n(x.pfActual),
                        n(x.pfAdjustment),
                        n(x.surcharge),
                        n(x.totalAmount),
                        d(x.issuedOn),
                        d(x.dueOn),
                        n(x.paidAmount),
                        d(x.paidOn),
                        s(x.channel),
                        n(x.lateFeeCharged),
                        yn(x.lateFeeWaived),
                        s(x.waiverApprover),
                        s(x.clerkId)));
        table(
                "applications.csv",
                b.applications,
                Comparator.comparing(a -> a.no),
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
                        "fee_standard"),
                a -> List.of(
                        a.no,
                        s(a.customerNo),
                        a.applicantName,
                        a.type,
                        s(a.supplyMode),
                        n(a.capacityKva),
                        n(a.voltageKv),
                        yn(a.greenChannel),
                        a.stationCode,
                        t(a.acceptedAt),
                        a.status,
                        t(a.archivedAt),
                        n(a.feeCharged),
                        n(a.feeStandard)));
        table(
                "application_steps.csv",
                b.steps,
                Comparator.<Batch.Step, String>comparing(x -> x.appNo)
                        .thenComparing(x -> x.startedAt)
                        .thenComparing(x -> x.step),
                List.of("app_no", "step", "started_at", "finished_at", "handler_id", "outcome"),
                x -> List.of(x.appNo, x.step, t(x.startedAt), t(x.finishedAt), s(x.handlerId), s(x.outcome)));
        table(
                "inspections.csv",
                b.inspections,
                Comparator.comparing(x -> x.no),
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
                        "photo_count"),
                x -> List.of(
                        x.no,
                        x.customerNo,
                        d(x.inspectedOn),
                        x.inspectorIds,
                        x.kind,
                        x.result,
                        s(x.hazardNote),
                        s(x.noticeNo),
                        d(x.rectifyDueOn),
                        d(x.rectifiedOn),
                        yn(x.conclusionSigned),
                        i(x.photoCount)));
        table(
                "meter_events.csv",
                b.meterEvents,
                Comparator.comparing(x -> x.no),
                List.of(
                        "event_no",
                        "meter_id",
                        "kind",
                        "occurred_on",
                        "resolved_on",
                        "error_pct",
                        "work_order_no",
                        "staff_id"),
                x -> List.of(
                        x.no,
                        x.meterId,
                        x.kind,
                        d(x.occurredOn),
                        d(x.resolvedOn),
                        n(x.errorPct),
                        s(x.workOrderNo),
                        s(x.staffId)));
    }

    /** Writes a small CSV of string rows (the tables, and the expected-findings files). */
    void writeRows(String fileName, List<String> header, List<List<String>> rows) {
        try (CsvFile csv = new CsvFile(outDir, fileName, header)) {
            for (List<String> row : rows) {
                for (String cell : row) {
                    csv.text(cell);
                }
                csv.endRow();
            }
        }
    }

    private <T> void table(
            String fileName, List<T> rows, Comparator<T> order, List<String> header, Function<T, List<String>> cells) {
        List<T> sorted = new ArrayList<>(rows);
        if (order != null) {
            sorted.sort(order);
        }
        List<List<String>> out = new ArrayList<>(sorted.size());
        for (T row : sorted) {
            out.add(cells.apply(row));
        }
        writeRows(fileName, header, out);
    }

    static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static String s(String v) {
        return v == null ? "" : v;
    }

    static String n(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    static String i(Integer v) {
        return v == null ? "" : v.toString();
    }

    static String d(LocalDate v) {
        return v == null ? "" : v.toString();
    }

    static String p(YearMonth v) {
        return v == null ? "" : v.toString();
    }

    static String t(LocalDateTime v) {
        return v == null ? "" : v.format(TIMESTAMP);
    }

    static String yn(Boolean v) {
        return v == null ? "" : (v ? "Y" : "N");
    }

    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }
}
