package org.jicha.facts;

/** What a finding is about; the subject id is the record's natural key (READING: {@code meter_id:period}). */
public enum SubjectType {
    CUSTOMER,
    METER,
    READING,
    BILL,
    APPLICATION,
    INSPECTION
}
