package org.jicha.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The stored records of the data contract, one Java record per file, as the audit reads them back from
 * the database. Column names map 1:1 (snake_case -> camelCase); nullable columns are boxed.
 */
public final class StoredRecords {

    private StoredRecords() {}

    public record Tariff(
            String tariffCode,
            LocalDate validFrom,
            String tariffName,
            String customerCategory,
            double voltageKv,
            double energyPrice,
            Double tier1LimitKwh,
            Double tier2LimitKwh,
            Double tier2Price,
            Double tier3Price,
            Double basicPriceKva,
            Double basicPriceKw,
            Double pfStandard,
            LocalDate validTo) {

        public boolean validOn(LocalDate date) {
            return !validFrom.isAfter(date) && (validTo == null || !validTo.isBefore(date));
        }
    }

    public record Customer(
            String customerNo,
            String customerName,
            String category,
            double voltageKv,
            String tariffCode,
            double contractKva,
            Double runningKva,
            String status,
            String stationCode,
            Integer readingDay,
            String readerId,
            LocalDate openedOn,
            LocalDate closedOn,
            String tradeCode,
            LocalDate temporaryUntil,
            Integer inspectionCycleMonths,
            String basicChargeMode,
            Double demandKw,
            Double fixedRatioPct,
            Double fixedDeductionKwh,
            LocalDate fixedApprovedOn) {}

    public record ImportantCustomer(
            String customerNo,
            String grade,
            int supplySources,
            Boolean selfGenerator,
            LocalDate guaranteePlanOn,
            LocalDate reportedToAuthorityOn) {}

    public record Meter(
            String meterId,
            String customerNo,
            String meterKind,
            String meteringClass,
            String accuracyClass,
            Double ctRatio,
            Double ptRatio,
            double multiplier,
            LocalDate installedOn,
            LocalDate lastVerifiedOn,
            LocalDate rotationDueOn,
            String sealNo,
            String status,
            LocalDate removedOn) {}

    public record Reading(
            String meterId,
            String period,
            LocalDate readOn,
            double previousValue,
            double currentValue,
            double multiplier,
            double consumptionKwh,
            String readType,
            String readerId,
            Double maxDemandKw,
            Double reactiveKvarh) {}

    public record Bill(
            String billNo,
            String customerNo,
            String period,
            String tariffCode,
            double energyKwh,
            double energyCharge,
            Double basicCharge,
            Double pfActual,
            Double pfAdjustment,
            Double surcharge,
            double totalAmount,
            LocalDate issuedOn,
            LocalDate dueOn,
            Double paidAmount,
            LocalDate paidOn,
            String channel,
            Double lateFeeCharged,
            Boolean lateFeeWaived,
            String waiverApprover,
            String clerkId) {}

    public record Application(
            String appNo,
            String customerNo,
            String applicantName,
            String appType,
            String supplyMode,
            Double capacityKva,
            Double voltageKv,
            Boolean greenChannel,
            String stationCode,
            LocalDateTime acceptedAt,
            String status,
            LocalDateTime archivedAt,
            Double feeCharged,
            Double feeStandard,
            List<ApplicationStep> steps) {}

    public record ApplicationStep(
            String appNo,
            String step,
            LocalDateTime startedAt,
            LocalDateTime finishedAt,
            String handlerId,
            String outcome) {}

    public record Inspection(
            String inspectionNo,
            String customerNo,
            LocalDate inspectedOn,
            String inspectorIds,
            String kind,
            String result,
            String hazardNote,
            String noticeNo,
            LocalDate rectifyDueOn,
            LocalDate rectifiedOn,
            Boolean conclusionSigned,
            Integer photoCount) {}

    public record MeterEvent(
            String eventNo,
            String meterId,
            String kind,
            LocalDate occurredOn,
            LocalDate resolvedOn,
            Double errorPct,
            String workOrderNo,
            String staffId) {}

    /**
     * Everything stored about one customer that the rules may need; the unit of a rule batch. An
     * application without a customer yet is carried alone, with {@code customer} null.
     */
    public record CustomerBundle(
            Customer customer,
            ImportantCustomer important,
            List<Meter> meters,
            List<Reading> readings,
            List<Bill> bills,
            List<Application> applications,
            List<Inspection> inspections,
            List<MeterEvent> meterEvents) {}
}
