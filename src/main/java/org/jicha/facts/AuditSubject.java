package org.jicha.facts;

/** A fact a finding can be raised on. */
public interface AuditSubject {

    SubjectType getSubjectType();

    /** The natural key of the record (READING: {@code meter_id:period}). */
    String getSubjectId();

    /** The customer the subject belongs to; null for an application without an account yet. */
    String getCustomerNo();

    /** The STATION unit serving the subject: the responsible team is found under it. */
    String getStationCode();

    /** The billing month of a period record (reading, bill); null for state records. */
    default String getPeriod() {
        return null;
    }
}
