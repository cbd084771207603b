package org.jicha.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jicha.facts.StoredRecords.Application;
import org.jicha.facts.StoredRecords.ApplicationStep;
import org.jicha.facts.StoredRecords.Bill;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.CustomerBundle;

/**
 * Builds an {@link ApplicationFact} (业扩报装): the application with working days per step and over the whole
 * process, its acceptance and archiving dates, the wait from connection to archiving, its customer's account and
 * first bills, whether a pause was resumed and whether it is the latest archived application of its kind.
 */
final class ApplicationFacts {

    /** The steps of a connection, acceptance to connection, whose working days make up the whole process. */
    private static final List<String> WHOLE_PROCESS_STEPS = List.of(
            "ACCEPT", "SURVEY", "PLAN_REPLY", "DESIGN_REVIEW", "MID_CHECK", "COMPLETION_CHECK", "CONTRACT", "CONNECT");

    private ApplicationFacts() {}

    /**
     * @param firstBillPeriod the customer's first bill period (null without a customer or bills)
     */
    static ApplicationFact of(Application a, CustomerBundle bundle, String firstBillPeriod, AuditContext ctx) {
        ApplicationFact f = new ApplicationFact();
        f.appNo = a.appNo();
        f.customerNo = a.customerNo();
        f.applicantName = a.applicantName();
        f.appType = a.appType();
        f.supplyMode = a.supplyMode();
        f.capacityKva = a.capacityKva();
        f.voltageKv = a.voltageKv();
        f.greenChannel = Boolean.TRUE.equals(a.greenChannel());
        f.stationCode = a.stationCode();
        f.acceptedAt = a.acceptedAt();
        f.status = a.status();
        f.archivedAt = a.archivedAt();
        f.feeCharged = a.feeCharged();
        f.feeStandard = a.feeStandard();
        Map<String, LocalDateTime> firstStart = new LinkedHashMap<>();
        Map<String, LocalDateTime> lastFinish = new HashMap<>();
        Map<String, Boolean> open = new HashMap<>();
        for (ApplicationStep s : a.steps()) {
            firstStart.merge(s.step(), s.startedAt(), (x, y) -> x.isBefore(y) ? x : y);
            if (s.finishedAt() == null) {
                open.put(s.step(), true);
            } else {
                lastFinish.merge(s.step(), s.finishedAt(), (x, y) -> x.isAfter(y) ? x : y);
            }
            if ("RETURNED".equals(s.outcome())) {
                f.returnedSteps++;
            }
        }
        Map<String, Integer> wd = new LinkedHashMap<>();
        for (Map.Entry<String, LocalDateTime> e : firstStart.entrySet()) {
            String step = e.getKey();
            LocalDate end = open.containsKey(step) || !lastFinish.containsKey(step)
                    ? ctx.getAsOf()
                    : lastFinish.get(step).toLocalDate();
            wd.put(step, ctx.workingDays(e.getValue().toLocalDate(), end));
        }
        f.stepWorkingDays = wd;
        f.wholeProcessWorkingDays = WHOLE_PROCESS_STEPS.stream()
                .mapToInt(s -> wd.getOrDefault(s, 0))
                .sum();
        f.connectFinishedAt = open.containsKey("CONNECT") ? null : lastFinish.get("CONNECT");
        f.archiveFinishedAt = open.containsKey("ARCHIVE") ? null : lastFinish.get("ARCHIVE");
        processDates(f, ctx);
        Customer c = bundle.customer();
        if (c != null) {
            f.customerImportant = bundle.important() != null;
            f.customerName = c.customerName();
            f.customerOpenedOn = c.openedOn();
            f.customerContractKva = c.contractKva();
            f.customerVoltageKv = c.voltageKv();
            f.firstBillPeriod = firstBillPeriod;
        }
        billingSinceArchive(f, a, bundle, ctx);
        archivingPauseAndLatest(f, a, bundle, ctx);
        return f;
    }

    /** Acceptance date and month, and the wait from connection to archiving. */
    private static void processDates(ApplicationFact f, AuditContext ctx) {
        f.acceptedOn = f.acceptedAt.toLocalDate();
        f.acceptedPeriod = YearMonth.from(f.acceptedAt).toString();
        LocalDateTime archived = f.archiveFinishedAt != null ? f.archiveFinishedAt : f.archivedAt;
        f.archiveDoneOn = archived == null ? null : archived.toLocalDate();
        if (f.connectFinishedAt != null) {
            LocalDate connected = f.connectFinishedAt.toLocalDate();
            LocalDate end = f.archiveDoneOn != null ? f.archiveDoneOn : ctx.getAsOf();
            f.connectToArchiveWd = end.isBefore(connected) ? 0 : ctx.workingDays(connected, end);
        }
    }

    /** The customer's first bill period from the month the application was archived. */
    private static void billingSinceArchive(ApplicationFact f, Application a, CustomerBundle bundle, AuditContext ctx) {
        if (a.archivedAt() == null || bundle.customer() == null) {
            return;
        }
        String archiveMonth = YearMonth.from(a.archivedAt()).toString();
        String audited = ctx.getAuditedPeriod();
        f.firstBillPeriodSinceArchive = bundle.bills().stream()
                .map(Bill::period)
                .filter(p -> p.compareTo(archiveMonth) >= 0 && p.compareTo(audited) <= 0)
                .min(String::compareTo)
                .orElse(null);
    }

    /**
     * Working days to archive, the customer's running capacity, whether a pause was resumed, and whether the
     * application is the latest archived one of its kind.
     */
    private static void archivingPauseAndLatest(
            ApplicationFact f, Application a, CustomerBundle bundle, AuditContext ctx) {
        if ("ARCHIVED".equals(a.status()) && a.archivedAt() != null) {
            f.archiveWorkingDays =
                    ctx.workingDays(a.acceptedAt().toLocalDate(), a.archivedAt().toLocalDate());
        } else if ("IN_PROGRESS".equals(a.status())) {
            f.archiveWorkingDays = ctx.workingDays(a.acceptedAt().toLocalDate(), ctx.getAsOf());
        }
        Customer c = bundle.customer();
        if (c != null) {
            f.customerRunningKva = c.runningKva() != null ? c.runningKva() : c.contractKva();
        }
        if ("PAUSE".equals(a.appType())) {
            LocalDate from = (a.archivedAt() != null ? a.archivedAt() : a.acceptedAt()).toLocalDate();
            f.pauseResumed = nextResumeAcceptedOn(bundle.applications(), from) != null;
        }
        if ("ARCHIVED".equals(a.status())) {
            String kind = kindOf(a.appType());
            f.latestArchivedOfItsKind = bundle.applications().stream()
                    .filter(o -> o != a && "ARCHIVED".equals(o.status()) && kind.equals(kindOf(o.appType())))
                    .noneMatch(o -> archivedLater(o, a));
        }
    }

    /** The accepted date of the first RESUME application (not CANCELLED) accepted on or after {@code from}. */
    static LocalDate nextResumeAcceptedOn(List<Application> applications, LocalDate from) {
        return applications.stream()
                .filter(a -> "RESUME".equals(a.appType()) && !"CANCELLED".equals(a.status()))
                .map(a -> a.acceptedAt().toLocalDate())
                .filter(d -> !d.isBefore(from))
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    private static String kindOf(String appType) {
        return switch (appType) {
            case "RES_NEW", "LV_NEW", "HV_NEW", "TEMP_NEW", "LV_INCREASE", "HV_INCREASE" -> "NEW_OR_INCREASE";
            default -> appType;
        };
    }

    /** Whether {@code other} was archived after {@code app} (by archived_at, else accepted_at; ties by app_no). */
    private static boolean archivedLater(Application other, Application app) {
        LocalDateTime o = other.archivedAt() != null ? other.archivedAt() : other.acceptedAt();
        LocalDateTime s = app.archivedAt() != null ? app.archivedAt() : app.acceptedAt();
        return o.isAfter(s) || (o.isEqual(s) && other.appNo().compareTo(app.appNo()) > 0);
    }
}
