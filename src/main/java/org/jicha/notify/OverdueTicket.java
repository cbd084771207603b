package org.jicha.notify;

import java.time.LocalDate;
import org.jicha.config.Labels;

/**
 * An open ticket as the overdue check and the digest read it from the tickets module, its rule's title in Chinese
 * ({@code title}, as stored) and in English ({@code titleEn}, from the rules in force; the stored title when the
 * rule has none).
 */
record OverdueTicket(
        long id,
        String ruleCode,
        String title,
        String titleEn,
        String subjectType,
        String subjectId,
        String customerNo,
        String stationCode,
        String teamUnitCode,
        String status,
        LocalDate dueOn,
        int escalationLevel) {

    /** The audited object as a reader names it: "电能表 / Meter M1（客户 / customer C1）". */
    String subject() {
        return Labels.zh("subjectType." + subjectType) + " / " + Labels.en("subjectType." + subjectType) + " "
                + subjectId
                + (customerNo == null || customerNo.equals(subjectId) ? "" : "（客户 / customer " + customerNo + "）");
    }

    /** The unit whose superiors are this ticket's: its station, else its team. */
    String homeUnit() {
        return stationCode != null ? stationCode : teamUnitCode;
    }
}
