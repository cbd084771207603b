package org.jicha.facts;

import java.util.Arrays;
import org.jicha.facts.StoredRecords.Customer;
import org.jicha.facts.StoredRecords.Inspection;

/** Builds an {@link InspectionFact}: the inspection with how many distinct inspectors did it. */
final class InspectionFacts {

    private InspectionFacts() {}

    static InspectionFact of(Customer c, boolean important, Inspection i) {
        InspectionFact f = new InspectionFact();
        f.inspectionNo = i.inspectionNo();
        f.customerNo = c.customerNo();
        f.stationCode = c.stationCode();
        f.inspectedOn = i.inspectedOn();
        f.inspectorIds = i.inspectorIds();
        f.inspectorCount = (int) Arrays.stream(i.inspectorIds().split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .count();
        f.kind = i.kind();
        f.result = i.result();
        f.hazardNote = i.hazardNote();
        f.noticeNo = i.noticeNo();
        f.rectifyDueOn = i.rectifyDueOn();
        f.rectifiedOn = i.rectifiedOn();
        f.conclusionSigned = Boolean.TRUE.equals(i.conclusionSigned());
        f.photoCount = i.photoCount() == null ? 0 : i.photoCount();
        f.customerImportant = important;
        return f;
    }
}
