package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jicha.tools.generator.TariffBook;

/**
 * The rows of one batch, one list per contract file. Rows are plain mutable holders: the world builder
 * creates clean rows first and the planted cases then change single rows, which keeps every deviation
 * visible in one named method.
 */
final class Batch {

    final List<Unit> units = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    final List<TariffBook.Tariff> tariffs = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<ImportantCustomer> importantCustomers = new ArrayList<>();
    final List<Meter> meters = new ArrayList<>();
    final List<Reading> readings = new ArrayList<>();
    final List<Bill> bills = new ArrayList<>();
    final List<Application> applications = new ArrayList<>();
    final List<Step> steps = new ArrayList<>();
    final List<Inspection> inspections = new ArrayList<>();
    final List<MeterEvent> meterEvents = new ArrayList<>();

    static final class Unit {
        String code;
        String name;
        String parentCode;
        String type;
        String teamKind;
    }

    static final class Staff {
        String id;
        String name;
        String unitCode;
        String role;
    }

    static final class Customer {
        String no;
        String name;
        String category;
        BigDecimal voltageKv;
        String tariffCode;
        BigDecimal contractKva;
        BigDecimal runningKva;
        String status;
        String stationCode;
        Integer readingDay;
        String readerId;
        LocalDate openedOn;
        LocalDate closedOn;
        String tradeCode;
        LocalDate temporaryUntil;
        Integer inspectionCycleMonths;
        String basicChargeMode;
        BigDecimal demandKw;
        BigDecimal fixedRatioPct;
        BigDecimal fixedDeductionKwh;
        LocalDate fixedApprovedOn;
    }

    static final class ImportantCustomer {
        String customerNo;
        String grade;
        int supplySources;
        Boolean selfGenerator;
        LocalDate guaranteePlanOn;
        LocalDate reportedToAuthorityOn;
    }

    static final class Meter {
        String id;
        String customerNo;
        String kind;
        String meteringClass;
        String accuracyClass;
        BigDecimal ctRatio;
        BigDecimal ptRatio;
        BigDecimal multiplier;
        LocalDate installedOn;
        LocalDate lastVerifiedOn;
        LocalDate rotationDueOn;
        String sealNo;
        String status;
        LocalDate removedOn;
    }

    static final class Reading {
        String meterId;
        YearMonth period;
        LocalDate readOn;
        BigDecimal previousValue;
        BigDecimal currentValue;
        BigDecimal multiplier;
        BigDecimal consumptionKwh;
        String readType;
        String readerId;
        BigDecimal maxDemandKw;
        BigDecimal reactiveKvarh;

        String subjectId() {
            return meterId + ":" + period;
        }
    }

    static final class Bill {
        String no;
        String customerNo;
        YearMonth period;
        String tariffCode;
        BigDecimal energyKwh;
        BigDecimal energyCharge;
        BigDecimal basicCharge;
        BigDecimal pfActual;
        BigDecimal pfAdjustment;
        BigDecimal surcharge;
        BigDecimal totalAmount;
        LocalDate issuedOn;
        LocalDate dueOn;
        BigDecimal paidAmount;
        LocalDate paidOn;
        String channel;
        BigDecimal lateFeeCharged;
        Boolean lateFeeWaived;
        String waiverApprover;
        String clerkId;
    }

    static final class Application {
        String no;
        String customerNo;
        String applicantName;
        String type;
        String supplyMode;
        BigDecimal capacityKva;
        BigDecimal voltageKv;
        Boolean greenChannel;
        String stationCode;
        LocalDateTime acceptedAt;
        String status;
        LocalDateTime archivedAt;
        BigDecimal feeCharged;
        BigDecimal feeStandard;
    }

    static final class Step {
        String appNo;
        String step;
        LocalDateTime startedAt;
        LocalDateTime finishedAt;
        String handlerId;
        String outcome;
    }

    static final class Inspection {
        String no;
        String customerNo;
        LocalDate inspectedOn;
        String inspectorIds;
        String kind;
        String result;
        String hazardNote;
        String noticeNo;
        LocalDate rectifyDueOn;
        LocalDate rectifiedOn;
        Boolean conclusionSigned;
        Integer photoCount;
    }

    static final class MeterEvent {
        String no;
        String meterId;
        String kind;
        LocalDate occurredOn;
        LocalDate resolvedOn;
        BigDecimal errorPct;
        String workOrderNo;
        String staffId;
    }
}
