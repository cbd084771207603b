package org.jicha.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A business-expansion or change application (业扩/变更工单) with its steps' working-day spans
 * precomputed on the China calendar (open steps count up to the as-of date).
 */
public final class ApplicationFact implements AuditSubject {

    String appNo;
    String customerNo;
    String applicantName;
    String appType;
    String supplyMode;
    Double capacityKva;
    Double voltageKv;
    boolean greenChannel;
    String stationCode;
    LocalDateTime acceptedAt;
    String status;
    LocalDateTime archivedAt;
    Double feeCharged;
    Double feeStandard;
    // derived
    Map<String, Integer> stepWorkingDays = Map.of();
    int returnedSteps;
    int wholeProcessWorkingDays;
    LocalDateTime connectFinishedAt;
    LocalDateTime archiveFinishedAt;
    boolean customerImportant;
    String customerName;
    LocalDate customerOpenedOn;
    Double customerContractKva;
    Double customerVoltageKv;
    String firstBillPeriod;

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.APPLICATION;
    }

    @Override
    public String getSubjectId() {
        return appNo;
    }

    @Override
    public String getCustomerNo() {
        return customerNo;
    }

    @Override
    public String getStationCode() {
        return stationCode;
    }

    public String getAppNo() {
        return appNo;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public String getAppType() {
        return appType;
    }

    public String getSupplyMode() {
        return supplyMode;
    }

    public Double getCapacityKva() {
        return capacityKva;
    }

    public Double getVoltageKv() {
        return voltageKv;
    }

    public boolean isGreenChannel() {
        return greenChannel;
    }

    public LocalDateTime getAcceptedAt() {
        return acceptedAt;
    }

    public String getStatus() {
        return status;
    }

    public boolean isArchived() {
        return "ARCHIVED".equals(status);
    }

    public boolean isInProgress() {
        return "IN_PROGRESS".equals(status);
    }

    public LocalDateTime getArchivedAt() {
        return archivedAt;
    }

    public Double getFeeCharged() {
        return feeCharged;
    }

    public Double getFeeStandard() {
        return feeStandard;
    }

    /**
     * The column of the catalogue's step-limit table this application falls in: RES (RES_NEW), LV (LV_NEW,
     * LV_INCREASE, TEMP_NEW), HV_SINGLE or HV_DUAL (HV_NEW, HV_INCREASE by supply_mode); null for change
     * applications, which have no step limits.
     */
    public String getLimitGroup() {
        return switch (appType) {
            case "RES_NEW" -> "RES";
            case "LV_NEW", "LV_INCREASE", "TEMP_NEW" -> "LV";
            case "HV_NEW", "HV_INCREASE" -> "DUAL".equals(supplyMode) ? "HV_DUAL" : "HV_SINGLE";
            default -> null;
        };
    }

    public boolean isNewConnection() {
        return switch (appType) {
            case "RES_NEW", "LV_NEW", "HV_NEW", "TEMP_NEW" -> true;
            default -> false;
        };
    }

    /** The step's span in working days, first start to last finish (or the as-of date while open); -1 when absent. */
    public int stepWd(String step) {
        Integer wd = stepWorkingDays.get(step);
        return wd == null ? -1 : wd;
    }

    /** The steps of {@code steps} (comma-separated) this application has no record of, comma-separated; "" when none. */
    public String missingSteps(String steps) {
        return Arrays.stream(steps.split("\\s*,\\s*"))
                .filter(s -> !s.isEmpty() && !stepWorkingDays.containsKey(s))
                .collect(Collectors.joining(","));
    }

    /** |fee_charged - fee_standard|; 0 when either is empty. */
    public double getFeeDifference() {
        return feeCharged == null || feeStandard == null ? 0.0 : Math.abs(feeCharged - feeStandard);
    }

    public boolean hasStep(String step) {
        return stepWorkingDays.containsKey(step);
    }

    public Map<String, Integer> getStepWorkingDays() {
        return Collections.unmodifiableMap(stepWorkingDays);
    }

    /** Steps with outcome RETURNED. */
    public int getReturnedSteps() {
        return returnedSteps;
    }

    /** Sum of the working days of every step from ACCEPT through CONNECT. */
    public int getWholeProcessWorkingDays() {
        return wholeProcessWorkingDays;
    }

    public LocalDateTime getConnectFinishedAt() {
        return connectFinishedAt;
    }

    public LocalDateTime getArchiveFinishedAt() {
        return archiveFinishedAt;
    }

    public boolean isCustomerImportant() {
        return customerImportant;
    }

    public String getCustomerName() {
        return customerName;
    }

    public LocalDate getCustomerOpenedOn() {
        return customerOpenedOn;
    }

    public Double getCustomerContractKva() {
        return customerContractKva;
    }

    public Double getCustomerVoltageKv() {
        return customerVoltageKv;
    }

    /** The customer's earliest bill period; null when no bill (or no customer). */
    public String getFirstBillPeriod() {
        return firstBillPeriod;
    }

    // ---- derived: acceptance and archiving dates, connection to archiving ----
    LocalDate acceptedOn;
    String acceptedPeriod;
    int connectToArchiveWd = -1;
    LocalDate archiveDoneOn;

    /** The date of accepted_at. */
    public LocalDate getAcceptedOn() {
        return acceptedOn;
    }

    /** The billing month of accepted_at, {@code yyyy-MM}. */
    public String getAcceptedPeriod() {
        return acceptedPeriod;
    }

    /**
     * wd from CONNECT's last finish to the archiving (ARCHIVE's last finish, else archived_at, else the as-of
     * date while not archived); -1 while CONNECT has not finished.
     */
    public int getConnectToArchiveWd() {
        return connectToArchiveWd;
    }

    /** The date the application was archived (ARCHIVE's last finish, else archived_at); null while not archived. */
    public LocalDate getArchiveDoneOn() {
        return archiveDoneOn;
    }

    /** Whether the step took more than {@code share} of its limit; false without a record or a limit (< 0). */
    public boolean stepOverShare(String step, int limit, double share) {
        return limit >= 0 && hasStep(step) && stepWd(step) > limit * share;
    }

    // the first bill after archiving
    String firstBillPeriodSinceArchive;

    /** The date of archived_at; null while not archived. */
    public LocalDate getArchivedOn() {
        return archivedAt == null ? null : archivedAt.toLocalDate();
    }

    /**
     * The customer's earliest bill period from the archive month on (up to the audited period); null when the
     * application is not archived, has no customer, or no such bill exists.
     */
    public String getFirstBillPeriodSinceArchive() {
        return firstBillPeriodSinceArchive;
    }

    // ---- derived: time to archive, running capacity, pause resumed, latest of its kind ----
    int archiveWorkingDays = -1;
    Double customerRunningKva;
    boolean pauseResumed;
    boolean latestArchivedOfItsKind;

    /**
     * Working days from accepted_at to archived_at; while not archived (IN_PROGRESS) up to the as-of date;
     * -1 for a CANCELLED application or an ARCHIVED one without archived_at.
     */
    public int getArchiveWorkingDays() {
        return archiveWorkingDays;
    }

    /** The customer's running capacity (running_kva, or contract_kva when empty); null without a customer. */
    public Double getCustomerRunningKva() {
        return customerRunningKva;
    }

    /**
     * For a PAUSE: a RESUME application of the customer, not CANCELLED, was accepted on or after the day this
     * pause was archived (accepted, while not archived). False for other types.
     */
    public boolean isPauseResumed() {
        return pauseResumed;
    }

    /**
     * ARCHIVED, and no other ARCHIVED application of the same kind of the customer was archived later (kinds:
     * new-connection and increase types together; any other type by itself). False when not ARCHIVED.
     */
    public boolean isLatestArchivedOfItsKind() {
        return latestArchivedOfItsKind;
    }

    /** A new-connection or capacity-increase application (RES_NEW, LV_NEW, HV_NEW, TEMP_NEW, LV_INCREASE, HV_INCREASE). */
    public boolean isNewOrIncrease() {
        return isNewConnection() || "LV_INCREASE".equals(appType) || "HV_INCREASE".equals(appType);
    }
}
