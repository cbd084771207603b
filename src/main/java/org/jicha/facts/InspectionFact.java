package org.jicha.facts;

import java.time.LocalDate;

/** A usage-inspection record (用电检查记录). */
public final class InspectionFact implements AuditSubject {

    String inspectionNo;
    String customerNo;
    String stationCode;
    LocalDate inspectedOn;
    int inspectorCount;
    String inspectorIds;
    String kind;
    String result;
    String hazardNote;
    String noticeNo;
    LocalDate rectifyDueOn;
    LocalDate rectifiedOn;
    boolean conclusionSigned;
    int photoCount;
    // derived
    boolean customerImportant;

    @Override
    public SubjectType getSubjectType() {
        return SubjectType.INSPECTION;
    }

    @Override
    public String getSubjectId() {
        return inspectionNo;
    }

    @Override
    public String getCustomerNo() {
        return customerNo;
    }

    @Override
    public String getStationCode() {
        return stationCode;
    }

    public String getInspectionNo() {
        return inspectionNo;
    }

    public LocalDate getInspectedOn() {
        return inspectedOn;
    }

    public int getInspectorCount() {
        return inspectorCount;
    }

    public String getInspectorIds() {
        return inspectorIds;
    }

    public String getKind() {
        return kind;
    }

    public String getResult() {
        return result;
    }

    public String getHazardNote() {
        return hazardNote;
    }

    public String getNoticeNo() {
        return noticeNo;
    }

    public LocalDate getRectifyDueOn() {
        return rectifyDueOn;
    }

    public LocalDate getRectifiedOn() {
        return rectifiedOn;
    }

    public boolean isConclusionSigned() {
        return conclusionSigned;
    }

    public int getPhotoCount() {
        return photoCount;
    }

    /** The customer is on the important-customer list (重要客户). */
    public boolean isCustomerImportant() {
        return customerImportant;
    }
}
