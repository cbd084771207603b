package org.jicha.notify;

import java.time.LocalDate;

/** An open ticket as the overdue check and the digest read it from the tickets module. */
record OverdueTicket(
        long id,
        String ruleCode,
        String title,
        String subjectType,
        String subjectId,
        String customerNo,
        String stationCode,
        String teamUnitCode,
        String status,
        LocalDate dueOn,
        int escalationLevel) {

    /** The audited object as a reader names it: "METER M1 (客户 / customer C1)". */
    String subject() {
        return subjectType + " " + subjectId
                + (customerNo == null || customerNo.equals(subjectId) ? "" : "（客户 / customer " + customerNo + "）");
    }

    /** The unit whose superiors are this ticket's: its station, else its team. */
    String homeUnit() {
        return stationCode != null ? stationCode : teamUnitCode;
    }
}
